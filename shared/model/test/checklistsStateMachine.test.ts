import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyItemEvent, isAwaitingConfirmation, isItemFinished, newChecklistItem, refuseItemEvent } from '../checklistItemState';
import { CHECKLIST_ITEM_STATES, type ChecklistItem, type ChecklistItemEvent } from '../coordinationTypes';

const BASE: ChecklistItem = newChecklistItem('i1', { section: 'S', text: 'Sever replication link', needsConfirm: true, ownerRole: null });
const at = '2026-11-21T22:00:00.000Z';
const tick = (by: string, state: ChecklistItemEvent['state'], reason?: string): ChecklistItemEvent => ({ by, at, action: 'state', state, ...(reason ? { reason } : {}) });

describe('checklist item state machine', () => {
  it('done → awaiting confirmation → confirmed by someone else → finished', () => {
    const done = applyItemEvent(BASE, tick('ana', 'done'));
    expect(isAwaitingConfirmation(done)).toBe(true);
    expect(isItemFinished(done)).toBe(false);
    expect(refuseItemEvent(done, { by: 'ana', at, action: 'confirm' })?.message).toMatch(/^A second person must confirm/);
    const confirmed = applyItemEvent(done, { by: 'sam', at, action: 'confirm' });
    expect(confirmed.confirmedBy).toBe('sam');
    expect(isItemFinished(confirmed)).toBe(true);
  });

  it('a self-confirmation in the log changes nothing but stays in history', () => {
    const done = applyItemEvent(BASE, tick('ana', 'done'));
    const self = applyItemEvent(done, { by: 'ana', at, action: 'confirm' });
    expect(self.confirmedBy).toBeNull();
    expect(self.history).toHaveLength(2);
  });

  it('skipped and blocked need a reason; leaving them clears it', () => {
    expect(refuseItemEvent(BASE, tick('ana', 'skipped'))).toEqual({ message: 'Say why the item is skipped.', field: 'reason' });
    expect(refuseItemEvent(BASE, tick('ana', 'blocked', '  '))?.field).toBe('reason');
    const blocked = applyItemEvent(BASE, tick('ana', 'blocked', 'No access'));
    expect(blocked).toMatchObject({ state: 'blocked', reason: 'No access' });
    expect(applyItemEvent(blocked, tick('ana', 'in-progress'))).toMatchObject({ state: 'in-progress', reason: null });
  });

  it('a second "done" keeps the first person’s credit and confirmation', () => {
    const confirmed = applyItemEvent(applyItemEvent(BASE, tick('ana', 'done')), { by: 'sam', at, action: 'confirm' });
    const again = applyItemEvent(confirmed, tick('kim', 'done'));
    expect(again).toMatchObject({ doneBy: 'ana', confirmedBy: 'sam' });
  });

  it('any sequence of events gives a consistent item', () => {
    const event = fc.oneof(
      fc.record({ by: fc.constantFrom('ana', 'sam'), at: fc.constant(at), action: fc.constant('state' as const), state: fc.constantFrom(...CHECKLIST_ITEM_STATES), reason: fc.constant('why') }),
      fc.record({ by: fc.constantFrom('ana', 'sam'), at: fc.constant(at), action: fc.constant('confirm' as const) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), (events) => {
        const item = events.reduce(applyItemEvent, BASE);
        expect(item.history).toHaveLength(events.length);
        if (item.state !== 'done') expect([item.doneBy, item.confirmedBy]).toEqual([null, null]);
        if (item.confirmedBy !== null) expect(item.confirmedBy).not.toBe(item.doneBy);
        expect(item.reason !== null).toBe(item.state === 'skipped' || item.state === 'blocked');
      }),
    );
  });
});
