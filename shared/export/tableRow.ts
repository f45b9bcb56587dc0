/**
 * One GFM table row from already-escaped cells. An empty cell is written "| |" (one
 * space), the compact form markdownlint's table rules accept, as the timeline's date rows do.
 */
export function tableRow(cells: readonly string[]): string {
  return `|${cells.map((cell) => (cell === '' ? ' |' : ` ${cell} |`)).join('')}`;
}

/** What a table cell says when nobody is named (an owner, a role holder). */
export const NOBODY = '*nobody*';

/** Instants are ISO-8601 UTC strings, so lexical order is time order. */
export function byInstant(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
