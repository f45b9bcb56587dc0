// `warroom search QUERY [--json]` and `warroom reindex`, straight on the store (no server needed).
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, SEARCH_KIND_LABELS, type SearchHit } from '../../../shared/protocol/search';
import { formatDateTime } from '../../../shared/time/format';
import { isValidZone } from '../../../shared/time/zones';
import { rebuildMissingRows } from '../incidentIndex';
import type { IncidentStore } from '../store';
import { withStore, type TokenCommandDeps } from '../sharing/tokenCommands';
import { catchUpSearchIndex, rebuildSearchIndex, SearchIndex } from './searchIndex';

function parseLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_SEARCH_LIMIT) throw new InvalidArgumentError(`"${value}" is not a number of results (1-${MAX_SEARCH_LIMIT}).`);
  return n;
}

/** One hit as two lines: where and when, then the snippet with the matched words in [brackets]. */
export function renderHits(hits: readonly SearchHit[]): string {
  if (hits.length === 0) return 'No matches.\n';
  return hits
    .map((h) => {
      const zone = isValidZone(h.incidentTimeZone) ? h.incidentTimeZone : 'UTC';
      const when = h.at ? formatDateTime(h.at, zone) : '';
      const head = [h.incidentTitle || h.incidentId, h.incidentId, SEARCH_KIND_LABELS[h.kind], when, h.retracted ? 'retracted' : '', h.entryId ? `entry ${h.entryId}` : '']
        .filter((p) => p !== '')
        .join('  ·  ');
      const snippet = h.snippet.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('').replace(/\s+/g, ' ').trim();
      return `${head}\n    ${snippet}\n`;
    })
    .join('');
}

/** Searches the store's index, first reading any incident written while no host indexed it (an import from this command line). */
function searchTheStore(store: IncidentStore, query: string, limit: number, warn: (line: string) => void): SearchHit[] {
  const index = SearchIndex.forStore(store);
  try {
    try {
      // Listed too, so a hit names its incident.
      rebuildMissingRows(store);
      catchUpSearchIndex(store, index);
    } catch (err) {
      warn(`search index not brought up to date (${(err as Error).message}); results may miss recent changes`);
    }
    return index.search(query, limit);
  } finally {
    index.close();
  }
}

export interface SearchCommandDeps extends TokenCommandDeps {
  warn(line: string): void;
  /** Whether --data-dir (undefined = default) holds a store: searching never creates one. */
  hasStore(dataDir: string | undefined): boolean;
}

export function registerSearchCommands(program: Command, deps: SearchCommandDeps): void {
  program
    .command('search')
    .description('full-text search across every incident in the store (titles, summaries, entries, decisions, actions, checklists, postmortems)')
    .argument('<query>', 'words to find; the last one also matches as a prefix')
    .addOption(deps.dataDirOption())
    .option('--json', 'print JSON', false)
    .option('--limit <n>', `at most this many results (default ${DEFAULT_SEARCH_LIMIT})`, parseLimit, DEFAULT_SEARCH_LIMIT)
    .action((query: string, opts: { dataDir?: string; json: boolean; limit: number }) => {
      const hits = deps.hasStore(opts.dataDir) ? withStore(deps, opts.dataDir, (store) => searchTheStore(store, query, opts.limit, deps.warn)) : [];
      process.stdout.write(opts.json ? `${JSON.stringify(hits, null, 2)}\n` : renderHits(hits));
    });

  program
    .command('reindex')
    .description('rebuild the full-text search index from the incident documents')
    .addOption(deps.dataDirOption())
    .action((opts: { dataDir?: string }) => {
      const count = withStore(deps, opts.dataDir, (store) => {
        const index = SearchIndex.forStore(store);
        try {
          return rebuildSearchIndex(store, index);
        } finally {
          index.close();
        }
      });
      process.stdout.write(`Reindexed ${count} incident${count === 1 ? '' : 's'}.\n`);
    });
}
