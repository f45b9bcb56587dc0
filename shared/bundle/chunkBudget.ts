// Which built chunks a screen of the renderer needs before it can paint, read from Vite's manifest
// (dist/renderer/.vite/manifest.json): the entry with everything it imports statically, plus, for a
// screen behind a dynamic import, that screen's chunk and its static imports. Pure: the caller reads
// the manifest and the file sizes. Used by the chunk budget test and the bench.

/** The part of a Vite manifest entry we read. */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The first chunks (the entry and its static imports) must stay below this, minified. */
export const FIRST_CHUNKS_BUDGET_BYTES = 400_000;
/** The manifest key of the incident screen (timeline and tabs), loaded by a dynamic import. */
export const INCIDENT_SCREEN = 'incident/IncidentView.tsx';
/** The manifest key of the app's entry. */
export const ENTRY = 'index.html';

/**
 * The manifest key of a source module's chunk. A module that one dynamic import loads and another
 * chunk imports statically is emitted as a shared chunk, keyed `_<File>-<hash>.js` instead of by
 * its path; that key is found by the module's file name.
 */
export function chunkKey(manifest: Manifest, src: string): string {
  if (manifest[src]) return src;
  const name = src.replace(/^.*\//, '').replace(/\.[tj]sx?$/, '');
  const shared = Object.keys(manifest).filter((k) => k.startsWith(`_${name}-`) && k.endsWith('.js'));
  return shared.length === 1 ? (shared[0] as string) : src;
}

/** Files (assets/…) that `key` needs before it runs: itself and its static imports, transitively. */
export function staticClosure(manifest: Manifest, key: string): string[] {
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    const chunk = manifest[k];
    if (!chunk) throw new Error(`The Vite manifest has no chunk "${k}".`);
    seen.add(k);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(chunkKey(manifest, key));
  return [...seen].map((k) => manifest[k]!.file);
}

export interface ScreenChunks {
  files: string[];
  bytes: number;
}

/** The chunks the entry needs, and those a screen loaded after it needs in all (entry included). */
export function screenChunks(manifest: Manifest, sizeOf: (file: string) => number, screen?: string): ScreenChunks {
  const files = new Set(staticClosure(manifest, ENTRY));
  if (screen !== undefined) for (const file of staticClosure(manifest, screen)) files.add(file);
  const list = [...files];
  return { files: list, bytes: list.reduce((sum, file) => sum + sizeOf(file), 0) };
}
