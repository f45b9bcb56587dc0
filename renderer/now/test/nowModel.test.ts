import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, retractEntry } from '../../../shared/model/commands';
import { addChecklistItem, createChecklist, readChecklists, setItemState } from '../../../shared/model/checklists';
import { readEntries } from '../../../shared/model/doc';
import { decision } from '../../../shared/handoff/test/briefingFixtures';
import { contextFor, openIncident } from '../../../shared/model/test/fixtures';
import { toEntryRow } from '../../timeline/entryRow';
import { checklistsInProgress, openDecisions, workstreamsNow } from '../nowModel';

function rows(doc: Y.Doc) {
  const entries = readEntries(doc).map(toEntryRow);
  return { orderedIds: entries.map((e) => e.id), byId: new Map(entries.map((e) => [e.id, e])) };
}

describe('workstreamsNow', () => {
  it('gives each workstream its newest live entry, newest first', () => {
    const { doc } = openIncident();
    const ana = contextFor('ana', '2026-11-21T20:10:00.000Z');
    addEntry(doc, ana, { text: 'restore started', workstream: 'turtle' });
    addEntry(doc, ana, { text: 'cloud restore started', workstream: 'hare' });
    addEntry(doc, ana, { text: 'restore at 40%', workstream: 'turtle' });
    const wrong = addEntry(doc, ana, { text: 'cloud restore at 90%', workstream: 'hare' });
    retractEntry(doc, ana, wrong, 'wrong track');
    addEntry(doc, ana, { text: 'unrelated note' });
    const { orderedIds, byId } = rows(doc);
    const now = workstreamsNow(orderedIds, byId, ['hare', 'turtle']);
    expect(now.map((w) => [w.workstream, w.latest.text])).toEqual([
      ['turtle', 'restore at 40%'],
      ['hare', 'cloud restore started'],
    ]);
  });
});

describe('openDecisions', () => {
  it('lists proposed decisions and decided ones awaiting a revisit, soonest revisit first', () => {
    const open = openDecisions([
      decision('proposed-no-revisit', 'Fail over?'),
      decision('decided-late', 'Keep writes off?', { status: 'decided', revisitAt: '2026-11-21T23:00:00.000Z' }),
      decision('decided-done', 'Page the DBA?', { status: 'decided' }),
      decision('proposed-soon', 'Restore from DR?', { revisitAt: '2026-11-21T21:00:00.000Z' }),
    ]);
    expect(open.map((d) => d.id)).toEqual(['proposed-soon', 'decided-late', 'proposed-no-revisit']);
  });
});

describe('checklistsInProgress', () => {
  it('counts finished items and names the blocked ones with why; a finished list drops off', () => {
    const { doc, ctx } = openIncident();
    const list = createChecklist(doc, ctx, { title: 'Failover' });
    const a = addChecklistItem(doc, ctx, list, { text: 'Stop writes' });
    const b = addChecklistItem(doc, ctx, list, { text: 'Promote replica' });
    addChecklistItem(doc, ctx, list, { text: 'Repoint app' });
    setItemState(doc, ctx, list, a, 'done');
    setItemState(doc, ctx, list, b, 'blocked', 'replica 4 h behind');
    const done = createChecklist(doc, ctx, { title: 'Paging' });
    setItemState(doc, ctx, done, addChecklistItem(doc, ctx, done, { text: 'Page DBA' }), 'done');
    expect(checklistsInProgress(readChecklists(doc))).toEqual([
      { id: list, title: 'Failover', finished: 1, total: 3, blocked: ['Promote replica (replica 4 h behind)'] },
    ]);
  });
});
