import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../commands';
import { actionEventsArray, actionsMap, readActionHistory, readActions, writeActions } from '../actions';
import { createAction, setActionDone, updateAction } from '../actionCommands';
import { readEntries } from '../doc';
import { contextFor, openIncident, commandError, replicaOf, exchange } from './fixtures';

describe('createAction', () => {
  it('stores an open action and logs it on the timeline in one update', () => {
    const { doc, ctx } = openIncident();
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    const id = createAction(doc, ctx, {
      text: '  Add an alert on replication lag ',
      owner: 'ben',
      dueAt: '2026-11-28T17:00:00Z',
      priority: 'P1',
      entryIds: ['e1', 'e1', 'e2'],
      decisionIds: ['d1'],
    });
    expect(origins).toEqual([LOCAL_ORIGIN]);
    const [action] = readActions(doc);
    expect(action).toEqual({
      id,
      text: 'Add an alert on replication lag',
      owner: 'ben',
      dueAt: '2026-11-28T17:00:00.000Z',
      priority: 'P1',
      status: 'open',
      entryIds: ['e1', 'e2'],
      decisionIds: ['d1'],
      createdBy: 'ana',
      createdAt: action?.createdAt,
      doneBy: null,
      doneAt: null,
    });
    const entry = readEntries(doc).find((e) => e.kind === 'action');
    expect(entry?.text).toBe('Action item: P1 Add an alert on replication lag (owner: ben)');
    expect(entry?.occurredAt).toBe(action?.createdAt);
  });

  it('keeps a backdated time and a workstream typed with /action on its timeline entry', () => {
    const { doc, ctx } = openIncident();
    createAction(doc, ctx, { text: 'Fail over the replica', occurredAt: '2026-11-20T17:30:00.000Z', workstream: 'db' });
    const entry = readEntries(doc).find((e) => e.kind === 'action');
    expect(entry).toMatchObject({ occurredAt: '2026-11-20T17:30:00.000Z', workstream: 'db', key: false });
  });

  it('defaults owner, due and priority', () => {
    const { doc, ctx } = openIncident();
    createAction(doc, ctx, { text: 'Write the postmortem' });
    expect(readActions(doc)[0]).toMatchObject({ owner: '', dueAt: null, priority: 'P2', entryIds: [], decisionIds: [] });
  });

  it('refuses empty text, bad dates and priorities with a field name', () => {
    const { doc, ctx } = openIncident();
    expect(commandError(() => createAction(doc, ctx, { text: '   ' }))).toMatchObject({ code: 'invalid', field: 'text' });
    expect(commandError(() => createAction(doc, ctx, { text: 'x', dueAt: 'tomorrow' }))).toMatchObject({ field: 'dueAt' });
    expect(commandError(() => createAction(doc, ctx, { text: 'x', priority: 'P9' as never }))).toMatchObject({ field: 'priority' });
    expect(commandError(() => createAction(new Y.Doc(), ctx, { text: 'x' }))).toMatchObject({ code: 'no-incident' });
    expect(readActions(doc)).toEqual([]);
  });
});

