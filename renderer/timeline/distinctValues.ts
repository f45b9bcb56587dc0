// A counted set of strings (authors, workstreams) whose sorted list is rebuilt only
// when a value appears or disappears, so the toolbar's option lists keep their identity.
export class DistinctValues {
  private readonly counts = new Map<string, number>();
  private dirty = true;
  private sorted: readonly string[] = [];

  add(value: string): void {
    if (value === '') return;
    const n = this.counts.get(value) ?? 0;
    this.counts.set(value, n + 1);
    if (n === 0) this.dirty = true;
  }

  remove(value: string): void {
    if (value === '') return;
    const n = this.counts.get(value) ?? 0;
    if (n <= 1) {
      this.counts.delete(value);
      this.dirty = true;
    } else this.counts.set(value, n - 1);
  }

  values(): readonly string[] {
    if (this.dirty) {
      this.sorted = [...this.counts.keys()].sort((a, b) => a.localeCompare(b));
      this.dirty = false;
    }
    return this.sorted;
  }
}
