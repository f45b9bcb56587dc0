// Archive version 3: the situation (the leading hypothesis, the ones ruled out with why, and every
// change to the summary, impact and hypothesis) survives export and import through real Y.Docs;
// older files still import, with an empty situation; a damaged situation is refused naming its field.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateIncident } from '../../model/commands';
import { importSnapshot } from '../../model/importSnapshot';
import { emptySituation, readSituation, ruleOutHypothesis, setHypothesis } from '../../model/situation';
import { readSnapshot } from '../../model/snapshot';
import { contextFor, openIncident } from '../../model/test/fixtures';
import { ARCHIVE_VERSION, parseArchive, toArchive } from '../archive';
import { hostileArchiveJson, hostileSituation, hostileSnapshot, itRefusesEachSpoiledField, refusal, sampleSnapshot, type SpoiledField } from './fixtures';

const EXPORTED_AT = '2026-11-23T08:00:00.000Z';

type Json = Record<string, unknown>;

interface LooseSituation {
  hypothesis: unknown;
  ruledOut: Json[];
  edits: Json[];
}

/** Exports the doc's incident to archive text, parses it and imports it into a fresh doc. */
function throughArchive(doc: Y.Doc): Y.Doc {
  const snapshot = readSnapshot(doc);
  if (!snapshot) throw new Error('the doc holds no incident');
  const parsed = parseArchive(JSON.stringify(toArchive(snapshot, EXPORTED_AT)));
  if (!parsed.ok) throw new Error(parsed.message);
  const copy = new Y.Doc();
  importSnapshot(copy, parsed.snapshot);
  return copy;
}

describe('archive version 3 (situation)', () => {
  it('keeps the lead, the ruled-out hypotheses with why, and the summary, impact and hypothesis history through export and import', () => {
    const { doc, ctx } = openIncident();
    updateIncident(doc, ctx, { summary: 'Checkout fails for EU' });
    setHypothesis(doc, ctx, 'Connection pool exhausted after the deploy');
    ruleOutHypothesis(doc, contextFor('lee', '2026-11-21T21:30:00.000Z'), 'Pool never went above 40%');
    setHypothesis(doc, contextFor('lee', '2026-11-21T21:40:00.000Z'), 'Replica lag on the primary');
    updateIncident(doc, contextFor('kim', '2026-11-21T22:00:00.000Z'), { impact: '30% of EU orders fail' });
    const before = readSituation(doc);
    expect(before.ruledOut).toHaveLength(1);
    expect(before.edits).toHaveLength(5);

    const imported = throughArchive(doc);
    expect(readSituation(imported)).toEqual(before);
    expect(readSituation(imported).hypothesis).toBe('Replica lag on the primary');
    expect(readSituation(imported).ruledOut[0]).toEqual({
      text: 'Connection pool exhausted after the deploy',
      reason: 'Pool never went above 40%',
      by: 'lee',
      at: '2026-11-21T21:30:00.000Z',
    });
    // The imported incident goes on: ruling out the new lead lands after what came with the archive.
    ruleOutHypothesis(imported, contextFor('kim', '2026-11-21T22:10:00.000Z'), 'Lag is under 1 s on every replica');
    expect(readSituation(imported).ruledOut.map((r) => r.text)).toEqual(['Connection pool exhausted after the deploy', 'Replica lag on the primary']);
  });

  it('writes version 3 with the situation, sharing no objects with the snapshot, and reads the hostile one back exactly', () => {
    const snapshot = hostileSnapshot();
    const archive = toArchive(snapshot, EXPORTED_AT);
    expect(archive.version).toBe(ARCHIVE_VERSION);
    expect(ARCHIVE_VERSION).toBe(3);
    expect(archive.situation).toEqual(hostileSituation());
    expect(archive.situation.ruledOut[0]).not.toBe(snapshot.situation.ruledOut[0]);
    expect(archive.situation.edits).not.toBe(snapshot.situation.edits);
    const parsed = parseArchive(JSON.stringify(archive));
    expect(parsed).toEqual({ ok: true, snapshot });
    const doc = new Y.Doc();
    if (parsed.ok) importSnapshot(doc, parsed.snapshot);
    expect(readSituation(doc)).toEqual(hostileSituation());
  });

  it('imports a version 2 file with an empty situation, and a version 1 file too', () => {
    const v2 = hostileArchiveJson();
    v2.version = 2;
    delete v2.situation;
    const parsed = parseArchive(JSON.stringify(v2));
    expect(parsed.ok && parsed.snapshot.situation).toEqual(emptySituation());
    expect(parsed.ok && parsed.snapshot.coordination).toEqual(hostileSnapshot().coordination);
    const doc = new Y.Doc();
    if (parsed.ok) importSnapshot(doc, parsed.snapshot);
    expect(readSituation(doc)).toEqual(emptySituation());

    delete v2.response;
    v2.version = 1;
    const v1 = parseArchive(JSON.stringify(v2));
    expect(v1.ok && v1.snapshot.situation).toEqual(emptySituation());
  });

  it('refuses a version 2 file that carries a situation, and a version 3 one without', () => {
    const v2 = hostileArchiveJson();
    v2.version = 2;
    expect(refusal(v2).message).toMatch(/situation/);
    const v3 = hostileArchiveJson();
    delete v3.situation;
    expect(refusal(v3)).toMatchObject({ field: 'situation' });
  });

  it('tells a newer file apart from a damaged one', () => {
    expect(refusal({ ...hostileArchiveJson(), version: 4 })).toEqual({
      field: 'version',
      message: 'version: Unsupported archive version 4; this War Room reads versions 1, 2 and 3',
    });
  });
});

