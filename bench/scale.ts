// How big each benchmark runs. `npm run bench -- --quick` shrinks every group so the whole bench
// finishes in under two minutes (a check before a commit); the README keeps full runs only.
export const QUICK = process.argv.includes('--quick');

const pick = <T>(full: T, quick: T): T => (QUICK ? quick : full);

export const SCALE = {
  /** Entries exported to Markdown. */
  exportEntries: pick(100_000, 10_000),
  exportRuns: pick(5, 3),
  /** Real Yjs updates appended per round. */
  appendUpdates: pick(1500, 300),
  appendRounds: pick(3, 2),
  /** The large incident of the timeline rows (the small one is always 1k). */
  timelineBig: pick(100_000, 10_000),
  openRuns: pick(3, 1),
  scrollMs: pick(3000, 1000),
  addRuns: pick(20, 5),
  /** Bytes `cat`ed through a terminal and parsed from memory. */
  catBytes: pick(200 * 1024 * 1024, 8 * 1024 * 1024),
  keystrokes: pick(60, 20),
  floodMs: pick(30_000, 4000),
  floodVisibleMs: pick(20_000, 2000),
  /** Edits timed for the edit → other client row. */
  latencyEdits: pick(200, 50),
  loadClients: pick(20, 5),
  loadMs: pick(60_000, 3000),
  loadIdleMs: pick(5000, 1000),
  /** Seconds of a 1,000 alerts/s storm posted to alert intake. */
  stormSeconds: pick(10, 3),
  /** Entries in the incident a new joiner syncs. */
  syncEntries: pick(100_000, 10_000),
  /** The catalog the search rows index: incidents × entries each (1M entries in a full run). */
  catalogIncidents: pick(1000, 50),
  catalogEntries: pick(1000, 200),
  /** Typed queries timed for the search p95. */
  catalogQueries: pick(300, 100),
};

/** "100k", "10k", "1k". */
export const thousands = (n: number) => `${n / 1000}k`;
