// judgeAuthorship on plain Yjs documents: where an item's collection is only known through its
// neighbours (list inserts), through its parent type (nested values), or not at all.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { entriesMap, entryEditsArray } from '../../../../shared/model/doc';
import { judgeAuthorship } from '../authorship';

const AT = '2026-11-22T01:00:00.000Z';
const edit = (by: string, i: number) => ({ entryId: `E${i}`, by, at: AT, field: 'text' as const, value: `text ${i}` });

/** The update that takes `base` to `doc`'s state. */
const diff = (doc: Y.Doc, base: Y.Doc) => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(base));

describe('judgeAuthorship', () => {
  it('traces 20,000 list inserts that each know only their right neighbour, without recursing', () => {
    const host = new Y.Doc();
    const client = new Y.Doc();
    // Inserting at the front: every item names the one after it, so none can merge with another.
    for (let i = 0; i < 20_000; i++) entryEditsArray(client).insert(0, [edit('Ana', i)]);
    expect(judgeAuthorship(host, diff(client, host), 'Ana')).toMatchObject({ ok: true });
    entryEditsArray(client).insert(0, [edit('Bo', -1)]);
    expect(judgeAuthorship(host, diff(client, host), 'Ana')).toMatchObject({ ok: false });
  });

  it('traces an insert after an item the host already holds', () => {
    const host = new Y.Doc();
    entryEditsArray(host).push([edit('Ana', 0)]);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(host));
    entryEditsArray(client).push([edit('Mallory', 1)]);
    const verdict = judgeAuthorship(host, diff(client, host), 'Bo');
    expect(verdict).toMatchObject({ ok: false, needsName: false });
    expect(verdict.ok ? '' : verdict.why).toContain('“Mallory”');
  });

  it('refuses a nested value in an authored collection, and a change that depends on something missing', () => {
    const host = new Y.Doc();
    const client = new Y.Doc();
    client.getMap<unknown>('entries').set('E1', new Y.Map());
    expect(judgeAuthorship(host, diff(client, host), 'Ana')).toMatchObject({ ok: false });

    const writer = new Y.Doc();
    entryEditsArray(writer).push([edit('Ana', 0)]);
    const first = Y.encodeStateAsUpdate(writer);
    const afterFirst = Y.encodeStateVector(writer);
    entryEditsArray(writer).push([edit('Ana', 1)]);
    const second = Y.encodeStateAsUpdate(writer, afterFirst);
    // The second push alone: its left neighbour is in the first, which the host never got.
    expect(judgeAuthorship(host, second, 'Ana')).toMatchObject({ ok: false, needsName: false });
    // Judged after the first was accepted (not yet applied), it traces through it.
    const accepted = judgeAuthorship(host, first, 'Ana');
    expect(accepted.ok).toBe(true);
    expect(judgeAuthorship(host, second, 'Ana', accepted.ok ? accepted.items : [])).toMatchObject({ ok: true });
  });

  it('leaves collections nobody signs alone, and needs a name only for records', () => {
    const host = new Y.Doc();
    const client = new Y.Doc();
    client.getMap('meta').set('title', 'Primary database lost');
    expect(judgeAuthorship(host, diff(client, host), null)).toMatchObject({ ok: true });
    entriesMap(client).set('E1', JSON.stringify([1, AT, AT, 'Ana', 'note', 'hello', '', false]));
    expect(judgeAuthorship(host, diff(client, host), null)).toMatchObject({ ok: false, needsName: true });
  });
});
