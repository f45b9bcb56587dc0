import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { entriesMap, readEntries, readEntry } from '../doc';
import { compareEntries } from '../order';
import { openIncident } from './fixtures';

const LARGE_TIMELINE = 100_000;
/** Generous on a slow CI machine; a per-entry JSON round trip or repeated sorting takes several times this. */
const LARGE_READ_BUDGET_MS = 3_000;

describe('readEntries', () => {
  it('reads 100k entries in order within budget', () => {
    const { doc } = openIncident();
    const base = Date.parse('2026-11-21T20:00:00.000Z');
    doc.transact(() => {
      const entries = entriesMap(doc);
      for (let i = 0; i < LARGE_TIMELINE; i++) {
        // Reverse-ish insertion order so the sort has real work to do.
        const at = new Date(base + ((i * 7919) % LARGE_TIMELINE) * 1000).toISOString();
        const entry = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ id: `E${String(i).padStart(6, '0')}`, occurredAt: at, recordedAt: at, author: 'bench', kind: 'note', text: `entry ${i}`, workstream: '', key: false, retraction: null })) entry.set(k, v);
        entry.set('history', new Y.Array());
        entries.set(`E${String(i).padStart(6, '0')}`, entry);
      }
    });
    const started = performance.now();
    const entries = readEntries(doc);
    const elapsed = performance.now() - started;
    expect(entries).toHaveLength(LARGE_TIMELINE + 1);
    const outOfOrder = entries.findIndex((entry, i) => i > 0 && compareEntries(entries[i - 1]!, entry) > 0);
    expect(outOfOrder).toBe(-1);
    expect(elapsed).toBeLessThan(LARGE_READ_BUDGET_MS);
  });

  it('reads damaged entries with empty values instead of throwing', () => {
    const { doc } = openIncident();
    const odd = new Y.Map<unknown>();
    odd.set('kind', 'gossip');
    odd.set('key', 'yes');
    odd.set('history', 'not an array');
    entriesMap(doc).set('ODD', odd);
    expect(readEntry(odd)).toMatchObject({ id: '', kind: 'note', key: false, retraction: null, history: [], text: '' });
    expect(readEntries(doc).find((e) => e.id === 'ODD')).toBeDefined();
  });
});
