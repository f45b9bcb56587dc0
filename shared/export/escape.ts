// Escaping of untrusted text (entry text, titles, names) for the postmortem Markdown.
// Text that goes through here is shown literally: it can neither break the table or
// heading it sits in nor inject links, HTML or emphasis, and the result passes
// markdownlint's default rules (no bare URLs, no inline HTML).

/**
 * Stands for a line break inside a table cell. GFM cells are single-line and `<br>`
 * is inline HTML, which markdownlint's default MD033 rejects, so a visible symbol it is.
 */
export const CELL_LINE_BREAK = ' ⏎ ';

const NEWLINE = /\r\n|\r|\n/;

/** Characters with inline meaning in GFM; `@` because a bare e-mail address is an autolink. */
const INLINE_SPECIAL = /[\\`*_~[\]|&<>@]/g;
const INLINE_SPECIAL_TEST = /[\\`*_~[\]|&<>@]/;
const REPLACEMENTS: Record<string, string> = {
  '\\': '\\\\',
  '`': '\\`',
  '*': '\\*',
  _: '\\_',
  '~': '\\~',
  '[': '\\[',
  ']': '\\]',
  '|': '\\|',
  '@': '\\@',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

/**
 * An http(s) URL, stopping before anything that could end an autolink or split a cell.
 * Trailing sentence punctuation is not part of the URL (GFM does the same).
 */
const WEB_URL = /https?:\/\/[^\s<>|`\\"'[\]]+?(?=[.,;:!?)'"]*(?:[\s<>|`\\"'[\]]|$))/g;
/** "www." starts a GFM autolink literal; escaping the dot keeps it plain text. */
const WWW = /\bwww\./gi;
/** Block markers that would start a heading, quote, list or numbered list at a line start. */
const LEADING_BLOCK_MARKER = /^(\s*)(#|[-+]|\d+(?=[.)]))/;

function escapeSpecials(text: string): string {
  const escaped = INLINE_SPECIAL_TEST.test(text) ? text.replace(INLINE_SPECIAL, (c) => REPLACEMENTS[c] ?? c) : text;
  return escaped.includes('www.') || escaped.includes('WWW.') ? escaped.replace(WWW, (m) => `${m.slice(0, -1)}\\.`) : escaped;
}

/** Escapes one line, turning its http(s) URLs into `<…>` autolinks so they stay clickable. */
function escapeLine(line: string): string {
  let body: string;
  if (!line.includes('://')) {
    body = escapeSpecials(line);
  } else {
    const parts: string[] = [];
    let last = 0;
    for (const match of line.matchAll(WEB_URL)) {
      parts.push(escapeSpecials(line.slice(last, match.index)), `<${match[0]}>`);
      last = match.index + match[0].length;
    }
    parts.push(escapeSpecials(line.slice(last)));
    body = parts.join('');
  }
  // A digit run followed by "." or ")" is a list marker: escape the punctuation after it.
  return body.replace(LEADING_BLOCK_MARKER, (_m, space: string, marker: string) =>
    /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
  );
}

function escapeLines(text: string, joiner: string): string {
  if (!NEWLINE.test(text)) return escapeLine(text.trim());
  const lines: string[] = [];
  for (const line of text.split(NEWLINE)) {
    const trimmed = line.trim();
    if (trimmed !== '') lines.push(escapeLine(trimmed));
  }
  return lines.join(joiner);
}

/**
 * Text for one GFM table cell: `|` escaped, HTML escaped, no code spans, links or
 * emphasis, no leading block markers, and line breaks shown as {@link CELL_LINE_BREAK}.
 * Blank lines are dropped (a cell cannot hold paragraphs) and the result is trimmed,
 * because markdownlint's table style wants exactly one space inside each pipe.
 */
export function escapeTableCell(text: string): string {
  return escapeLines(text, CELL_LINE_BREAK);
}

/**
 * Text for a single line of prose, a heading or a list item: as {@link escapeTableCell},
 * with line breaks folded into spaces so a title can never leave its heading.
 */
export function escapeInline(text: string): string {
  return escapeLines(text, ' ');
}
