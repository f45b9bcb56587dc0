// Command capture from the shell integration's OSC 633 marks (VS Code's scheme). Our bash/zsh
// integration appends a per-session nonce to every mark; a program's output cannot know it, so
// 633 sequences without it are forged: removed and ignored. Other escape sequences pass through.

export type ShellMark =
  | { kind: 'commandLine'; line: string } // 633;E;<escaped line>;<nonce>
  | { kind: 'executed' } // 633;C;<nonce>
  | { kind: 'finished'; exitCode: number | null } // 633;D[;<code>];<nonce>
  | { kind: 'cwd'; path: string }; // 633;P;Cwd=<escaped>;<nonce>

export interface ParsedChunk {
  /** The chunk with every 633 mark removed. */
  output: string;
  marks: ShellMark[];
  /** Where each mark stood in `output` (same order as `marks`): a prompt, a command's output and the next prompt are told apart by these. */
  offsets: number[];
}

export interface ShellMarkParser {
  push(chunk: string): ParsedChunk;
}

const ESC = '\x1b';
const BEL = '\x07';
const OSC_START = `${ESC}]`;
const MARK_START = `${ESC}]633;`;
/** Only chunks containing this can hold a mark (the fast path checks for it). */
const MARK_HINT = `${ESC}]6`;
const STRING_TERMINATOR = `${ESC}\\`;
/** An unterminated mark longer than this is not ours (ours are one command line): let it through. */
const MAX_MARK_CHARS = 65_536;
const CWD_PREFIX = 'Cwd=';
/** Returned by the fast path: shared and frozen, so a chunk without marks allocates nothing. */
const NO_MARKS = Object.freeze([]) as unknown as ShellMark[];
const NO_OFFSETS = Object.freeze([]) as unknown as number[];

/** VS Code's escaping inside mark params: `\\` → `\`, `\xHH` → that character. */
function unescapeMarkValue(value: string): string {
  return value.includes('\\') ? value.replace(/\\(\\|x([0-9a-fA-F]{2}))/g, (_m, what: string, hex?: string) => (hex ? String.fromCharCode(parseInt(hex, 16)) : what)) : value;
}

/** The inverse of the parser's unescaping: backslash, `;` and control characters become escapes. */
export function escapeMarkValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\\;\x00-\x1f\x7f]/g, (c) => (c === '\\' ? '\\\\' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** The mark a 633 body (what lies between `633;` and the terminator) stands for, or null if forged or unknown. */
function markFromBody(body: string, nonce: string): ShellMark | null {
  const params = body.split(';');
  if (params.length < 2 || params[params.length - 1] !== nonce) return null;
  const [command, first] = params;
  const args = params.length - 2;
  switch (command) {
    case 'E':
      return args <= 1 ? { kind: 'commandLine', line: unescapeMarkValue(args === 1 ? (first ?? '') : '') } : null;
    case 'C':
      return args === 0 ? { kind: 'executed' } : null;
    case 'D': {
      if (args === 0) return { kind: 'finished', exitCode: null };
      const code = args === 1 && /^-?\d{1,10}$/.test(first ?? '') ? Number(first) : null;
      return args === 1 ? { kind: 'finished', exitCode: code !== null && Number.isSafeInteger(code) ? code : null } : null;
    }
    case 'P':
      return args === 1 && first?.startsWith(CWD_PREFIX) ? { kind: 'cwd', path: unescapeMarkValue(first.slice(CWD_PREFIX.length)) } : null;
    default:
      return null;
  }
}

/** True when `tail` (from an ESC to the end of the text) could still grow into `ESC ] 633 ;`. */
function couldBecomeMark(tail: string): boolean {
  return tail.length < MARK_START.length && MARK_START.startsWith(tail);
}

export function createShellMarkParser(nonce: string): ShellMarkParser {
  if (nonce === '' || nonce.includes(';')) throw new Error('The shell mark nonce must be non-empty and contain no ";"');
  let held = '';

  function slowPath(text: string): ParsedChunk {
    const marks: ShellMark[] = [];
    const offsets: number[] = [];
    const out: string[] = [];
    let outChars = 0;
    const emit = (piece: string) => {
      out.push(piece);
      outChars += piece.length;
    };
    let copied = 0;
    let from = 0;
    for (;;) {
      const start = text.indexOf(ESC, from);
      if (start === -1) break;
      const tail = text.length - start;
      if (tail < MARK_START.length) {
        if (couldBecomeMark(text.slice(start))) {
          held = text.slice(start);
          emit(text.slice(copied, start));
          return { output: out.join(''), marks, offsets };
        }
        from = start + 1;
        continue;
      }
      if (!text.startsWith(MARK_START, start)) {
        from = start + (text.startsWith(OSC_START, start) ? OSC_START.length : 1);
        continue;
      }
      const bodyStart = start + MARK_START.length;
      const bel = text.indexOf(BEL, bodyStart);
      const esc = text.indexOf(ESC, bodyStart);
      const end = bel !== -1 && (esc === -1 || bel < esc) ? bel : esc;
      if (end === -1 || (end === esc && end === text.length - 1)) {
        if (tail > MAX_MARK_CHARS) {
          from = bodyStart;
          continue;
        }
        held = text.slice(start);
        emit(text.slice(copied, start));
        return { output: out.join(''), marks, offsets };
      }
      emit(text.slice(copied, start));
      if (end === bel || text.startsWith(STRING_TERMINATOR, end)) {
        const mark = markFromBody(text.slice(bodyStart, end), nonce);
        if (mark) {
          marks.push(mark);
          offsets.push(outChars);
        }
        copied = from = end === bel ? end + 1 : end + STRING_TERMINATOR.length;
      } else {
        // An ESC that is not ST aborts the sequence (as in xterm); the ESC starts whatever comes next.
        copied = from = end;
      }
    }
    held = '';
    out.push(text.slice(copied));
    return { output: out.join(''), marks, offsets };
  }

  return {
    push(chunk) {
      if (held === '') {
        const last = chunk.charCodeAt(chunk.length - 1);
        if (!chunk.includes(MARK_HINT) && last !== 0x1b && !chunk.endsWith(OSC_START)) return { output: chunk, marks: NO_MARKS, offsets: NO_OFFSETS };
        return slowPath(chunk);
      }
      const text = held + chunk;
      held = '';
      return slowPath(text);
    },
  };
}

