// Redaction of terminal output before it is kept anywhere (recordings, pins, logged commands).
// All rules run in one left-to-right pass, so a replacement is never matched again by a later
// rule (a user rule like /REDACTED/ cannot mangle an earlier rule's marker).
import type { RedactionRule } from './redactionRules';

/** What replaces a match: `[REDACTED: <rule name>]`. */
export function redactionMarker(ruleName: string): string {
  return `[REDACTED: ${ruleName}]`;
}

/** The name used when an unterminated private key block is cut off (see createStreamRedactor). */
export const PRIVATE_KEY_RULE_NAME = 'Private key block';
/** Default cap on a partial line held back waiting for its end. */
export const DEFAULT_MAX_HOLD_CHARS = 65_536;

interface CompiledRule {
  readonly name: string;
  readonly regex: RegExp;
}

export interface CompiledRedaction {
  readonly rules: readonly CompiledRule[];
}

/** Compiles every rule with the g flag (the rule's own g/y are dropped); throws naming the rule that does not compile. */
export function compileRedaction(rules: readonly RedactionRule[]): CompiledRedaction {
  return {
    rules: rules.map((rule) => {
      try {
        return { name: rule.name, regex: new RegExp(rule.pattern, `${(rule.flags ?? '').replace(/[gy]/g, '')}g`) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Redaction rule "${rule.name}" does not compile: ${reason}`, { cause: error });
      }
    }),
  };
}

interface Hit {
  index: number;
  end: number;
}

/** The next non-empty match of `regex` at or after `from`, or null (empty matches never redact anything). */
function nextHit(regex: RegExp, text: string, from: number): Hit | null {
  for (let at = from; at <= text.length; ) {
    regex.lastIndex = at;
    const match = regex.exec(text);
    if (!match) return null;
    if (match[0].length > 0) return { index: match.index, end: match.index + match[0].length };
    at = match.index + 1;
  }
  return null;
}

/** Every match of every rule becomes `[REDACTED: <rule name>]`; on overlap the leftmost match wins, then the earlier rule. */
export function redactText(text: string, compiled: CompiledRedaction): string {
  const { rules } = compiled;
  if (rules.length === 0 || text === '') return text;
  // Each rule's next match is cached and only searched again once the cursor has passed its start.
  const hits = rules.map((rule) => nextHit(rule.regex, text, 0));
  const parts: string[] = [];
  let cursor = 0;
  for (;;) {
    let best = -1;
    for (let i = 0; i < rules.length; i++) {
      let hit = hits[i] ?? null;
      if (hit && hit.index < cursor) hit = hits[i] = nextHit(rules[i]!.regex, text, cursor);
      if (hit && (best === -1 || hit.index < hits[best]!.index)) best = i;
    }
    if (best === -1) break;
    const hit = hits[best]!;
    parts.push(text.slice(cursor, hit.index), redactionMarker(rules[best]!.name));
    cursor = hit.end;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(cursor));
  return parts.join('');
}

// Streams (pty output on its way to a recording): a secret may arrive split across chunks, so
// the redactor holds back the trailing partial line (a one-line secret typed or printed in
// pieces). A private key block spans lines and is handled apart: from its BEGIN line everything
// is swallowed, and one marker is written when its own END arrives in the same stream (one
// command's output, or one prompt with what was typed at it). An END in a later stream, such as
// the next command's echo, does not close it: the block stays open, swallowing, until the size
// limit, and is then marked as cut. Without stream boundaries (a shell without our integration)
// the whole session is one stream.

const KEY_BEGIN_HINT = '-----BEGIN ';
const KEY_BEGIN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
const KEY_END = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
/** How much of a swallowed block's tail is kept so an END split across two chunks is still seen (with the longest label in use, ENCRYPTED, an END line is 36). */
const KEY_END_TAIL_CHARS = 80;
/** How much of an over-long line's tail is kept when it is let go, so a BEGIN split across chunks is still seen. */
const KEY_BEGIN_TAIL_CHARS = 80;
/** An RSA-16384 key, the largest in common use, is about 12.7K characters of PEM. */
export const DEFAULT_MAX_KEY_BLOCK_CHARS = 16_384;
/** What a key block becomes when its END never came in its own stream. */
export const KEY_BLOCK_CUT_MARKER = redactionMarker(`${PRIVATE_KEY_RULE_NAME}, cut: no END line`);

export interface StreamRedactor {
  /** The redacted text that is safe to emit now. */
  push(text: string): string;
  /** The current stream is over (a command finished, or the prompt's command started): returns what it still held, redacted. */
  endStream(): string;
  /** Everything still held, redacted (the session is over). */
  flush(): string;
}

export interface StreamRedactorOptions {
  /** Cap on a partial line held back waiting for its end. */
  maxHoldChars?: number;
  /** Cap on a private key block: past this many characters without its END it is marked as cut. */
  maxKeyBlockChars?: number;
}

/** The last line break in `text` (\n, or \r for progress bars that redraw one line for hours) plus one, or 0. */
function afterLastLineBreak(text: string): number {
  return Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
}

export function createStreamRedactor(compiled: CompiledRedaction, opts?: StreamRedactorOptions): StreamRedactor {
  const maxHold = opts?.maxHoldChars ?? DEFAULT_MAX_HOLD_CHARS;
  const maxKey = opts?.maxKeyBlockChars ?? DEFAULT_MAX_KEY_BLOCK_CHARS;
  let held = '';
  /** The open key block: characters swallowed so far (not counting `held`), and whether an END can still close it. */
  let block: { chars: number; closable: boolean } | null = null;
  const redact = (text: string) => (text === '' ? '' : redactText(text, compiled));

  /** Outside a block: emits complete lines, holds the partial one; returns [emitted, rest that starts a block]. */
  function outside(buffer: string): [string, string] {
    const begin = buffer.includes(KEY_BEGIN_HINT) ? KEY_BEGIN.exec(buffer) : null;
    if (begin) {
      block = { chars: 0, closable: true };
      return [redact(buffer.slice(0, begin.index)), buffer.slice(begin.index)];
    }
    let cut = afterLastLineBreak(buffer);
    if (buffer.length - cut > maxHold) {
      // Too long to be a line worth waiting for: let it go, except a tail that may be a BEGIN in the making.
      const tail = buffer.indexOf('-', buffer.length - KEY_BEGIN_TAIL_CHARS);
      cut = tail === -1 ? buffer.length : tail;
    }
    held = buffer.slice(cut);
    return [redact(buffer.slice(0, cut)), ''];
  }

  /** Inside a block: swallows up to its END (same stream only) or the size limit; returns [emitted, rest after the block]. */
  function inside(open: { chars: number; closable: boolean }, buffer: string): [string, string] {
    const room = maxKey - open.chars;
    const end = open.closable ? KEY_END.exec(buffer) : null;
    if (end && end.index + end[0].length <= room) {
      block = null;
      return [redactionMarker(PRIVATE_KEY_RULE_NAME), buffer.slice(end.index + end[0].length)];
    }
    if (buffer.length > room) {
      block = null;
      return [KEY_BLOCK_CUT_MARKER, buffer.slice(room)];
    }
    const keep = open.closable ? Math.min(KEY_END_TAIL_CHARS, buffer.length) : 0;
    open.chars += buffer.length - keep;
    held = buffer.slice(buffer.length - keep);
    return ['', ''];
  }

  return {
    push(text) {
      let rest = held + text;
      held = '';
      let out = '';
      while (rest !== '') {
        const [emitted, next] = block ? inside(block, rest) : outside(rest);
        out += emitted;
        rest = next;
      }
      return out;
    },
    endStream() {
      if (block) {
        // Its stream is over without its END: nothing later may close it, it runs to the limit.
        block.chars += held.length;
        block.closable = false;
        held = '';
        return '';
      }
      const rest = held;
      held = '';
      return redact(rest);
    },
    flush() {
      const rest = held;
      held = '';
      if (!block) return redact(rest);
      block = null;
      return KEY_BLOCK_CUT_MARKER;
    },
  };
}
