// Escaping is checked against a real GFM parser (marked): whatever the text, a table row
// keeps its cells, and no HTML, link, emphasis or code element comes out of user text.
import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { CELL_LINE_BREAK, escapeInline, escapeTableCell } from '../escape';
import { HOSTILE_TEXTS } from './fixtures';

const COLUMNS = 3;

function renderRow(cellText: string): string {
  const cell = escapeTableCell(cellText);
  const markdown = `| a | b | c |\n| --- | --- | --- |\n| x | ${cell === '' ? '' : cell} | y |\n`;
  return marked.parse(markdown, { gfm: true, async: false });
}

function bodyCells(html: string): string[] {
  const body = html.slice(html.indexOf('<tbody>'));
  return [...body.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((match) => match[1] ?? '');
}

/** Tags marked may produce for a table; anything else came from user text. */
const TABLE_TAGS = /<\/?(table|thead|tbody|tr|th|td)>|<a href="https?:\/\/[^"]*">|<\/a>/g;

function assertInert(text: string): void {
  const html = renderRow(text);
  const cells = bodyCells(html);
  expect(cells, html).toHaveLength(COLUMNS);
  expect(cells[0]).toBe('x');
  expect(cells[2]).toBe('y');
  expect(html.replace(TABLE_TAGS, ''), html).not.toMatch(/<[a-z!/]/i);
}

describe('escapeTableCell', () => {
  it.each(HOSTILE_TEXTS)('keeps the row intact and inert: %j', (text) => {
    assertInert(text);
  });

  it('keeps any text in its cell and never produces markup (property)', () => {
    const hazards = fc.constantFrom('|', '\\', '`', '*', '_', '~', '[', ']', '(', ')', '<', '>', '&', '#', '-', '+', '1.', '\n', ' ', '!', 'javascript:', 'https://x.io', '@', 'www.', ':', 'a');
    fc.assert(
      fc.property(fc.array(hazards, { maxLength: 30 }).map((parts) => parts.join('')), (text) => assertInert(text)),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), (text) => assertInert(text)), { numRuns: 300 });
  });

  it('shows the text itself once rendered', () => {
    const text = 'a | b <c> & `d` *e* _f_';
    const cell = bodyCells(renderRow(text))[1];
    expect(cell).toBe('a | b &lt;c&gt; &amp; `d` *e* _f_');
  });

  it('escapes pipes, HTML and backticks the way the table needs', () => {
    expect(escapeTableCell('a|b')).toBe('a\\|b');
    expect(escapeTableCell('<img onerror=x>')).toBe('&lt;img onerror=x&gt;');
    expect(escapeTableCell('`x | y`')).toBe('\\`x \\| y\\`');
    expect(escapeTableCell('AT&T')).toBe('AT&amp;T');
  });

  it('joins lines into one cell and drops blank lines', () => {
    expect(escapeTableCell('one\r\ntwo\n\n three ')).toBe(`one${CELL_LINE_BREAK}two${CELL_LINE_BREAK}three`);
  });

  it('neutralises block markers at the start of every line', () => {
    expect(escapeTableCell('# h')).toBe('\\# h');
    expect(escapeTableCell('- a\n+ b\n12. c\n3) d')).toBe(['\\- a', '\\+ b', '12\\. c', '3\\) d'].join(CELL_LINE_BREAK));
    expect(escapeTableCell('> q')).toBe('&gt; q');
    expect(escapeTableCell('a - b # c')).toBe('a - b # c');
  });

  it('disarms links and images of every scheme, and turns http(s) URLs into autolinks', () => {
    expect(escapeTableCell('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(escapeTableCell('see https://a.io/x_y?q=1&r=2.')).toBe('see <https://a.io/x_y?q=1&r=2>.');
    expect(escapeTableCell('mail ops@example.com')).toBe('mail ops\\@example.com');
    expect(escapeTableCell('www.example.com')).toBe('www\\.example.com');
  });

  it('is trimmed and empty for blank text', () => {
    expect(escapeTableCell('  \n\t ')).toBe('');
  });
});

describe('escapeInline', () => {
  it('folds line breaks into spaces so a heading cannot end early', () => {
    expect(escapeInline('Title\n# injected')).toBe('Title \\# injected');
  });

  it('renders as one paragraph of plain text inside a heading', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), (text) => {
        const html = marked.parse(`# ${escapeInline(text)} — Postmortem\n`, { gfm: true, async: false });
        const withoutLinks = html.replace(/<a href="https?:\/\/[^"]*">|<\/a>/g, '');
        expect(withoutLinks).toMatch(/^<h1>[^<]*— Postmortem<\/h1>\n$/);
      }),
      { numRuns: 300 },
    );
  });
});
