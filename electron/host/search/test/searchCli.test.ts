// `warroom search` and `warroom reindex` as a person runs them: the built CLI, a real store.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../shared/protocol/search';
import { useBuiltCli } from '../../test/builtCli';
import { seedStore, tempDir } from '../../test/helpers';

describe('warroom search and reindex', () => {
  const warroom = useBuiltCli(60_000);

  it('finds an incident written by the command line, prints JSON or readable lines, and rebuilds the index', () => {
    const dir = tempDir('warroom-search-cli-');
    const id = seedStore(dir);

    const json = warroom('search', 'step 17', '--json', '--data-dir', dir);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const hits = JSON.parse(json.stdout) as SearchHit[];
    expect(hits.map((h) => [h.incidentId, h.kind])).toEqual([[id, 'entry']]);
    expect(hits[0]?.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['step', '17']);

    const text = warroom('search', 'replica', '--data-dir', dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Replica lag');
    expect(text.stdout).toContain('[Replica]');
    expect(text.stdout).toContain('Title');

    expect(warroom('search', 'nothing-like-this', '--data-dir', dir).stdout).toBe('No matches.\n');

    const reindex = warroom('reindex', '--data-dir', dir);
    expect(reindex.code).toBe(0);
    expect(reindex.stdout).toBe('Reindexed 1 incident.\n');
    expect(JSON.parse(warroom('search', 'step 17', '--json', '--data-dir', dir).stdout)).toEqual(hits);
  });

  it('finds nothing in a data dir without a store, and does not create one', () => {
    const dir = tempDir('warroom-search-cli-');
    const res = warroom('search', 'anything', '--json', '--data-dir', dir);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual([]);
    expect(existsSync(path.join(dir, 'warroom.db'))).toBe(false);
  });

  it('refuses a bad --limit in one line, exit 2', () => {
    const res = warroom('search', 'x', '--limit', '0', '--data-dir', tempDir('warroom-search-cli-'));
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/is not a number of results/);
  });
});
