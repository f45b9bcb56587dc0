// `warroom migrate`: incidents copied from a SQLite data dir into PostgreSQL and back into another
// data dir, through the built CLI, each compared by its Yjs state (state vector and delete set)
// and its index row; a second run adds nothing.
import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editEntry } from '../../../../shared/model/commands';
import { readEntries } from '../../../../shared/model/doc';
import { incidentDocName } from '../../../../shared/protocol/api';
import type { DocumentStore } from '../../documentStore';
import { PgStore } from '../../postgres/pgStore';
import { loadStoredDoc, SqliteDocumentStore } from '../../sqliteDocumentStore';
import { rebuildMissingRows } from '../../incidentIndex';
import { IncidentStore } from '../../store';
import { bundleForNode, REPO_ROOT, runCli, seedStore, tempDir } from '../../test/helpers';
import { startPostgres, type PostgresCluster } from '../../test/realServers';

const SETUP_MS = 120_000;

let cluster: PostgresCluster;
let cli = '';
beforeAll(async () => {
  [cluster, cli] = await Promise.all([startPostgres(), bundleForNode(path.join(REPO_ROOT, 'electron', 'cli.ts'), 'migrate-cli')]);
}, SETUP_MS);
afterAll(async () => {
  await cluster?.destroy();
  rmSync(cli, { force: true });
});

async function stateOf(store: DocumentStore, id: string): Promise<Y.Snapshot> {
  const doc = await loadStoredDoc(store, incidentDocName(id));
  expect(doc).not.toBeNull();
  return Y.snapshot(doc as Y.Doc);
}

describe('warroom migrate', () => {
  it('copies every incident from a data dir into PostgreSQL and back, with the same Yjs state', async () => {
    const source = tempDir('warroom-migrate-src-');
    const first = seedStore(source);
    // A second incident with an edit (a deletion in Yjs terms), so the delete sets are compared too.
    const second = seedStore(source);
    const sqlite = IncidentStore.open(source);
    const doc = sqlite.loadDoc(incidentDocName(second)) as Y.Doc;
    doc.on('update', (u: Uint8Array) => sqlite.append(incidentDocName(second), u));
    editEntry(doc, { author: 'Priya' }, readEntries(doc)[0]!.id, { text: 'corrected' });
    rebuildMissingRows(sqlite);
    sqlite.close();
    const url = cluster.createDatabase('migrate');
    const back = tempDir('warroom-migrate-back-');

    const into = runCli(cli, 'migrate', '--from', source, '--to', url);
    expect(into.stderr).toBe('');
    expect(into.code).toBe(0);
    expect(into.stdout).toMatch(/Copied 2 incident\(s\) from .*warroom\.db to postgres:\/\/warroom@127\.0\.0\.1:\d+\/migrate; each verified/);
    const out = runCli(cli, 'migrate', '--from', url, '--to', back);
    expect(out.code).toBe(0);
    // Again: nothing is added twice.
    expect(runCli(cli, 'migrate', '--from', source, '--to', url).code).toBe(0);

    const stores = [SqliteDocumentStore.open(source), await PgStore.open({ url }), SqliteDocumentStore.open(back)] as const;
    try {
      for (const id of [first, second]) {
        const [a, b, c] = (await Promise.all(stores.map((s) => stateOf(s, id)))) as [Y.Snapshot, Y.Snapshot, Y.Snapshot];
        expect(Y.equalSnapshots(a, b)).toBe(true);
        expect(Y.equalSnapshots(a, c)).toBe(true);
        const rows = await Promise.all(stores.map((s) => s.getSummary(id)));
        expect(rows[0]?.id).toBe(id);
        expect(rows[1]).toEqual(rows[0]);
        expect(rows[2]).toEqual(rows[0]);
      }
      const copied = (await loadStoredDoc(stores[1], incidentDocName(second))) as Y.Doc;
      expect(readEntries(copied)[0]?.text).toBe('corrected');
      expect(await stores[1].pendingUpdateCount(incidentDocName(first))).toBe(1);
    } finally {
      for (const s of stores) await s.close();
    }
  }, SETUP_MS);

  it('mints, lists and revokes room tokens in a team server\'s PostgreSQL', async () => {
    const url = cluster.createDatabase('tokens');
    const source = tempDir('warroom-tokens-src-');
    const id = seedStore(source);
    expect(runCli(cli, 'migrate', '--from', source, '--to', url).code).toBe(0);
    const made = runCli(cli, 'token', 'create', '--store', url, '--role', 'observer', '--incident', id, '--name', 'Sam');
    expect(made.stderr).toBe('');
    const tokenId = /^id: (\S+)$/m.exec(made.stdout)?.[1] as string;
    const secret = /^token: (\S+)$/m.exec(made.stdout)?.[1];
    const store = await PgStore.open({ url });
    try {
      expect(await store.roomTokens.verify(secret)).toEqual({ tokenId, role: 'observer', incidentId: id, name: 'Sam' });
      expect(runCli(cli, 'token', 'list', '--store', url).stdout).toContain(`${tokenId}  observer  ${id}  Sam`);
      expect(runCli(cli, 'token', 'revoke', tokenId, '--store', url).stdout).toBe(`revoked ${tokenId}\n`);
      expect(await store.roomTokens.verify(secret)).toBeNull();
    } finally {
      await store.close();
    }
    const unknown = runCli(cli, 'token', 'create', '--store', url, '--role', 'observer', '--incident', '01M97B2F7YKX6JT9D93C8W1HTK');
    expect(unknown.stderr).toMatch(/There is no incident with id 01M97B2F7YKX6JT9D93C8W1HTK/);
  }, SETUP_MS);

  it('names the database it cannot reach', async () => {
    const res = runCli(cli, 'migrate', '--from', tempDir('warroom-migrate-empty-'), '--to', 'postgres://nobody:secret@127.0.0.1:1/none');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^warroom: postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: .*ECONNREFUSED/);
  });
});
