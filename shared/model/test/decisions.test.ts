import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readEntries } from '../doc';
import {
  canMoveDecision,
  decisionTransitions,
  dueRevisits,
  readDecision,
  readDecisions,
  revisitCountdown,
  writeDecisions,
} from '../decisions';
import { NO_CHOSEN_OPTION_MESSAGE, decideDecision, logDecisionMade, proposeDecision, recordOutcome, replaceDecision, setRevisit, updateDecision } from '../decisionCommands';
import { DECISION_STATUSES } from '../coordinationTypes';
import { commandError, contextFor, openIncident } from './fixtures';

const RESTORE = {
  question: 'Which restore do we wait for?',
  context: 'Two restores are running in parallel.',
  options: [
    { title: 'Slow restore (turtle)', pros: 'Binary logs apply cleanly', cons: 'Hours longer' },
    { title: 'Fast cloud restore (hare)', pros: 'Back sooner', cons: 'Might lose writes' },
  ],
  reversibility: 'one-way' as const,
};

describe('decision state machine', () => {
  it('allows only proposed → decided → superseded | reversed', () => {
    expect(canMoveDecision('proposed', 'decided')).toBe(true);
    expect(canMoveDecision('decided', 'superseded')).toBe(true);
    expect(canMoveDecision('decided', 'reversed')).toBe(true);
    expect(canMoveDecision('proposed', 'superseded')).toBe(false);
    expect(canMoveDecision('decided', 'proposed')).toBe(false);
    expect(canMoveDecision('superseded', 'reversed')).toBe(false);
    for (const status of DECISION_STATUSES) expect(decisionTransitions[status]).toBeDefined();
  });
});

