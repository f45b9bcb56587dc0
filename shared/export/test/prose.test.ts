import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { sanitizeProse } from '../prose';

function html(prose: string): string {
  return marked.parse(`## Section\n\n${sanitizeProse(prose)}\n\n## After\n`, { gfm: true, async: false });
}

describe('sanitizeProse', () => {
  it('keeps ordinary Markdown', () => {
    const out = html('Text with **strong**, *em*, `code` and [a link](https://example.com).\n\n- one\n- two');
    expect(out).toContain('<strong>strong</strong>');
    expect(out).toContain('<em>em</em>');
    expect(out).toContain('<code>code</code>');
    expect(out).toContain('<a href="https://example.com">a link</a>');
    expect(out).toContain('<li>one</li>');
  });

  it('demotes headings and setext underlines to text', () => {
    expect(html('# Big\n## Medium\nSetext\n===\nOther\n---')).not.toMatch(/<h[13-6]>|<hr>/);
    expect(html('# Big').match(/<h2>/g)).toHaveLength(2);
  });

  it('closes an unclosed fence so it cannot swallow the rest of the document', () => {
    expect(sanitizeProse('```\ncode')).toBe('```text\ncode\n```');
    expect(html('```\ncode')).toContain('<h2>After</h2>');
  });

  it('escapes raw HTML outside code and keeps it verbatim inside code', () => {
    expect(html('<script>alert(1)</script> <img src=x onerror=y>')).not.toMatch(/<script|<img/);
    expect(sanitizeProse('`a < b`')).toBe('`a < b`');
  });

  it('disarms script, data and fragment links, keeps http(s) and mailto', () => {
    const out = html('[x](javascript:alert(1)) ![i](data:x) [f](#nowhere) [m](mailto:a@b.c) see https://a.io/x_y.');
    expect(out).not.toMatch(/href="(javascript|data|#)/);
    expect(out).toContain('href="mailto:a@b.c"');
    expect(out).toContain('<a href="https://a.io/x_y">');
  });

  it('never lets any input create a heading or break out of its section (property)', () => {
    const pieces = fc.constantFrom('#', '##', '\n', '```', '~~~', '<b>', '===', '---', '- ', '1. ', '*', '_', '[x](javascript:y)', '> ', '    ', 'text', ' ');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 25 }).map((p) => p.join('')), (prose) => {
        const out = html(prose);
        expect(out.match(/<h2>/g), out).toHaveLength(2);
        expect(out, out).toMatch(/<h2>After<\/h2>\n$/);
        expect(out).not.toMatch(/<h[13-6]>|<b>|href="javascript/);
      }),
      { numRuns: 300 },
    );
  });
});
