import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, editEntry, retractEntry, setStatus, type CommandContext } from '../commands';
import { readEntries } from '../doc';
import { readSnapshot } from '../snapshot';
import { contextFor, openIncident, replicaOf } from './fixtures';

/** A second replica that starts from the first one's state, as a peer joining the room would. */

/** Records every update a replica produces so it can be delivered to the other later, in any order. */
function outbox(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return updates;
}

type Op =
  | { type: 'add'; text: string; minutesBefore: number; key: boolean }
  | { type: 'edit'; pick: number; text: string }
  | { type: 'retract'; pick: number }
  | { type: 'status'; status: 'identified' | 'monitoring' | 'resolved' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('add' as const), text: fc.string({ minLength: 1, maxLength: 8 }).map((t) => `e ${t}`), minutesBefore: fc.integer({ min: 0, max: 3 }), key: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ type: fc.constant('edit' as const), pick: fc.nat(), text: fc.string({ minLength: 1, maxLength: 8 }).map((t) => `x ${t}`) }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant('retract' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ type: fc.constant('status' as const), status: fc.constantFrom('identified' as const, 'monitoring' as const, 'resolved' as const) }), weight: 1 },
);

function apply(doc: Y.Doc, ctx: CommandContext, ops: Op[]): void {
  for (const o of ops) {
    const live = readEntries(doc).filter((e) => !e.retraction && e.kind !== 'status');
    const target = 'pick' in o ? live[o.pick % Math.max(live.length, 1)] : undefined;
    if (o.type === 'add') {
      // Coarse backdating makes equal occurredAt values common, so ties must be broken by recordedAt and id.
      const occurredAt = new Date(Date.parse('2026-11-21T20:00:00.000Z') - o.minutesBefore * 60_000).toISOString();
      addEntry(doc, ctx, { text: o.text, occurredAt, key: o.key });
    } else if (o.type === 'edit' && target) editEntry(doc, ctx, target.id, { text: o.text });
    else if (o.type === 'retract' && target) retractEntry(doc, ctx, target.id, 'wrong');
    else if (o.type === 'status') setStatus(doc, ctx, o.status);
  }
}

describe('two replicas writing concurrently', () => {
  it('converge to the same ordered timeline whichever order updates arrive in', () => {
    const { doc: left, ctx } = openIncident();
    const right = replicaOf(left);
    const fromLeft = outbox(left);
    const fromRight = outbox(right);
    // Same clock on both sides: identical occurredAt and recordedAt, so only the id breaks the tie.
    const leftCtx = { author: 'ana', now: () => '2026-11-21T21:00:00.000Z' };
    const rightCtx = { author: 'ben', now: () => '2026-11-21T21:00:00.000Z' };
    addEntry(left, leftCtx, { text: 'turtle: slow restore started', workstream: 'turtle' });
    addEntry(right, rightCtx, { text: 'hare: cloud restore started', workstream: 'hare' });
    addEntry(left, { ...ctx, author: 'ana' }, { text: 'backdated', occurredAt: '2026-11-21T20:05:00.000Z' });
    setStatus(right, rightCtx, 'identified');

    for (const update of [...fromRight].reverse()) Y.applyUpdate(left, update);
    for (const update of fromLeft) Y.applyUpdate(right, update);

    expect(readSnapshot(left)).toEqual(readSnapshot(right));
    const texts = readEntries(left).map((e) => e.text);
    expect(texts).toHaveLength(5);
    expect(texts.indexOf('backdated')).toBeLessThan(texts.indexOf('turtle: slow restore started'));
  });

  it('converge for any interleaving of adds, edits, retractions and status changes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), fc.array(op, { maxLength: 12 }), fc.boolean(), (leftOps, rightOps, reverse) => {
        const { doc: left } = openIncident();
        const right = replicaOf(left);
        const fromLeft = outbox(left);
        const fromRight = outbox(right);
        apply(left, contextFor('ana', '2026-11-21T20:30:00.000Z'), leftOps);
        apply(right, contextFor('ben', '2026-11-21T20:30:00.000Z'), rightOps);
        for (const update of reverse ? [...fromRight].reverse() : fromRight) Y.applyUpdate(left, update);
        for (const update of reverse ? [...fromLeft].reverse() : fromLeft) Y.applyUpdate(right, update);
        const merged = readSnapshot(left);
        expect(merged).toEqual(readSnapshot(right));
        const adds = [...leftOps, ...rightOps].filter((o) => o.type === 'add').length;
        expect(merged?.entries.filter((e) => e.kind !== 'status')).toHaveLength(adds);
      }),
      { numRuns: 60 },
    );
  });
});
