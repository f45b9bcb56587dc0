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
/** Default cap on text held back waiting for a line end or a key block's END line. */
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
// the redactor holds back what could still be the start of one: the trailing partial line, and
// an unterminated private key block (which spans lines).

const KEY_BEGIN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g;
const KEY_END = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----/g;

/**
 * Where the last key block starts if it is not closed by `limit` (the block would be cut in two
 * there), or -1. With limit = text.length: the start of an unterminated block.
 */
function openKeyBlockStart(text: string, limit = text.length): number {
  if (!text.includes('-----BEGIN ')) return -1;
  let lastBegin = -1;
  for (const match of text.matchAll(KEY_BEGIN)) {
    if (match.index >= limit) break;
    lastBegin = match.index;
  }
  if (lastBegin === -1) return -1;
  KEY_END.lastIndex = lastBegin;
  const end = KEY_END.exec(text);
  return end && end.index + end[0].length <= limit ? -1 : lastBegin;
}

export interface StreamRedactor {
  /** The redacted text that is safe to emit now. */
  push(text: string): string;
  /** Everything still held, redacted. */
  flush(): string;
}

/**
 * push() returns what is safe to emit now and holds the rest, up to maxHoldChars; past that it
 * emits anyway, except that an unterminated key block is replaced whole by one marker.
 */
export function createStreamRedactor(compiled: CompiledRedaction, opts?: { maxHoldChars?: number }): StreamRedactor {
  const maxHold = opts?.maxHoldChars ?? DEFAULT_MAX_HOLD_CHARS;
  let held = '';
  return {
    push(text) {
      const buffer = held + text;
      // A line ends at \n, or at \r for progress bars that redraw one line for hours; a secret
      // never spans either, and holding a partial line is what catches one typed or printed in pieces.
      let cut = Math.max(buffer.lastIndexOf('\n'), buffer.lastIndexOf('\r')) + 1;
      const keyStart = openKeyBlockStart(buffer, cut);
      if (keyStart !== -1) cut = keyStart;
      held = buffer.slice(cut);
      const ready = buffer.slice(0, cut);
      if (held.length <= maxHold) return ready === '' ? '' : redactText(ready, compiled);
      // Too long to be a key or a line worth waiting for: let it go, but never half a key block.
      const overflow = held;
      held = '';
      const openKey = openKeyBlockStart(overflow);
      if (openKey === -1) return redactText(ready + overflow, compiled);
      return `${redactText(ready + overflow.slice(0, openKey), compiled)}${redactionMarker(PRIVATE_KEY_RULE_NAME)}`;
    },
    flush() {
      const rest = held;
      held = '';
      return redactText(rest, compiled);
    },
  };
}
