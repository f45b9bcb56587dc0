// The renderer the host serves (dist/renderer, from `npm run build`) loads only what its first screen
// shows: the entry and its static imports stay within the budget, and the incident screen does not
// pull in the tabs that are split off (Terminals with xterm, Decisions, Checklists).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIRST_CHUNKS_BUDGET_BYTES, INCIDENT_SCREEN, screenChunks, staticClosure, type Manifest } from '../../../shared/bundle/chunkBudget';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/renderer');
const manifestFile = path.join(dist, '.vite', 'manifest.json');
/** A class name in xterm's own code: a chunk containing it carries the terminal emulator. */
const XTERM_SIGNATURE = 'xterm-helper-textarea';
const SPLIT_TABS = ['terminals/TerminalsPanel.tsx', 'decisions/DecisionsView.tsx', 'checklists/ChecklistsView.tsx'];

function readManifest(): Manifest {
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: run \`npm run build\` first.`);
  return JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
}
const sizeOf = (file: string) => statSync(path.join(dist, file)).size;

describe('renderer chunks', () => {
  it(`loads under ${FIRST_CHUNKS_BUDGET_BYTES / 1000} kB of script before the first screen`, () => {
    const first = screenChunks(readManifest(), sizeOf);
    expect(first.bytes, `first chunks: ${first.files.map((f) => `${f} ${sizeOf(f)}`).join(', ')}`).toBeLessThan(FIRST_CHUNKS_BUDGET_BYTES);
  });

  it('keeps the split-off tabs and xterm out of the entry and the incident screen', () => {
    const manifest = readManifest();
    const incident = screenChunks(manifest, sizeOf, INCIDENT_SCREEN).files;
    for (const tab of SPLIT_TABS) expect(incident).not.toContain(manifest[tab]?.file ?? `(no chunk for ${tab})`);
    const withXterm = incident.filter((f) => readFileSync(path.join(dist, f), 'utf8').includes(XTERM_SIGNATURE));
    expect(withXterm).toEqual([]);
    // The signature is really there, in what the Terminals tab loads (else the check above proves nothing).
    const terminalsTab = staticClosure(manifest, 'terminals/TerminalsPanel.tsx');
    expect(terminalsTab.some((f) => readFileSync(path.join(dist, f), 'utf8').includes(XTERM_SIGNATURE))).toBe(true);
  });
});
