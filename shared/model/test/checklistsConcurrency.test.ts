import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { confirmItem, createChecklist, readChecklists, setItemState } from '../checklists';
import { contextFor, openIncident, replicaOf, exchange } from './fixtures';

// Two people ticking the same item at the same moment: each replica writes before it has
// seen the other's tick. After exchanging updates, both must read the same item, and both
// actions must be in its history.

function twoReplicas(needsConfirm: boolean) {
  const { doc: a, ctx } = openIncident(contextFor('ana'));
  const listId = createChecklist(a, ctx, {
    title: 'Restore',
    source: 'restore.md',
    sections: [{ heading: 'Copy', items: [{ text: 'Read rsync direction aloud', needsConfirm, ownerRole: null }] }],
  });
  const itemId = readChecklists(a)[0]!.items[0]!.id;
  return { a, b: replicaOf(a), listId, itemId };
}

const AT = '2026-11-21T22:00:00.000Z';

describe('checklists: concurrent ticks converge', () => {
  it('two people marking the same item done: one state, both ticks in history', () => {
    const { a, b, listId, itemId } = twoReplicas(false);
    setItemState(a, contextFor('ana', AT), listId, itemId, 'done');
    setItemState(b, contextFor('sam', AT), listId, itemId, 'done');
    exchange(a, b);
    const onA = readChecklists(a);
    expect(readChecklists(b)).toEqual(onA);
    const item = onA[0]!.items[0]!;
    expect(item.state).toBe('done');
    expect(item.history.map((h) => h.by).sort()).toEqual(['ana', 'sam']);
    // The first tick in log order keeps the credit: the same one on both replicas.
    expect(item.doneBy).toBe(item.history[0]!.by);
  });

  it('done against blocked at the same moment: the same winner everywhere, both kept', () => {
    const { a, b, listId, itemId } = twoReplicas(false);
    setItemState(a, contextFor('ana', AT), listId, itemId, 'done');
    setItemState(b, contextFor('sam', AT), listId, itemId, 'blocked', 'Wrong host in the command');
    exchange(a, b);
    const itemA = readChecklists(a)[0]!.items[0]!;
    expect(readChecklists(b)[0]!.items[0]).toEqual(itemA);
    expect(itemA.history.map((h) => h.state).sort()).toEqual(['blocked', 'done']);
    expect(itemA.state).toBe(itemA.history[1]!.state);
  });

  it('a confirmation racing a reopen resolves the same way on both replicas', () => {
    const { a, b, listId, itemId } = twoReplicas(true);
    setItemState(a, contextFor('ana', AT), listId, itemId, 'done');
    exchange(a, b);
    confirmItem(b, contextFor('sam', AT), listId, itemId);
    setItemState(a, contextFor('ana', AT), listId, itemId, 'todo');
    exchange(a, b);
    const itemA = readChecklists(a)[0]!.items[0]!;
    expect(readChecklists(b)[0]!.items[0]).toEqual(itemA);
    expect(itemA.history.map((h) => h.action)).toEqual(expect.arrayContaining(['state', 'state', 'confirm']));
    expect(itemA.history).toHaveLength(3);
  });

  it('updates delivered in either order give the same checklists', () => {
    const { a, b, listId, itemId } = twoReplicas(true);
    const forward = replicaOf(a);
    const backward = replicaOf(a);
    const updates: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => updates.push(u));
    b.on('update', (u: Uint8Array) => updates.push(u));
    setItemState(a, contextFor('ana', AT), listId, itemId, 'done');
    setItemState(b, contextFor('sam', AT), listId, itemId, 'in-progress');
    setItemState(a, contextFor('ana', AT), listId, itemId, 'blocked', 'Backup checksum mismatch');
    for (const u of updates) Y.applyUpdate(forward, u);
    for (const u of [...updates].reverse()) Y.applyUpdate(backward, u);
    expect(readChecklists(backward)).toEqual(readChecklists(forward));
    expect(readChecklists(forward)[0]!.items[0]!.history).toHaveLength(3);
  });
});
