/// <reference types="vite/client" />
// The runbook templates shipped in assets/runbooks, bundled into the renderer at build
// time by Vite, so "New checklist" works with no host round trip (and with the host down).
import { parseRunbook } from '../../shared/runbooks/parseRunbook';
import type { RunbookTemplate } from '../../shared/model/coordinationTypes';

const FILES = import.meta.glob('../../assets/runbooks/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The folder's README describes the format; it is not a runbook. */
const NOT_RUNBOOKS: ReadonlySet<string> = new Set(['README.md']);

export interface BundledRunbook {
  file: string;
  template: RunbookTemplate;
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Every bundled runbook that parses, by title. A broken one is left out (its test fails the build instead). */
export const BUNDLED_RUNBOOKS: readonly BundledRunbook[] = Object.entries(FILES)
  .map(([path, text]) => ({ file: fileName(path), text }))
  .filter(({ file }) => !NOT_RUNBOOKS.has(file))
  .flatMap(({ file, text }) => {
    const result = parseRunbook(text, file);
    return result.ok ? [{ file, template: result.template }] : [];
  })
  .sort((a, b) => a.template.title.localeCompare(b.template.title));
