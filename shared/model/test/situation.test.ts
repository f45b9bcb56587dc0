import { describe, expect, it } from 'vitest';
import { updateIncident } from '../commands';
import { readSituation, ruledOutArray, ruleOutHypothesis, setHypothesis, situationEditsArray } from '../situation';
import { commandError, contextFor, exchange, openIncident, replicaOf } from './fixtures';

describe('the leading hypothesis', () => {
  it('is named, replaced and ruled out, keeping every version', () => {
    const { doc, ctx } = openIncident();
    setHypothesis(doc, ctx, '  Connection pool exhausted after the deploy ');
    setHypothesis(doc, contextFor('lee', '2026-11-21T21:00:00.000Z'), 'Replica lag on the primary');
    ruleOutHypothesis(doc, contextFor('lee', '2026-11-21T21:30:00.000Z'), 'Lag is under 1 s on every replica');
    const situation = readSituation(doc);
    expect(situation.hypothesis).toBe('');
    expect(situation.ruledOut).toEqual([{ text: 'Replica lag on the primary', reason: 'Lag is under 1 s on every replica', by: 'lee', at: '2026-11-21T21:30:00.000Z' }]);
    expect(situation.edits.map((e) => [e.previous, e.value, e.by])).toEqual([
      ['', 'Connection pool exhausted after the deploy', 'ana'],
      ['Connection pool exhausted after the deploy', 'Replica lag on the primary', 'lee'],
      ['Replica lag on the primary', '', 'lee'],
    ]);
  });

  it('refuses an over-long hypothesis, and a rule-out without a reason or a hypothesis', () => {
    const { doc, ctx } = openIncident();
    expect(commandError(() => setHypothesis(doc, ctx, 'x'.repeat(281))).message).toMatch(/280 characters/);
    expect(commandError(() => ruleOutHypothesis(doc, ctx, 'because')).message).toMatch(/no leading hypothesis/);
    setHypothesis(doc, ctx, 'DNS');
    expect(commandError(() => ruleOutHypothesis(doc, ctx, '   ')).message).toMatch(/Say why/);
    expect(readSituation(doc).hypothesis).toBe('DNS');
  });

  it('keeps both rule-outs made at once on two replicas', () => {
    const { doc, ctx } = openIncident();
    setHypothesis(doc, ctx, 'DNS');
    const other = replicaOf(doc);
    ruleOutHypothesis(doc, ctx, 'dig resolves');
    setHypothesis(other, contextFor('lee'), 'Cert expiry');
    ruleOutHypothesis(other, contextFor('lee'), 'cert valid until 2027');
    exchange(doc, other);
    expect(readSituation(doc).ruledOut.map((r) => r.text).sort()).toEqual(['Cert expiry', 'DNS']);
    expect(readSituation(other)).toEqual(readSituation(doc));
  });
});

describe('summary and impact history', () => {
  it('records each change with who and when, and nothing for an unchanged value', () => {
    const { doc, ctx } = openIncident();
    updateIncident(doc, ctx, { summary: 'Checkout fails for EU' });
    updateIncident(doc, ctx, { summary: 'Checkout fails for EU', title: 'Checkout down' });
    updateIncident(doc, contextFor('lee', '2026-11-21T22:00:00.000Z'), { impact: '30% of EU orders fail' });
    expect(readSituation(doc).edits.map((e) => [e.field, e.previous, e.value, e.by])).toEqual([
      ['summary', '', 'Checkout fails for EU', 'ana'],
      ['impact', '', '30% of EU orders fail', 'lee'],
    ]);
  });
});

describe('reading a damaged situation', () => {
  it('reads a damaged field as empty, keeps the rest of its record, and skips what is no record or no known change', () => {
    const { doc, ctx } = openIncident();
    setHypothesis(doc, ctx, 'DNS');
    ruleOutHypothesis(doc, ctx, 'dig resolves');
    const at = '2026-11-21T21:00:00.000Z';
    // What an older build, a damaged file or a hostile peer might have written.
    ruledOutArray(doc).push([{ text: 'Cert expiry', reason: 42, by: 'lee', at }, 'not a record', null]);
    situationEditsArray(doc).push([{ field: 'title', previous: '', value: 'x', by: 'lee', at }, { field: 'impact', previous: 7, value: 'EU only', by: 'lee', at }]);
    const situation = readSituation(doc);
    expect(situation.ruledOut.map((r) => [r.text, r.reason, r.by])).toEqual([
      ['DNS', 'dig resolves', 'ana'],
      ['Cert expiry', '', 'lee'],
    ]);
    expect(situation.edits.map((e) => [e.field, e.previous, e.value])).toEqual([
      ['hypothesis', '', 'DNS'],
      ['hypothesis', 'DNS', ''],
      ['impact', '', 'EU only'],
    ]);
  });
});