describe('decision commands', () => {
  it('proposes a decision with a kind "decision" timeline entry', () => {
    const { doc, ctx } = openIncident();
    const id = proposeDecision(doc, ctx, RESTORE);
    const decision = readDecision(doc, id);
    expect(decision).toMatchObject({ status: 'proposed', question: RESTORE.question, reversibility: 'one-way', createdBy: 'ana' });
    expect(decision?.options.map((o) => o.title)).toEqual(['Slow restore (turtle)', 'Fast cloud restore (hare)']);
    const entry = readEntries(doc).find((e) => e.id === decision?.entryId);
    expect(entry).toMatchObject({ kind: 'decision' });
    expect(entry?.text).toContain(RESTORE.question);
  });

  it('keeps a backdated time and a workstream typed with /decision on its timeline entry', () => {
    const { doc, ctx } = openIncident();
    const id = proposeDecision(doc, ctx, { ...RESTORE, occurredAt: '2026-11-20T17:30:00.000Z', workstream: 'deploy', key: true });
    const decision = readDecision(doc, id);
    const entry = readEntries(doc).find((e) => e.id === decision?.entryId);
    expect(entry).toMatchObject({ kind: 'decision', occurredAt: '2026-11-20T17:30:00.000Z', workstream: 'deploy', key: true });
    expect(entry?.recordedAt).not.toBe('2026-11-20T17:30:00.000Z');
  });

  it('logs a decision already made in one step: one key "Decided" entry at the backdated time and workstream', () => {
    const { doc, ctx } = openIncident();
    const options = RESTORE.options.map((o, i) => ({ ...o, id: `opt${i}` }));
    const id = logDecisionMade(doc, ctx, { ...RESTORE, options, chosenOptionId: 'opt0', rationale: 'No data loss', occurredAt: '2026-11-20T17:30:00.000Z', workstream: 'db' });
    const decision = readDecision(doc, id)!;
    expect(decision).toMatchObject({ status: 'decided', chosenOptionId: 'opt0', rationale: 'No data loss', decidedBy: 'ana', decidedAt: '2026-11-20T17:30:00.000Z', reversibility: 'one-way' });
    const entries = readEntries(doc).filter((e) => e.kind === 'decision');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: decision.entryId, key: true, workstream: 'db', occurredAt: '2026-11-20T17:30:00.000Z', text: `Decided: ${RESTORE.question} → Slow restore (turtle)` });
  });

  it('refuses to log a made decision without a chosen option among its options, and writes nothing', () => {
    const { doc, ctx } = openIncident();
    const options = RESTORE.options.map((o, i) => ({ ...o, id: `opt${i}` }));
    expect(commandError(() => logDecisionMade(doc, ctx, { ...RESTORE, options, chosenOptionId: '' })).field).toBe('chosenOptionId');
    expect(commandError(() => logDecisionMade(doc, ctx, { ...RESTORE, options, chosenOptionId: 'other' })).field).toBe('chosenOptionId');
    expect(readDecisions(doc)).toHaveLength(0);
    expect(readEntries(doc).filter((e) => e.kind === 'decision')).toHaveLength(0);
  });

  it('refuses an empty question with a field to point at', () => {
    const { doc, ctx } = openIncident();
    const err = commandError(() => proposeDecision(doc, ctx, { question: '  ' }));
    expect(err.field).toBe('question');
  });

  it('refuses to decide without a chosen option, or with an unknown one', () => {
    const { doc, ctx } = openIncident();
    const id = proposeDecision(doc, ctx, RESTORE);
    const none = commandError(() => decideDecision(doc, ctx, id, { chosenOptionId: null, rationale: 'because' }));
    expect(none).toMatchObject({ code: 'invalid', message: NO_CHOSEN_OPTION_MESSAGE, field: 'chosenOptionId' });
    const unknown = commandError(() => decideDecision(doc, ctx, id, { chosenOptionId: 'nope', rationale: '' }));
    expect(unknown.field).toBe('chosenOptionId');
    expect(readDecision(doc, id)?.status).toBe('proposed');
  });

  it('decides: sets who and when, and logs "Decided: question → option" on the timeline', () => {
    const { doc, ctx } = openIncident();
    const id = proposeDecision(doc, ctx, RESTORE);
    const turtle = readDecision(doc, id)!.options[0]!;
    decideDecision(doc, { ...contextFor('ben', '2026-11-21T22:00:00.000Z') }, id, { chosenOptionId: turtle.id, rationale: 'No data loss' });
    const decided = readDecision(doc, id)!;
    expect(decided).toMatchObject({ status: 'decided', chosenOptionId: turtle.id, rationale: 'No data loss', decidedBy: 'ben', decidedAt: '2026-11-21T22:00:00.000Z' });
    expect(readEntries(doc).map((e) => e.text)).toContain(`Decided: ${RESTORE.question} → Slow restore (turtle)`);
  });

  it('decides with the option chosen earlier by an edit', () => {
    const { doc, ctx } = openIncident();
    const id = proposeDecision(doc, ctx, RESTORE);
    const hare = readDecision(doc, id)!.options[1]!;
    updateDecision(doc, ctx, id, { chosenOptionId: hare.id, rationale: 'Speed matters' });
    decideDecision(doc, ctx, id, {});
    expect(readDecision(doc, id)).toMatchObject({ status: 'decided', chosenOptionId: hare.id, rationale: 'Speed matters' });
  });

  it('edits only while proposed, and keeps every change in history', () => {
    const { doc, ctx } = openIncident();
    const id = proposeDecision(doc, ctx, { question: 'Call the upgrade off?' });
    updateDecision(doc, ctx, id, { options: [{ title: 'Call it off' }, { title: 'Push on' }], context: 'Replica lag growing' });
    updateDecision(doc, ctx, id, { context: 'Replica lag growing' }); // unchanged: writes nothing
    const first = readDecision(doc, id)!.options[0]!;
    decideDecision(doc, ctx, id, { chosenOptionId: first.id, rationale: 'Too risky' });
    const err = commandError(() => updateDecision(doc, ctx, id, { question: 'Something else' }));
    expect(err.message).toMatch(/supersede or reverse/);
    const history = readDecision(doc, id)!.history.map((h) => h.change);
    expect(history).toHaveLength(3);
    expect(history[0]).toBe('proposed');
    expect(history[1]).toMatch(/edited context; edited options|edited options/);
    expect(history[2]).toBe('status proposed → decided: chose “Call it off”');
  });

  it('removing the chosen option clears the choice', () => {
    const { doc, ctx } = openIncident();
    const id = proposeDecision(doc, ctx, RESTORE);
    const [turtle, hare] = readDecision(doc, id)!.options;
    updateDecision(doc, ctx, id, { chosenOptionId: turtle!.id });
    updateDecision(doc, ctx, id, { options: [hare!] });
    expect(readDecision(doc, id)!.chosenOptionId).toBeNull();
  });

  it('supersedes or reverses only a decided decision, linking the replacement', () => {
    const { doc, ctx } = openIncident();
    const first = proposeDecision(doc, ctx, RESTORE);
    const second = proposeDecision(doc, ctx, { question: 'Restore from the other data centre?', options: [{ title: 'Yes' }] });
    expect(commandError(() => replaceDecision(doc, ctx, first, { by: second, how: 'superseded' })).field).toBe('status');
    decideDecision(doc, ctx, first, { chosenOptionId: readDecision(doc, first)!.options[0]!.id });
    expect(commandError(() => replaceDecision(doc, ctx, first, { by: first, how: 'reversed' })).field).toBe('by');
    replaceDecision(doc, ctx, first, { by: second, how: 'reversed' });
    expect(readDecision(doc, first)).toMatchObject({ status: 'reversed', replacedBy: second });
    expect(commandError(() => replaceDecision(doc, ctx, first, { by: second, how: 'superseded' })).field).toBe('status');
    expect(readEntries(doc).some((e) => e.kind === 'decision' && e.text.startsWith('Reversed:'))).toBe(true);
  });

  it('records an outcome review only with a reason, and only after deciding', () => {
    const { doc, ctx } = openIncident();
    const id = proposeDecision(doc, ctx, RESTORE);
    expect(commandError(() => recordOutcome(doc, ctx, id, { verdict: 'wrong', why: 'x' })).code).toBe('invalid');
    decideDecision(doc, ctx, id, { chosenOptionId: readDecision(doc, id)!.options[1]!.id });
    expect(commandError(() => recordOutcome(doc, ctx, id, { verdict: 'wrong', why: ' ' })).field).toBe('why');
    recordOutcome(doc, contextFor('cy', '2026-11-23T10:00:00.000Z'), id, { verdict: 'wrong', why: 'We lost six hours of writes' });
    expect(readDecision(doc, id)!.outcome).toEqual({ verdict: 'wrong', why: 'We lost six hours of writes', by: 'cy', at: '2026-11-23T10:00:00.000Z' });
  });

  it('sets and clears the revisit time, refusing a time that is not UTC', () => {
    const { doc, ctx } = openIncident();
    const id = proposeDecision(doc, ctx, RESTORE);
    setRevisit(doc, ctx, id, '2026-11-21T21:25:00.000Z');
    expect(readDecision(doc, id)!.revisitAt).toBe('2026-11-21T21:25:00.000Z');
    expect(commandError(() => setRevisit(doc, ctx, id, '21:25')).field).toBe('revisitAt');
    setRevisit(doc, ctx, id, null);
    expect(readDecision(doc, id)!.revisitAt).toBeNull();
    expect(commandError(() => setRevisit(doc, ctx, 'missing', null)).code).toBe('not-found');
  });
});