describe('updateAction and setActionDone', () => {
  it('applies only changed fields and keeps who and when', () => {
    const { doc, ctx } = openIncident();
    const id = createAction(doc, ctx, { text: 'Rotate keys', owner: 'ana' });
    updateAction(doc, { ...ctx, author: 'ben' }, id, { owner: 'ben', text: 'Rotate keys', priority: 'P1', entryIds: ['e9'] });
    expect(actionEventsArray(doc).length).toBe(1);
    updateAction(doc, ctx, id, { owner: 'ben' });
    expect(actionEventsArray(doc).length).toBe(1);
    expect(readActions(doc)[0]).toMatchObject({ text: 'Rotate keys', owner: 'ben', priority: 'P1', entryIds: ['e9'] });
    const history = readActionHistory(doc, id);
    expect(history.map((h) => h.change)).toEqual(['created', 'edited owner → ben, priority → P1, linked entries']);
    expect(history[1]?.by).toBe('ben');
  });

  it('clears the due date with null and refuses unknown ids', () => {
    const { doc, ctx } = openIncident();
    const id = createAction(doc, ctx, { text: 'x', dueAt: '2026-11-22T00:00:00.000Z' });
    updateAction(doc, ctx, id, { dueAt: null });
    expect(readActions(doc)[0]?.dueAt).toBeNull();
    expect(commandError(() => updateAction(doc, ctx, 'nope', { text: 'y' }))).toMatchObject({ code: 'not-found', field: 'id' });
    expect(commandError(() => updateAction(doc, ctx, id, { text: '' }))).toMatchObject({ field: 'text' });
    expect(commandError(() => updateAction(doc, ctx, id, { colour: 'red' } as never))).toMatchObject({ code: 'invalid' });
  });

  it('marks done and reopens, logging each on the timeline', () => {
    const { doc, ctx } = openIncident();
    const id = createAction(doc, ctx, { text: 'Fix backups' });
    setActionDone(doc, { ...ctx, author: 'ben' }, id, true);
    expect(readActions(doc)[0]).toMatchObject({ status: 'done', doneBy: 'ben' });
    expect(readActions(doc)[0]?.doneAt).not.toBeNull();
    setActionDone(doc, ctx, id, true); // no-op
    setActionDone(doc, ctx, id, false);
    expect(readActions(doc)[0]).toMatchObject({ status: 'open', doneBy: null, doneAt: null });
    const texts = readEntries(doc).filter((e) => e.kind === 'action').map((e) => e.text);
    expect(texts).toEqual(['Action item: P2 Fix backups', 'Action done: Fix backups', 'Action reopened: Fix backups']);
    expect(readActionHistory(doc, id).map((h) => `${h.by} ${h.change}`)).toEqual(['ana created', 'ben marked done', 'ana reopened']);
  });
});

describe('concurrency', () => {
  it('two replicas marking the same action done and reopening converge, keeping both changes', () => {
    const { doc: left, ctx } = openIncident();
    const id = createAction(left, ctx, { text: 'Verify the new cluster' });
    setActionDone(left, ctx, id, true);
    const right = replicaOf(left);
    setActionDone(left, contextFor('ana', '2026-11-21T22:00:00.000Z'), id, false);
    setActionDone(right, contextFor('ben', '2026-11-21T22:00:00.000Z'), id, false);
    setActionDone(right, contextFor('ben', '2026-11-21T22:00:05.000Z'), id, true);
    exchange(left, right);
    expect(readActions(left)).toEqual(readActions(right));
    expect(readActionHistory(left, id)).toEqual(readActionHistory(right, id));
    expect(readActionHistory(left, id).filter((h) => h.change === 'reopened')).toHaveLength(2);
  });

  it('concurrent done ticks agree on one finisher', () => {
    const { doc: left, ctx } = openIncident();
    const id = createAction(left, ctx, { text: 'Page the DBA' });
    const right = replicaOf(left);
    setActionDone(left, contextFor('ana', '2026-11-21T22:00:00.000Z'), id, true);
    setActionDone(right, contextFor('ben', '2026-11-21T22:00:00.000Z'), id, true);
    exchange(left, right);
    const [a] = readActions(left);
    expect(readActions(right)).toEqual(readActions(left));
    expect(a?.status).toBe('done');
    expect(['ana', 'ben']).toContain(a?.doneBy);
    expect(readActionHistory(left, id).filter((h) => h.change === 'marked done')).toHaveLength(2);
  });
});

describe('readers and archive', () => {
  it('round-trips through writeActions into an empty doc', () => {
    const { doc, ctx } = openIncident();
    const a = createAction(doc, ctx, { text: 'One', owner: 'ana', dueAt: '2026-11-22T10:00:00.000Z', priority: 'P3', entryIds: ['e1'], decisionIds: ['d1'] });
    createAction(doc, ctx, { text: 'Two' });
    setActionDone(doc, { ...ctx, author: 'ben' }, a, true);
    const actions = readActions(doc);
    const copy = new Y.Doc();
    copy.transact(() => writeActions(copy, actions));
    expect(readActions(copy)).toEqual(actions);
  });

  it('reads damaged records as empty values rather than throwing', () => {
    const doc = new Y.Doc();
    actionsMap(doc).set('bad', '{not json');
    actionsMap(doc).set('odd', JSON.stringify({ text: 7, priority: 'P7', entryIds: 'x', dueAt: '' }));
    actionEventsArray(doc).push([{ nonsense: true } as never, { actionId: 'odd', type: 'update', patch: null } as never]);
    const actions = readActions(doc);
    expect(actions).toHaveLength(2);
    expect(actions.find((x) => x.id === 'odd')).toMatchObject({ text: '', priority: 'P2', entryIds: [], dueAt: null, status: 'open' });
    expect(readActionHistory(doc, 'missing')).toEqual([]);
  });
});
