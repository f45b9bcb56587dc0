/**
 * One GFM table row from already-escaped cells. An empty cell is written "| |" (one
 * space), the compact form markdownlint's table rules accept, as the timeline's date rows do.
 */
export function tableRow(cells: readonly string[]): string {
  return `|${cells.map((cell) => (cell === '' ? ' |' : ` ${cell} |`)).join('')}`;
}
