/** "1 entry", "3 entries", "0 entries": the one place that gets a count's plural right. */
export function countLabel(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
