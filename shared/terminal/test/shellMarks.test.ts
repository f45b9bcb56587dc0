import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createShellMarkParser, escapeMarkValue, type ShellMark } from '../shellMarks';

const NONCE = 'n0nce-7f3a';
const ESC = '\x1b';
const BEL = '\x07';
const osc = (body: string, terminator: string = BEL): string => `${ESC}]633;${body}${terminator}`;
const mark = {
  line: (line: string, nonce = NONCE) => osc(`E;${escapeMarkValue(line)};${nonce}`),
  executed: (nonce = NONCE) => osc(`C;${nonce}`, `${ESC}\\`),
  finished: (code?: number, nonce = NONCE) => osc(code === undefined ? `D;${nonce}` : `D;${code};${nonce}`),
  cwd: (path: string, nonce = NONCE) => osc(`P;Cwd=${escapeMarkValue(path)};${nonce}`),
};

function parseAll(chunks: readonly string[], nonce = NONCE): { output: string; marks: ShellMark[]; offsets: number[] } {
  const parser = createShellMarkParser(nonce);
  let output = '';
  const marks: ShellMark[] = [];
  const offsets: number[] = [];
  for (const chunk of chunks) {
    const result = parser.push(chunk);
    offsets.push(...result.offsets.map((at) => output.length + at));
    output += result.output;
    marks.push(...result.marks);
  }
  return { output, marks, offsets };
}

const SESSION = [
  mark.cwd('/srv/db; data\\x'),
  '\x1b[32muser@db\x1b[0m:~$ ',
  mark.line('rsync -av --delete /data/ standby:/data/\necho "done";'),
  mark.executed(),
  'sending incremental file list\r\n',
  `${ESC}]0;window title${BEL}`,
  `${ESC}]52;c;?${ESC}\\`,
  mark.finished(23),
  mark.line(''),
  mark.executed(),
  mark.finished(),
  osc(`A;${NONCE}`),
].join('');

describe('createShellMarkParser', () => {
  it('removes marks carrying the nonce and returns them in order; other sequences pass through', () => {
    const { output, marks } = parseAll([SESSION]);
    expect(marks).toEqual([
      { kind: 'cwd', path: '/srv/db; data\\x' },
      { kind: 'commandLine', line: 'rsync -av --delete /data/ standby:/data/\necho "done";' },
      { kind: 'executed' },
      { kind: 'finished', exitCode: 23 },
      { kind: 'commandLine', line: '' },
      { kind: 'executed' },
      { kind: 'finished', exitCode: null },
    ]);
    expect(output).toBe(`\x1b[32muser@db\x1b[0m:~$ sending incremental file list\r\n${ESC}]0;window title${BEL}${ESC}]52;c;?${ESC}\\`);
  });

  it("says where in the output each mark stood, so a prompt and a command's output can be told apart", () => {
    const { output, offsets } = parseAll([SESSION]);
    const prompt = '\x1b[32muser@db\x1b[0m:~$ '.length;
    expect(offsets).toEqual([0, prompt, prompt, output.length, output.length, output.length, output.length]);
  });

  it('gives the same marks and output when the stream is split at every position', () => {
    const whole = parseAll([SESSION]);
    for (let cut = 0; cut <= SESSION.length; cut++) {
      expect(parseAll([SESSION.slice(0, cut), SESSION.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    }
  });

  it('property: any split of any mix of marks, escapes and text parses the same as unsplit', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(ESC, `${ESC}]`, `${ESC}]6`, `${ESC}[0m`, BEL, `${ESC}\\`, `${ESC}]0;t${BEL}`),
      fc.string({ maxLength: 12 }).map((line) => mark.line(line)),
      fc.constant(mark.executed()),
      fc.option(fc.integer({ min: -255, max: 255 }), { nil: undefined }).map((code) => mark.finished(code)),
      fc.string({ maxLength: 12 }).map((path) => mark.cwd(path)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 4 }), (pieces, cuts) => {
        const text = pieces.join('');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const parts = [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length));
        expect(parseAll(parts)).toEqual(parseAll([text]));
      }),
    );
  });

  it('property: forged marks (wrong or missing nonce) never produce marks and are removed', () => {
    const forged = fc.tuple(fc.constantFrom('E;rm -rf /', 'C', 'D;0', 'P;Cwd=/etc', 'E;x;n0nce', 'D;1;other'), fc.constantFrom(BEL, `${ESC}\\`));
    fc.assert(
      fc.property(fc.array(fc.oneof(forged.map(([body, t]) => osc(body, t)), fc.string({ maxLength: 6 }).filter((s) => !s.includes(ESC))), { maxLength: 10 }), (pieces) => {
        const { output, marks } = parseAll([pieces.join('')]);
        expect(marks).toEqual([]);
        expect(output).not.toContain(`${ESC}]633;`);
      }),
    );
  });

  it('takes the fast path for plain output: the very same string back', () => {
    const parser = createShellMarkParser(NONCE);
    const chunk = 'y\n'.repeat(1000);
    const result = parser.push(chunk);
    expect(result.output).toBe(chunk);
    expect(result.marks).toHaveLength(0);
  });

  it('holds a chunk ending in a possible mark start until the next chunk says what it is', () => {
    const parser = createShellMarkParser(NONCE);
    expect(parser.push(`abc${ESC}`).output).toBe('abc');
    expect(parser.push('[1m bold').output).toBe(`${ESC}[1m bold`);
    expect(parser.push(`x${ESC}]63`).output).toBe('x');
    expect(parser.push(`3;C;${NONCE}${BEL}y`)).toEqual({ output: 'y', marks: [{ kind: 'executed' }], offsets: [0] });
  });

  it('drops a mark aborted by another escape sequence and keeps that sequence', () => {
    expect(parseAll([`a${ESC}]633;C;${NONCE}${ESC}[31mred`])).toEqual({ output: `a${ESC}[31mred`, marks: [], offsets: [] });
  });

  it('refuses an empty nonce', () => {
    expect(() => createShellMarkParser('')).toThrow(/nonce/);
  });

  it('escapeMarkValue round-trips through the parser', () => {
    fc.assert(
      fc.property(fc.string(), (line) => {
        expect(parseAll([mark.line(line)]).marks).toEqual([{ kind: 'commandLine', line }]);
      }),
    );
  });
});
