// Adds the sample incident's reconstructed day: the night of 1 November, imported from the
// shell history and the chat export under assets/examples/ with the app's own import, so the
// sample shows what an import leaves behind (provenance and all). Re-running changes nothing:
// a re-import skips rows already there.
//   npx esbuild scripts/sampleReconstructedDay.ts --bundle --platform=node --format=esm --outfile=dist/sample-day.mjs && node dist/sample-day.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { parseArchive, toArchive } from '../shared/export/archive';
import { planImport } from '../shared/import/importPlan';
import { parseImport } from '../shared/import/parseImport';
import { importEntries } from '../shared/model/importEntries';
import { importSnapshot } from '../shared/model/importSnapshot';
import { readSnapshot } from '../shared/model/snapshot';

const SAMPLE = path.join('assets', 'sample-incident.json');
/** When the night's notes were pasted in: the morning after, as reconstruction happens. */
const IMPORTED_AT = '2026-11-02T17:30:00.000Z';
const SOURCES = [
  { file: 'db-restore-1.bash_history', workstream: 'restore-from-backup' },
  { file: 'incident-channel-2026-11-01.json', workstream: '' },
];

const raw = readFileSync(SAMPLE, 'utf8');
const { exportedAt } = JSON.parse(raw) as { exportedAt: string };
const parsed = parseArchive(raw);
if (!parsed.ok) throw new Error(parsed.message);
const doc = new Y.Doc();
importSnapshot(doc, parsed.snapshot);
for (const { file, workstream } of SOURCES) {
  const text = readFileSync(path.join('assets', 'examples', file), 'utf8');
  const read = parseImport(text, { zone: parsed.snapshot.incident.timeZone, now: IMPORTED_AT, dateOrder: 'month-first', source: file });
  if (!read.ok) throw new Error(read.error);
  const rows = planImport(read.rows, { kind: 'as read', workstream, author: '' }, new Map());
  const result = importEntries(doc, { author: 'Elena Sokolova', now: () => IMPORTED_AT }, { source: file, rows });
  console.log(`${file}: ${result.added} added, ${result.skipped} already there`);
}
const snapshot = readSnapshot(doc);
if (!snapshot) throw new Error('no incident');
writeFileSync(SAMPLE, `${JSON.stringify(toArchive(snapshot, exportedAt), null, 2)}\n`);
