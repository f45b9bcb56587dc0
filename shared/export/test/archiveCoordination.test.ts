// Archive version 2 on: the coordination (decisions, checklists, actions, status updates, roles) round-trips, version 1 files still import, and bad
// coordination data is refused with the path of the field that is wrong.
import { describe, expect, it } from 'vitest';
import { EMPTY_COORDINATION } from '../../model/coordination';
import { STANDARD_ROLES } from '../../model/coordinationTypes';
import { ARCHIVE_VERSION, parseArchive, toArchive } from '../archive';
import { hostileArchiveJson, hostileSnapshot, itRefusesEachSpoiledField, refusal, type SpoiledField, sampleSnapshot } from './fixtures';

const EXPORTED_AT = '2026-11-23T08:00:00.000Z';

type Json = Record<string, unknown>;

/** The archive's response as loosely typed JSON, for spoiling one field. */
interface LooseResponse {
  decisions: Json[];
  checklists: Json[];
  actions: Json[];
  statusUpdates: Json[];
  cadence: { minutesBySeverity: Json };
  roles: Json[];
  handoffs: Json[];
}

describe('archive version 2 on (response)', () => {
  it('writes the response, sharing no objects with the snapshot', () => {
    const snapshot = hostileSnapshot();
    const archive = toArchive(snapshot, EXPORTED_AT);
    expect(archive.version).toBe(ARCHIVE_VERSION);
    expect(archive.response).toEqual(snapshot.coordination);
    expect(archive.response.decisions[0]).not.toBe(snapshot.coordination.decisions[0]);
    expect(archive.response.checklists[0]?.items[0]?.history).not.toBe(snapshot.coordination.checklists[0]?.items[0]?.history);
  });

  it('round-trips the hostile snapshot and the sample exactly', () => {
    for (const snapshot of [hostileSnapshot(), sampleSnapshot()]) {
      const archive = toArchive(snapshot, EXPORTED_AT);
      const parsed = parseArchive(JSON.stringify(archive));
      expect(parsed).toEqual({ ok: true, snapshot });
    }
  });

  it('still reads a version 1 archive, with an empty response', () => {
    const v1 = hostileArchiveJson();
    v1.version = 1;
    delete v1.response;
    delete v1.situation;
    const parsed = parseArchive(JSON.stringify(v1));
    expect(parsed.ok && parsed.snapshot.coordination).toEqual(EMPTY_COORDINATION);
    // A copy: mutating it must not touch the shared constant.
    expect(parsed.ok && parsed.snapshot.coordination).not.toBe(EMPTY_COORDINATION);
    expect(parsed.ok && parsed.snapshot.entries.length).toBe(hostileSnapshot().entries.length);
  });

  it('refuses a version 1 archive that carries a response, and a later one without', () => {
    const v1 = hostileArchiveJson();
    v1.version = 1;
    delete v1.situation;
    expect(refusal(v1).message).toMatch(/response/);
    const v2 = hostileArchiveJson();
    v2.version = 2;
    delete v2.situation;
    delete v2.response;
    expect(refusal(v2)).toMatchObject({ field: 'response' });
    const current = hostileArchiveJson();
    delete current.response;
    expect(refusal(current)).toMatchObject({ field: 'response' });
  });
});

