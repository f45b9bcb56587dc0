// The index's own file beside the store: made private, marked as ours, and a file of that name we
// did not make is refused and left byte for byte, with search off rather than the host down.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, pragmaValue } from '../../sqlite';
import { IncidentStore } from '../../store';
import { startHost } from '../../host';
import { RpcClient, tempDir, wsBase } from '../../test/helpers';
import { SearchIndex } from '../searchIndex';
import { SEARCH_APPLICATION_ID, SEARCH_DB_FILE_NAME } from '../searchStore';

describe('the search index file', () => {
  it('is created beside the store, private and marked as ours; the store file holds none of it', () => {
    const dir = tempDir('warroom-search-store-');
    const store = IncidentStore.open(dir);
    const index = SearchIndex.forStore(store);
    index.close();
    const file = path.join(dir, SEARCH_DB_FILE_NAME);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const db = openDatabase(file, { readOnly: true });
    expect(Number(pragmaValue(db, 'application_id'))).toBe(SEARCH_APPLICATION_ID);
    db.close();
    const tables = store.database().prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'search%'").all();
    expect(tables).toEqual([]);
    store.close();
  });

  it('refuses a search.db War Room did not make, leaves it untouched, and the host serves without search', async () => {
    const dir = tempDir('warroom-search-store-');
    const file = path.join(dir, SEARCH_DB_FILE_NAME);
    const foreign = openDatabase(file);
    foreign.exec('CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT); PRAGMA application_id = 42;');
    foreign.close();
    const before = readFileSync(file);

    const store = IncidentStore.open(dir);
    expect(() => SearchIndex.forStore(store)).toThrow(new RegExp(`${file}.*not War Room's search index.*untouched`));
    store.close();

    const lines: string[] = [];
    const host = await startHost({ dataDir: dir, staticDir: null, log: (line) => lines.push(line) });
    try {
      const rpc = await RpcClient.connect(wsBase(host.url), host.token);
      const reply = await rpc.call('search', { query: 'anything' });
      rpc.close();
      expect(reply.ok).toBe(false);
      expect(lines.some((l) => l.startsWith('search is off:') && l.includes(file))).toBe(true);
      expect(host.storeStatus().ok).toBe(true);
    } finally {
      await host.close();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
