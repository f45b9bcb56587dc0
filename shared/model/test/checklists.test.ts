import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readEntries } from '../doc';
import {
  addChecklistItem,
  assignItem,
  checklistProgress,
  confirmItem,
  createChecklist,
  isAwaitingConfirmation,
  readChecklists,
  setItemState,
  writeChecklists,
} from '../checklists';
import type { RunbookTemplate } from '../coordinationTypes';
import { commandError, contextFor, openIncident } from './fixtures';

const FAILOVER: RunbookTemplate = {
  title: 'Database failover',
  source: 'database-failover.md',
  sections: [
    { heading: 'Fence', items: [{ text: 'Stop writes', needsConfirm: false, ownerRole: 'operations lead' }, { text: 'Sever replication link', needsConfirm: true, ownerRole: null }] },
    { heading: 'Promote', items: [{ text: 'Promote replica', needsConfirm: false, ownerRole: null }] },
  ],
};

function setup() {
  const { doc, ctx } = openIncident(contextFor('ana'));
  const listId = createChecklist(doc, ctx, FAILOVER);
  const list = readChecklists(doc)[0]!;
  const ids = list.items.map((i) => i.id);
  return { doc, ctx, listId, ids };
}

function item(doc: Y.Doc, id: string) {
  return readChecklists(doc)[0]!.items.find((i) => i.id === id)!;
}

describe('checklists: create and add', () => {
  it('creates a checklist from a template, in section order, and logs it on the timeline', () => {
    const { doc, listId } = setup();
    const [list] = readChecklists(doc);
    expect(list).toMatchObject({ id: listId, title: 'Database failover', template: 'Database failover', createdBy: 'ana' });
    expect(list!.items.map((i) => [i.section, i.text, i.needsConfirm, i.ownerRole, i.state])).toEqual([
      ['Fence', 'Stop writes', false, 'operations lead', 'todo'],
      ['Fence', 'Sever replication link', true, null, 'todo'],
      ['Promote', 'Promote replica', false, null, 'todo'],
    ]);
    expect(readEntries(doc).some((e) => e.kind === 'checklist' && e.text.includes('Database failover'))).toBe(true);
  });

  it('creates an ad-hoc checklist from a title and adds items to it', () => {
    const { doc, ctx } = openIncident(contextFor('ana'));
    const id = createChecklist(doc, ctx, { title: 'Cache warm-up' });
    addChecklistItem(doc, ctx, id, { text: 'Warm the EU cache' });
    addChecklistItem(doc, ctx, id, { section: 'Check', text: 'Hit ratio above 90%', needsConfirm: true, ownerRole: 'scribe' });
    const [list] = readChecklists(doc);
    expect(list!.template).toBe('');
    expect(list!.items.map((i) => [i.section, i.text, i.needsConfirm, i.ownerRole])).toEqual([
      ['Items', 'Warm the EU cache', false, null],
      ['Check', 'Hit ratio above 90%', true, 'scribe'],
    ]);
  });

  it('refuses an empty title, an empty item and an unknown checklist', () => {
    const { doc, ctx } = openIncident();
    expect(commandError(() => createChecklist(doc, ctx, { title: '  ' })).field).toBe('title');
    const id = createChecklist(doc, ctx, { title: 'X' });
    expect(commandError(() => addChecklistItem(doc, ctx, id, { text: ' ' })).field).toBe('text');
    expect(commandError(() => addChecklistItem(doc, ctx, 'nope', { text: 'a' })).code).toBe('not-found');
  });
});

