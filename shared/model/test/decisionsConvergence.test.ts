import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readEntries } from '../doc';
import { decideDecision, proposeDecision, updateDecision } from '../decisionCommands';
import { readDecision, readDecisions } from '../decisions';
import { openIncident, replicaOf } from './fixtures';

function exchange(left: Y.Doc, right: Y.Doc): void {
  const fromLeft = Y.encodeStateAsUpdate(left, Y.encodeStateVector(right));
  const fromRight = Y.encodeStateAsUpdate(right, Y.encodeStateVector(left));
  Y.applyUpdate(left, fromRight);
  Y.applyUpdate(right, fromLeft);
}

const ANA = { author: 'ana', now: () => '2026-11-21T21:00:00.000Z' };
const BEN = { author: 'ben', now: () => '2026-11-21T21:00:00.000Z' };

describe('two replicas deciding concurrently', () => {
  it('converge on one decision, with both actions in history', () => {
    const { doc: left, ctx } = openIncident();
    const id = proposeDecision(left, ctx, { question: 'Which restore?', options: [{ title: 'Turtle' }, { title: 'Hare' }] });
    const right = replicaOf(left);
    const [turtle, hare] = readDecision(left, id)!.options;
    decideDecision(left, ANA, id, { chosenOptionId: turtle!.id, rationale: 'safe' });
    decideDecision(right, BEN, id, { chosenOptionId: hare!.id, rationale: 'fast' });
    exchange(left, right);

    const l = readDecision(left, id)!;
    expect(readDecisions(left)).toEqual(readDecisions(right));
    expect(l.status).toBe('decided');
    expect([turtle!.id, hare!.id]).toContain(l.chosenOptionId);
    const changes = l.history.map((h) => `${h.by}: ${h.change}`);
    expect(changes).toHaveLength(3);
    expect(changes.some((c) => c.includes('not applied'))).toBe(true);
    expect(changes.some((c) => c.startsWith('ana:'))).toBe(true);
    expect(changes.some((c) => c.startsWith('ben:'))).toBe(true);
    // Both decide entries stay on the timeline: nothing anyone did is lost.
    expect(readEntries(left).filter((e) => e.text.startsWith('Decided:'))).toHaveLength(2);
  });

  it('an edit racing a decide converges whichever lands first', () => {
    const { doc: left, ctx } = openIncident();
    const id = proposeDecision(left, ctx, { question: 'Call the upgrade off?', options: [{ title: 'Yes' }] });
    const right = replicaOf(left);
    decideDecision(left, ANA, id, { chosenOptionId: readDecision(left, id)!.options[0]!.id });
    updateDecision(right, BEN, id, { question: 'Call the upgrade off now?', context: 'lag 40 s' });
    exchange(left, right);
    expect(readDecision(left, id)).toEqual(readDecision(right, id));
    expect(readDecision(left, id)!.status).toBe('decided');
    expect(readDecision(left, id)!.history).toHaveLength(3);
  });

  it('proposals made on both sides all survive, in the same order', () => {
    const { doc: left, ctx } = openIncident();
    const right = replicaOf(left);
    proposeDecision(left, ANA, { question: 'Fail over?' });
    proposeDecision(right, BEN, { question: 'Page the DBA?' });
    exchange(left, right);
    expect(readDecisions(left).map((d) => d.question)).toEqual(readDecisions(right).map((d) => d.question));
    expect(readDecisions(left)).toHaveLength(2);
    void ctx;
  });
});
