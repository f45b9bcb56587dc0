import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readActionHistory, readActions, writeActions } from '../actions';
import { createAction, setActionDone, setActionNotDoing } from '../actionCommands';
import { readEntries } from '../doc';
import { commandError, openIncident } from './fixtures';

describe('not doing a follow-up', () => {
  it('closes an open action with the reason, who and when, and logs it on the timeline', () => {
    const { doc, ctx } = openIncident();
    const id = createAction(doc, ctx, { text: 'Rewrite the failover script', priority: 'P2' });
    setActionNotDoing(doc, ctx, id, '  replaced by the managed failover ');
    const [action] = readActions(doc);
    expect(action).toMatchObject({ status: 'not-doing', reason: 'replaced by the managed failover', doneBy: 'ana' });
    expect(action?.doneAt).not.toBeNull();
    expect(readEntries(doc).at(-1)?.text).toBe('Action not doing: Rewrite the failover script — replaced by the managed failover');
    expect(readActionHistory(doc, id).map((h) => h.change)).toEqual(['created', 'marked not doing: replaced by the managed failover']);
  });

  it('needs a reason, and leaves a done action done', () => {
    const { doc, ctx } = openIncident();
    const id = createAction(doc, ctx, { text: 'Page on lag' });
    expect(commandError(() => setActionNotDoing(doc, ctx, id, '  ')).message).toBe('Say why this will not be done.');
    setActionDone(doc, ctx, id, true);
    setActionNotDoing(doc, ctx, id, 'too late');
    expect(readActions(doc)[0]?.status).toBe('done');
  });

  it('reopens, dropping the reason', () => {
    const { doc, ctx } = openIncident();
    const id = createAction(doc, ctx, { text: 'Page on lag' });
    setActionNotDoing(doc, ctx, id, 'no budget');
    setActionDone(doc, ctx, id, false);
    const [action] = readActions(doc);
    expect(action?.status).toBe('open');
    expect(action).not.toHaveProperty('reason');
    expect(action).toMatchObject({ doneBy: null, doneAt: null });
  });

  it('is written back by the archive writer as it was', () => {
    const { doc, ctx } = openIncident();
    const id = createAction(doc, ctx, { text: 'Page on lag' });
    setActionNotDoing(doc, ctx, id, 'no budget');
    const copy = new Y.Doc();
    copy.transact(() => writeActions(copy, readActions(doc)));
    expect(readActions(copy)).toEqual(readActions(doc));
  });
});
