import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintMarkdown } from '../../export/test/markdownLint';
import { codeFence, commandEntryText, excerptCaption, pinEntryText, shortDuration } from '../entryText';
import type { CommandRecord } from '../protocol';

const AT = '2026-11-21T22:00:00.000Z';
const command = (patch: Partial<CommandRecord>): CommandRecord => ({ seq: 1, line: 'ls', cwd: null, startedAt: AT, endedAt: null, exitCode: null, ...patch });
const HOSTILE_OUTPUT = [
  'plain',
  '```\nfenced\n```',
  '~~~\ntilde\n~~~',
  'a ``` b ```` c',
  '\x1b[31mred\x1b[0m \x1b]8;;file:///etc/passwd\x07link\x1b]8;;\x07 \x07bell \x00nul \x9bcsi',
  'tab\tseparated\tcolumns   ',
  'progress 10%\rprogress 100%\r\n',
  '# heading\n<script>x</script>\n[a](javascript:x)',
  'x'.repeat(500),
  '\n\n  \n',
];
/** Standalone entries are linted under a heading (MD041 wants one first). */
const asDocument = (text: string): string => `# Entry\n\n${text}\n`;

describe('codeFence', () => {
  it('is longer than any backtick run and at least three', () => {
    expect(codeFence('no ticks')).toBe('```');
    expect(codeFence('a ```` b')).toBe('`````');
  });
});

describe('pinEntryText', () => {
  it('writes the excerpt in a text fence under a bold, escaped name', () => {
    expect(pinEntryText({ terminalName: 'db-1', excerpt: 'hello\n' })).toBe('Output from **db-1**:\n\n```text\nhello\n```');
    expect(pinEntryText({ terminalName: 'a*b', excerpt: '' })).toBe('Output from **a\\*b**:\n\n```text\n```');
    expect(pinEntryText({ terminalName: ' ', excerpt: 'x' })).toContain('**terminal**');
  });

  it('drops control characters and escape sequences, expands tabs, trims trailing spaces', () => {
    const text = pinEntryText({ terminalName: 't', excerpt: HOSTILE_OUTPUT[4]! + '\n' + HOSTILE_OUTPUT[5]! });
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(text).toContain('red link bell nul csi');
    expect(text).toContain('tab     separated       columns\n');
  });

  it('lints for hostile output and names', async () => {
    const docs: Record<string, string> = {};
    HOSTILE_OUTPUT.forEach((excerpt, i) => (docs[`pin-${i}.md`] = asDocument(pinEntryText({ terminalName: HOSTILE_OUTPUT[i % 8]!, excerpt }))));
    const errors = await lintMarkdown(docs);
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('property: always lints', async () => {
    const samples = fc.sample(fc.record({ terminalName: fc.string({ maxLength: 20 }), excerpt: fc.string({ maxLength: 200, unit: 'binary' }) }), 60);
    const docs = Object.fromEntries(samples.map((input, i) => [`pin-prop-${i}.md`, asDocument(pinEntryText(input))]));
    const errors = await lintMarkdown(docs);
    expect(errors, errors.join('\n')).toEqual([]);
  });
});

describe('commandEntryText', () => {
  it('writes one line for a one-line command, with its outcome', () => {
    expect(commandEntryText({ terminalName: 'db-1', command: command({ endedAt: '2026-11-21T22:02:03.400Z', exitCode: 0 }) })).toBe('`$ ls` → exit 0 after 2 min 3 s in **db-1**');
    expect(commandEntryText({ terminalName: 'db', command: command({ line: 'echo `date`' }) })).toBe('`` $ echo `date` `` → still running in **db**');
    expect(commandEntryText({ terminalName: 'db', command: command({ endedAt: AT }) })).toBe('`$ ls` → exit unknown after less than 1 s in **db**');
  });

  it('puts a multi-line command in an sh fence', () => {
    const text = commandEntryText({ terminalName: 'db', command: command({ line: 'for i in 1 2\ndo echo $i\ndone', endedAt: '2026-11-21T23:05:00.000Z', exitCode: 1 }) });
    expect(text).toBe('Command in **db** → exit 1 after 1 h 5 min:\n\n```sh\nfor i in 1 2\ndo echo $i\ndone\n```');
    expect(excerptCaption(text)).toBe('Command in db → exit 1 after 1 h 5 min:');
  });

  it('property: always lints', async () => {
    const samples = fc.sample(
      fc.record({ terminalName: fc.string({ maxLength: 20 }), line: fc.string({ maxLength: 80, unit: 'binary' }), exitCode: fc.option(fc.integer({ min: -1, max: 255 }), { nil: null }), ended: fc.boolean() }),
      60,
    );
    const docs = Object.fromEntries(
      samples.map((s, i) => [`cmd-${i}.md`, asDocument(commandEntryText({ terminalName: s.terminalName, command: command({ line: s.line, exitCode: s.exitCode, endedAt: s.ended ? '2026-11-21T22:00:09.000Z' : null }) }))]),
    );
    const errors = await lintMarkdown(docs);
    expect(errors, errors.join('\n')).toEqual([]);
  });
});

describe('shortDuration and excerptCaption', () => {
  it('formats durations briefly', () => {
    expect(shortDuration(999)).toBe('less than 1 s');
    expect(shortDuration(61_000)).toBe('1 min 1 s');
    expect(shortDuration(3 * 86_400_000 + 7_200_000 + 5_000)).toBe('3 d 2 h');
  });

  it('takes the first line outside fences, as plain text', () => {
    expect(excerptCaption(pinEntryText({ terminalName: 'a_b & <c>', excerpt: 'x' }))).toBe('Output from a_b & <c>:');
    expect(excerptCaption('```\ninside\n```\n\n  after  \nmore')).toBe('after');
    expect(excerptCaption('~~~~\n```\n~~~\n~~~~\nout')).toBe('out');
    expect(excerptCaption(pinEntryText({ terminalName: '`db` | **2** \\*', excerpt: 'x' }))).toBe('Output from `db` | **2** \\*:');
    expect(excerptCaption('')).toBe('');
  });
});