describe('parseArchive names the bad situation field', () => {
  const cases: Array<SpoiledField<LooseSituation>> = [
    ['a hypothesis that is not text', (s) => void (s.hypothesis = 42), 'situation.hypothesis', /^situation\.hypothesis: /],
    ['a rule-out at no real time', (s) => void (s.ruledOut[1]!.at = 'yesterday'), 'situation.ruledOut[1].at', /Invalid ISO datetime/],
    ['a rule-out without its reason', (s) => void delete s.ruledOut[0]!.reason, 'situation.ruledOut[0].reason', /ruledOut\[0\]\.reason/],
    ['an unknown field on a rule-out', (s) => void (s.ruledOut[2]!.severity = 'SEV1'), 'situation.ruledOut[2]', /severity/],
    ['a change to a field the history does not keep', (s) => void (s.edits[0]!.field = 'title'), 'situation.edits[0].field', /edits\[0\]\.field/],
    ['a change whose author is not text', (s) => void (s.edits[3]!.by = null), 'situation.edits[3].by', /edits\[3\]\.by/],
    ['a history that is not a list', (s) => void (s.edits = {} as unknown as Json[]), 'situation.edits', /situation\.edits/],
  ];
  itRefusesEachSpoiledField('situation', cases);
});

describe('assets/sample-incident.json shows the situation', () => {
  const { situation, entries } = sampleSnapshot();

  it('has a lead and hypotheses ruled out with reasons, each rule-out and each change of lead in the history', () => {
    expect(situation.hypothesis).not.toBe('');
    expect(situation.ruledOut.length).toBeGreaterThanOrEqual(2);
    expect(situation.ruledOut.every((r) => r.reason.trim() !== '' && r.by !== '')).toBe(true);
    const changes = situation.edits.filter((e) => e.field === 'hypothesis');
    for (const r of situation.ruledOut) expect(changes).toContainEqual({ field: 'hypothesis', previous: r.text, value: '', by: r.by, at: r.at });
    // The history ends at the current lead, and each change starts from the value the one before left.
    expect(changes.at(-1)?.value).toBe(situation.hypothesis);
    changes.slice(1).forEach((change, i) => expect(change.previous).toBe(changes[i]?.value));
    // Ruled out while the timeline was being written: each at a time someone wrote an entry.
    for (const r of situation.ruledOut) expect(entries.some((e) => e.occurredAt === r.at)).toBe(true);
  });
});
