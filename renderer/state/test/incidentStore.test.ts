import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, updateAction } from '../../../shared/model/actionCommands';
import { addChecklistItem, createChecklist, readChecklists, setItemState } from '../../../shared/model/checklists';
import { addEntry, updateIncident } from '../../../shared/model/commands';
import { proposeDecision, recordOutcome, logDecisionMade } from '../../../shared/model/decisionCommands';
import { readActions } from '../../../shared/model/actions';
import { readDecisions } from '../../../shared/model/decisions';
import { readEntries, readIncident } from '../../../shared/model/doc';
import { createIncidentStore } from '../incidentStore';
import { ctxFor, incidentFixture, openIncidentDoc } from '../../timeline/test/timelineFixtures';

describe('incident store', () => {
  it('holds every slice as the document reads, and patches a decision, an action and a checklist as they change', () => {
    const doc = openIncidentDoc();
    const ctx = ctxFor('ana');
    const first = proposeDecision(doc, ctx, { question: 'Restore from the slow backup or the fast one?' });
    const { store, dispose } = createIncidentStore(doc);
    const initial = store.getState();
    expect(initial.incident).toEqual(readIncident(doc));
    expect(initial.decisions).toEqual(readDecisions(doc));
    expect(initial.orderedIds).toEqual(readEntries(doc).map((e) => e.id));

    const second = logDecisionMade(doc, ctx, { question: 'Call the upgrade off?', options: [{ id: 'call-off', title: 'Call it off' }], chosenOptionId: 'call-off' });
    const afterDecision = store.getState();
    expect(afterDecision.decisions.map((d) => d.id)).toEqual([first, second]);
    // The untouched decision keeps its object; the list is a new array, the old one unchanged.
    expect(afterDecision.decisions[0]).toBe(initial.decisions[0]);
    expect(initial.decisions).toHaveLength(1);

    recordOutcome(doc, ctx, second, { verdict: 'wrong', why: 'we decided as a team and it was the wrong call' });
    expect(store.getState().decisions).toEqual(readDecisions(doc));
    expect(store.getState().decisions[1]?.outcome?.verdict).toBe('wrong');
    expect(store.getState().decisions[0]).toBe(afterDecision.decisions[0]);

    const action = createAction(doc, ctx, { text: 'Sever the replication link before any DROP' });
    updateAction(doc, ctx, action, { owner: 'bo' });
    expect(store.getState().actions).toEqual(readActions(doc));
    expect(store.getState().actions[0]?.owner).toBe('bo');

    const list = createChecklist(doc, ctx, { title: 'Cut over' });
    const item = addChecklistItem(doc, ctx, list, { text: 'Check the new cluster' });
    setItemState(doc, ctx, list, item, 'done');
    expect(store.getState().checklists).toEqual(readChecklists(doc));

    const beforeRename = store.getState();
    updateIncident(doc, ctx, { title: 'Primary database down' });
    expect(store.getState().incident?.title).toBe('Primary database down');
    // A slice is replaced only when its own Y types change: a rename leaves the others as they were.
    expect(store.getState().byId).toBe(beforeRename.byId);
    expect(store.getState().decisions).toBe(beforeRename.decisions);
    expect(store.getState().actions).toBe(beforeRename.actions);
    expect(store.getState().checklists).toBe(beforeRename.checklists);
    dispose();
  });

  it('shows a seeded incident and rows until the document has its own, then the document', () => {
    const host = openIncidentDoc();
    addEntry(host, ctxFor('ana'), { text: 'rsync deleted the standby data' });
    const replica = new Y.Doc();
    const opened = createIncidentStore(replica);
    expect(opened.store.getState().incident).toBeNull();
    const seeded = { ...incidentFixture(), title: 'seeded title' };
    opened.seedMeta(seeded);
    expect(opened.store.getState().incident).toBe(seeded);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(host));
    expect(opened.store.getState().incident).toEqual(readIncident(host));
    // A later seed never hides the document's own meta.
    opened.seedMeta(seeded);
    expect(opened.store.getState().incident).toEqual(readIncident(host));
    opened.dispose();
  });

  it('stops following the document once disposed', () => {
    const doc = openIncidentDoc();
    const ctx = ctxFor('ana');
    const { store, dispose } = createIncidentStore(doc);
    dispose();
    const state = store.getState();
    addEntry(doc, ctx, { text: 'after close' });
    proposeDecision(doc, ctx, { question: 'Wait for the binary logs?' });
    updateIncident(doc, ctx, { title: 'renamed after close' });
    expect(store.getState()).toBe(state);
  });
});
