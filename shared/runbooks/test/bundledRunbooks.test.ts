/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { formatRunbookErrors, parseRunbook } from '../parseRunbook';

// Every runbook shipped in assets/runbooks must import cleanly: a broken bundled template
// would be found by someone opening it during an outage.

// Read through Vite's glob (as the renderer does) rather than node:fs: shared/ stays runtime-free.
const RAW = import.meta.glob('../../../assets/runbooks/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const TEXT = new Map(Object.entries(RAW).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]));
const EXPECTED = ['close-out.md', 'database-failover.md', 'incident-kickoff.md', 'major-upgrade.md', 'restore-from-backup.md'];
const files = [...TEXT.keys()].filter((name) => name !== 'README.md');
const read = (name: string): string => TEXT.get(name) ?? '';

describe('bundled runbooks', () => {
  it('ships the five required runbooks', () => {
    expect(files.sort()).toEqual(expect.arrayContaining(EXPECTED));
  });

  it.each(files)('%s parses without error', (name) => {
    const result = parseRunbook(read(name), name);
    if (!result.ok) throw new Error(formatRunbookErrors(name, result.errors).join('\n'));
    const items = result.template.sections.flatMap((s) => s.items);
    expect(items.length).toBeGreaterThanOrEqual(10);
  });

  it('gates the dangerous restore steps behind a second person', () => {
    const result = parseRunbook(read('restore-from-backup.md'), 'restore-from-backup.md');
    if (!result.ok) throw new Error('restore-from-backup.md does not parse');
    const confirmed = result.template.sections.flatMap((s) => s.items.filter((i) => i.needsConfirm).map((i) => i.text));
    expect(confirmed.some((t) => /sever the replication link/i.test(t))).toBe(true);
    expect(confirmed.some((t) => /rsync direction/i.test(t))).toBe(true);
    const headings = result.template.sections.map((s) => s.heading);
    expect(headings.findIndex((h) => /verify/i.test(h))).toBeLessThan(headings.findIndex((h) => /clean up/i.test(h)));
  });
});