describe('parseArchive names the bad response field', () => {
  const cases: Array<SpoiledField<LooseResponse>> = [
    ['an unknown decision status', (r) => void (r.decisions[0]!.status = 'maybe'), 'response.decisions[0].status', /^response\.decisions\[0\]\.status: /],
    ['a bad revisit instant', (r) => void (r.decisions[1]!.revisitAt = 'in an hour'), 'response.decisions[1].revisitAt', /Invalid ISO datetime/],
    ['a chosen option that is not an option', (r) => void (r.decisions[1]!.chosenOptionId = 'zzz'), 'response.decisions[1].chosenOptionId', /not one of this decision's options/],
    ['a replacing decision that does not exist', (r) => void (r.decisions[0]!.replacedBy = 'ghost'), 'response.decisions[0].replacedBy', /ghost is not in this archive/],
    ['a duplicate decision id', (r) => void (r.decisions[2]!.id = r.decisions[0]!.id), 'response.decisions[2].id', /Duplicate decision id/],
    ['an unknown outcome verdict', (r) => void ((r.decisions[0]!.outcome as Json).verdict = 'meh'), 'response.decisions[0].outcome.verdict', /verdict/],
    ['an unknown checklist item state', (r) => void ((r.checklists[0]!.items as Json[])[1]!.state = 'half-done'), 'response.checklists[0].items[1].state', /items\[1\]\.state/],
    ['an unknown item history action', (r) => void (((r.checklists[1]!.items as Json[])[0]!.history as Json[])[0]!.action = 'tick'), 'response.checklists[1].items[0].history[0].action', /action/],
    ['an extra field on an action', (r) => void (r.actions[0]!.assignee = 'x'), 'response.actions[0]', /assignee/],
    ['an unknown priority', (r) => void (r.actions[2]!.priority = 'P0'), 'response.actions[2].priority', /priority/],
    ['an unknown audience', (r) => void (r.statusUpdates[0]!.audience = 'press'), 'response.statusUpdates[0].audience', /audience/],
    ['a negative cadence', (r) => void (r.cadence.minutesBySeverity.SEV2 = -5), 'response.cadence.minutesBySeverity.SEV2', /SEV2/],
    // The stored cadence log reads whole minutes only, so an archive may hold no other.
    ['a cadence in part minutes', (r) => void (r.cadence.minutesBySeverity.SEV3 = 1.5), 'response.cadence.minutesBySeverity.SEV3', /SEV3/],
    ['a role with nobody in it', (r) => void (r.roles[0]!.person = ''), 'response.roles[0].person', /person/],
    ['a handoff without a time', (r) => void delete r.handoffs[0]!.at, 'response.handoffs[0].at', /handoffs\[0\]\.at/],
  ];
  itRefusesEachSpoiledField('response', cases);
});

describe('assets/sample-incident.json shows every response feature, linked to its timeline', () => {
  const sample = sampleSnapshot();
  const { coordination: r, entries } = sample;
  const kindOf = new Map(entries.map((entry) => [entry.id, entry.kind]));

  it('decisions: decided with options and a revisit, superseded, and judged wrong, each on a decision entry', () => {
    expect(r.decisions.length).toBeGreaterThanOrEqual(3);
    expect(r.decisions.every((d) => kindOf.get(d.entryId) === 'decision')).toBe(true);
    expect(r.decisions.some((d) => d.status === 'decided' && d.revisitAt && d.options.length >= 2 && d.options.every((o) => o.pros && o.cons))).toBe(true);
    const superseded = r.decisions.find((d) => d.status === 'superseded');
    expect(r.decisions.some((d) => d.id === superseded?.replacedBy)).toBe(true);
    expect(r.decisions.find((d) => d.outcome?.verdict === 'wrong')?.outcome?.why).toMatch(/we made the decision as a team and it was the wrong one/i);
  });

  it('checklists from the runbooks: a confirmed item, a skipped one and a blocked one, with reasons', () => {
    const items = r.checklists.flatMap((c) => c.items);
    expect(r.checklists.length).toBeGreaterThanOrEqual(2);
    expect(r.checklists.some((c) => c.template === 'Restore from backup')).toBe(true);
    expect(items.some((i) => i.needsConfirm && i.confirmedBy && i.doneBy && i.confirmedBy !== i.doneBy)).toBe(true);
    for (const state of ['skipped', 'blocked'] as const) expect(items.some((i) => i.state === state && (i.reason ?? '').trim() !== '')).toBe(true);
  });

  it('action items, status updates on a cadence with a snooze, roles and handoffs', () => {
    expect(r.actions.length).toBeGreaterThanOrEqual(4);
    expect(r.actions.every((a) => a.entryIds.every((id) => kindOf.has(id)) && a.decisionIds.every((id) => r.decisions.some((d) => d.id === id)))).toBe(true);
    expect(new Set(r.statusUpdates.map((u) => u.audience))).toEqual(new Set(['internal', 'customers']));
    expect(r.statusUpdates.every((u) => kindOf.get(u.entryId) === 'comms')).toBe(true);
    expect(r.cadence.snoozes).toHaveLength(1);
    const roles = new Set(r.roles.map((a) => a.role));
    for (const role of STANDARD_ROLES) expect(roles.has(role)).toBe(true);
    expect([...roles].some((role) => !(STANDARD_ROLES as readonly string[]).includes(role))).toBe(true);
    expect(r.handoffs.length).toBeGreaterThanOrEqual(1);
    expect(r.handoffs.every((h) => h.briefing.trim() !== '' && entries.some((e) => e.kind === 'handoff' && e.occurredAt === h.at))).toBe(true);
  });
});