describe('revisits with a fixed clock', () => {
  it('lists decisions in play whose revisit time has passed', () => {
    const { doc, ctx } = openIncident();
    const due = proposeDecision(doc, ctx, { ...RESTORE, revisitAt: '2026-11-21T21:00:00.000Z' });
    proposeDecision(doc, ctx, { question: 'Later', revisitAt: '2026-11-21T23:00:00.000Z' });
    proposeDecision(doc, ctx, { question: 'No revisit' });
    const replaced = proposeDecision(doc, ctx, { question: 'Old', options: [{ title: 'A' }], revisitAt: '2026-11-21T20:30:00.000Z' });
    decideDecision(doc, ctx, replaced, { chosenOptionId: readDecision(doc, replaced)!.options[0]!.id });
    replaceDecision(doc, ctx, replaced, { by: due, how: 'superseded' });
    const now = '2026-11-21T21:00:00.000Z';
    expect(dueRevisits(readDecisions(doc), now).map((d) => d.id)).toEqual([due]);
    expect(dueRevisits(readDecisions(doc), '2026-11-21T20:59:59.999Z')).toEqual([]);
  });

  it('words the countdown', () => {
    const now = '2026-11-21T21:00:00.000Z';
    expect(revisitCountdown('2026-11-21T21:42:00.000Z', now)).toBe('in 42 min');
    expect(revisitCountdown('2026-11-21T23:05:00.000Z', now)).toBe('in 2 h 5 min');
    expect(revisitCountdown('2026-11-21T21:00:30.000Z', now)).toBe('in 1 min');
    expect(revisitCountdown(now, now)).toBe('due now');
    expect(revisitCountdown('2026-11-21T20:55:00.000Z', now)).toBe('overdue 5 min');
    expect(revisitCountdown(null, now)).toBe('');
  });
});

describe('archive round trip', () => {
  it('writeDecisions then readDecisions gives the same decisions back', () => {
    const { doc, ctx } = openIncident();
    const a = proposeDecision(doc, ctx, { ...RESTORE, revisitAt: '2026-11-21T21:00:00.000Z' });
    const b = proposeDecision(doc, ctx, { question: 'Sever the replication link first?', options: [{ title: 'Yes' }] });
    decideDecision(doc, ctx, a, { chosenOptionId: readDecision(doc, a)!.options[0]!.id, rationale: 'Safety' });
    decideDecision(doc, ctx, b, { chosenOptionId: readDecision(doc, b)!.options[0]!.id });
    replaceDecision(doc, ctx, a, { by: b, how: 'superseded' });
    recordOutcome(doc, ctx, a, { verdict: 'mixed', why: 'Slow but safe' });
    const original = readDecisions(doc);

    const copy = new Y.Doc();
    copy.transact(() => writeDecisions(copy, original));
    expect(readDecisions(copy)).toEqual(original);
  });

  it('reads damaged values as empty rather than throwing', () => {
    const doc = new Y.Doc();
    doc.getMap('decisions').set('x', '{not json');
    doc.getArray('decisionEvents').push(['garbage', '{"decisionId":"x","type":"unknown"}']);
    const [decision] = readDecisions(doc);
    expect(decision).toMatchObject({ id: 'x', question: '', status: 'proposed', options: [] });
  });
});