describe('checklists: item states', () => {
  it('skipped and blocked require a reason, and the refusal writes nothing', () => {
    const { doc, ctx, listId, ids } = setup();
    const before = Y.encodeStateVector(doc);
    const skip = commandError(() => setItemState(doc, ctx, listId, ids[0]!, 'skipped', '  '));
    expect(skip).toMatchObject({ code: 'invalid', message: 'Say why the item is skipped.', field: 'reason' });
    expect(commandError(() => setItemState(doc, ctx, listId, ids[0]!, 'blocked')).message).toBe('Say why the item is blocked.');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    setItemState(doc, ctx, listId, ids[0]!, 'blocked', 'Waiting for DBA access');
    expect(item(doc, ids[0]!)).toMatchObject({ state: 'blocked', reason: 'Waiting for DBA access' });
    setItemState(doc, ctx, listId, ids[0]!, 'in-progress');
    expect(item(doc, ids[0]!)).toMatchObject({ state: 'in-progress', reason: null });
  });

  it('keeps who and when for every change, and writes a checklist timeline entry per tick', () => {
    const { doc, ctx, listId, ids } = setup();
    setItemState(doc, ctx, listId, ids[0]!, 'in-progress');
    setItemState(doc, ctx, listId, ids[0]!, 'done');
    assignItem(doc, ctx, listId, ids[0]!, 'sam');
    const got = item(doc, ids[0]!);
    expect(got).toMatchObject({ state: 'done', doneBy: 'ana', assignee: 'sam' });
    expect(got.history.map((h) => [h.by, h.action, h.state ?? h.assignee])).toEqual([
      ['ana', 'state', 'in-progress'],
      ['ana', 'state', 'done'],
      ['ana', 'assign', 'sam'],
    ]);
    expect(got.history.every((h) => h.at.endsWith('Z'))).toBe(true);
    const ticks = readEntries(doc).filter((e) => e.kind === 'checklist' && e.text.includes('Stop writes'));
    expect(ticks.map((e) => e.text)).toEqual(['▶ Stop writes (Database failover) — in progress (ana)', '✓ Stop writes (Database failover) — done by ana']);
  });

  it('asking for the state an item already has writes nothing', () => {
    const { doc, ctx, listId, ids } = setup();
    setItemState(doc, ctx, listId, ids[0]!, 'done');
    const before = Y.encodeStateVector(doc);
    setItemState(doc, ctx, listId, ids[0]!, 'done');
    assignItem(doc, ctx, listId, ids[0]!, '');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('checklists: confirm items', () => {
  it('a confirm item marked done awaits a second person, and does not count as finished until then', () => {
    const { doc, ctx, listId, ids } = setup();
    setItemState(doc, ctx, listId, ids[1]!, 'done');
    const awaiting = item(doc, ids[1]!);
    expect(awaiting).toMatchObject({ state: 'done', doneBy: 'ana', confirmedBy: null });
    expect(isAwaitingConfirmation(awaiting)).toBe(true);
    expect(checklistProgress(readChecklists(doc)[0]!).finished).toBe(0);

    const sam = contextFor('sam', '2026-11-21T21:00:00.000Z');
    confirmItem(doc, sam, listId, ids[1]!);
    expect(item(doc, ids[1]!)).toMatchObject({ confirmedBy: 'sam' });
    expect(checklistProgress(readChecklists(doc)[0]!).finished).toBe(1);
    expect(readEntries(doc).some((e) => e.text === '✓ Sever replication link (Database failover) — confirmed by sam')).toBe(true);
  });

  it('refuses a confirmation by the person who did it, before it is done, twice, or on a plain item', () => {
    const { doc, ctx, listId, ids } = setup();
    const sam = contextFor('sam', '2026-11-21T21:00:00.000Z');
    expect(commandError(() => confirmItem(doc, sam, listId, ids[1]!)).message).toContain('not done yet');
    setItemState(doc, ctx, listId, ids[1]!, 'done');
    const self = commandError(() => confirmItem(doc, ctx, listId, ids[1]!));
    expect(self.code).toBe('invalid');
    expect(self.message).toMatch(/^A second person must confirm “Sever replication link”/);
    confirmItem(doc, sam, listId, ids[1]!);
    expect(commandError(() => confirmItem(doc, contextFor('kim'), listId, ids[1]!)).message).toContain('already confirmed by sam');
    expect(commandError(() => confirmItem(doc, sam, listId, ids[0]!)).message).toContain('does not need a second person');
  });

  it('reopening a confirmed item clears its confirmation', () => {
    const { doc, ctx, listId, ids } = setup();
    setItemState(doc, ctx, listId, ids[1]!, 'done');
    confirmItem(doc, contextFor('sam'), listId, ids[1]!);
    setItemState(doc, ctx, listId, ids[1]!, 'todo');
    expect(item(doc, ids[1]!)).toMatchObject({ state: 'todo', doneBy: null, confirmedBy: null });
  });
});

describe('checklistProgress and the archive round trip', () => {
  it('counts done (confirmed where needed) and skipped as finished, and blocked separately', () => {
    const { doc, ctx, listId, ids } = setup();
    setItemState(doc, ctx, listId, ids[0]!, 'skipped', 'Writes already stopped by the outage');
    setItemState(doc, ctx, listId, ids[1]!, 'done');
    setItemState(doc, ctx, listId, ids[2]!, 'blocked', 'Replica lagging 40 min');
    expect(checklistProgress(readChecklists(doc)[0]!)).toEqual({ finished: 1, total: 3, blocked: 1 });
  });

  it('writeChecklists into an empty doc reads back exactly, and later ticks still apply', () => {
    const { doc, ctx, listId, ids } = setup();
    setItemState(doc, ctx, listId, ids[1]!, 'done');
    confirmItem(doc, contextFor('sam'), listId, ids[1]!);
    setItemState(doc, ctx, listId, ids[2]!, 'skipped', 'Not needed');
    addChecklistItem(doc, ctx, listId, { text: 'Extra step' });
    const original = readChecklists(doc);

    const copy = openIncident(contextFor('ana')).doc;
    copy.transact(() => writeChecklists(copy, original));
    expect(readChecklists(copy)).toEqual(original);

    setItemState(copy, ctx, listId, ids[0]!, 'done');
    expect(readChecklists(copy)[0]!.items[0]).toMatchObject({ state: 'done', doneBy: 'ana' });
  });

  it('reads odd stored data as empty values instead of throwing', () => {
    const doc = new Y.Doc();
    doc.getMap('checklists').set('broken', '{not json');
    doc.getMap('checklists').set('weird', JSON.stringify({ title: 5, items: [null, { id: 'i1', state: 'exploded' }] }));
    doc.getArray('checklistEvents').push([42, { checklistId: 'weird', itemId: 'i1', op: 'event', action: 'nope' }]);
    const lists = readChecklists(doc);
    expect(lists.map((l) => l.id).sort()).toEqual(['broken', 'weird']);
    expect(lists.find((l) => l.id === 'weird')!.items).toEqual([expect.objectContaining({ id: 'i1', state: 'todo', history: [] })]);
  });
});
