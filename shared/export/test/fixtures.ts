// Snapshots shared by the export tests: the sample archive and one full of hostile text.
// shared/ may not use Node built-ins, tests included: the sample comes in as a JSON module.
import { expect, it } from 'vitest';
import sampleArchive from '../../../assets/sample-incident.json';
import type { Situation } from '../../model/situation';
import type { Incident, IncidentSnapshot, TimelineEntry } from '../../model/types';
import { parseArchive, toArchive } from '../archive';
import { hostileCoordination } from './hostileCoordination';

/** The sample archive's file text (re-serialised; parseArchive takes text). */
export const SAMPLE_ARCHIVE_JSON = JSON.stringify(sampleArchive);

export function sampleSnapshot(): IncidentSnapshot {
  const parsed = parseArchive(SAMPLE_ARCHIVE_JSON);
  if (!parsed.ok) throw new Error(`sample archive does not parse: ${parsed.message}`);
  return parsed.snapshot;
}

/** The hostile snapshot's archive as loosely typed JSON, for spoiling one field. */
export function hostileArchiveJson(exportedAt = '2026-11-23T08:00:00.000Z'): Record<string, unknown> {
  return JSON.parse(JSON.stringify(toArchive(hostileSnapshot(), exportedAt))) as Record<string, unknown>;
}

/** What parseArchive says about an archive it refuses; fails the test when it accepts it. */
export function refusal(archive: unknown): { field: string | null; message: string } {
  const result = parseArchive(JSON.stringify(archive));
  if (result.ok) throw new Error('expected the archive to be rejected');
  return { field: result.field, message: result.message };
}

/** How to spoil one field of an archive's part, the field parseArchive must then name, and what its message must say. */
export type SpoiledField<Part> = [what: string, spoil: (part: Part) => void, field: string, message: RegExp];

/** One test per case: the case spoils the `key` part of a fresh hostile archive, which parseArchive must refuse, naming the field. */
export function itRefusesEachSpoiledField<Part>(key: 'response' | 'situation', cases: ReadonlyArray<SpoiledField<Part>>): void {
  for (const [what, spoil, field, message] of cases) {
    it(what, () => {
      const archive = hostileArchiveJson();
      spoil(archive[key] as Part);
      const result = refusal(archive);
      expect(result.field).toBe(field);
      expect(result.message).toMatch(message);
    });
  }
}

/** Every escaping hazard the postmortem must survive, one per entry. */
export const HOSTILE_TEXTS = [
  'pipes | in | text || and \\| escaped',
  'line one\nline two\r\nline three\n\nafter a blank line',
  'a `code span with | pipe` and ``double`` and a lone ` tick',
  '<script>alert(1)</script> and <img src=x onerror=alert(1)>',
  '# looks like a heading',
  '> quote\n- list\n+ plus\n1. numbered\n2) paren',
  '*bold?* _under_ ~~strike~~ **strong** __strong__',
  '[click](javascript:alert(1)) and ![img](data:text/html,hi) and [frag](#nowhere)',
  'bare https://example.com/a_b?x=1&y=2. and www.example.com and ops@example.com',
  '&amp; &lt; entities &#x3C;script&#x3E;',
  '```\nfenced | code\n```',
  'trailing backslash \\',
  '   ',
  '|',
  '---',
  '<!-- comment --> <br> </td></tr>',
];

const AT = (minute: number): string => new Date(Date.UTC(2026, 10, 21, 22, 0) + minute * 60_000).toISOString();

export function hostileIncident(): Incident {
  return {
    id: '01HOSTILE',
    title: '# DB | outage <b>x</b> `tick` [a](javascript:x)\nsecond line #',
    severity: 'SEV2',
    status: 'monitoring',
    createdAt: AT(0),
    detectedAt: AT(0),
    impactStartedAt: AT(-5),
    mitigatedAt: AT(90),
    resolvedAt: null,
    timeZone: 'America/Denver',
    summary: '# Heading in summary\nSetext heading\n===\n<script>alert(1)</script>\n* star list\n+ plus list\n\n\n\nText with __strong__ and _em_ and [x](javascript:alert(1)).\n```\nunclosed fence',
    impact: 'Impact paragraph\n- list right after paragraph\n3. ordered\nafter list\n\ttabbed line   \n***\n**Emphasis only**\nSee https://status.example.com/incidents/1_2 and <https://x.example.com>.',
    commander: 'Dana <Commander> | Lead',
    services: ['primary DB', 'checkout | API'],
    tags: ['data-loss'],
    postmortem: { rootCause: '## Root\n~~~\ntilde fence\n~~~', wentWell: '', wentWrong: '    indented code\n[ref]: javascript:alert(1)', gotLucky: 'Lucky *a* and `b < c`' },
  };
}

export function hostileSnapshot(): IncidentSnapshot {
  const entries: TimelineEntry[] = HOSTILE_TEXTS.map((text, index) => ({
    id: `01HOSTILE${String(index).padStart(3, '0')}`,
    // Spread over midnight in Denver (07:00 UTC) so a date row appears mid-table.
    occurredAt: AT(index * 40),
    recordedAt: AT(index * 40 + 1),
    author: index % 2 === 0 ? 'Ann | <ops>' : 'bob_the_[dba]',
    kind: 'note',
    text,
    workstream: index % 3 === 0 ? 'restore-|from|-backup' : '',
    key: true,
    retraction: index % 4 === 1 ? { by: 'Ann | x', at: AT(index * 40 + 2), reason: 'wrong | <b>host</b>\nsecond' } : null,
    history: [],
  }));
  return { incident: hostileIncident(), entries, coordination: hostileCoordination(HOSTILE_TEXTS, AT), situation: hostileSituation() };
}

/** A lead, three hypotheses ruled out (one whose text is only blanks) and the changes that led there, every text hostile. */
export function hostileSituation(): Situation {
  const pick = (index: number): string => HOSTILE_TEXTS[index % HOSTILE_TEXTS.length] ?? '';
  const ruledOut = [1, 5, 12].map((n, i) => ({ text: pick(n), reason: pick(n + 2), by: pick(n + 6), at: AT(60 + i * 20) }));
  const hypothesis = pick(7);
  return {
    hypothesis,
    ruledOut,
    edits: [
      { field: 'summary', previous: '', value: pick(3), by: pick(0), at: AT(10) },
      ...ruledOut.flatMap((r, i) => [
        { field: 'hypothesis' as const, previous: '', value: r.text, by: pick(i + 8), at: AT(50 + i * 20) },
        { field: 'hypothesis' as const, previous: r.text, value: '', by: r.by, at: r.at },
      ]),
      { field: 'hypothesis', previous: '', value: hypothesis, by: pick(9), at: AT(130) },
      { field: 'impact', previous: pick(10), value: pick(11), by: pick(4), at: AT(140) },
    ],
  };
}

/** A timeline entry for a rendering test: key, by Ann, its text its id, recorded when it occurred. */
export function timelineEntry(patch: Partial<TimelineEntry> & Pick<TimelineEntry, 'id' | 'occurredAt'>): TimelineEntry {
  return { recordedAt: patch.occurredAt, author: 'Ann', kind: 'note', text: patch.id, workstream: '', key: true, retraction: null, history: [], ...patch };
}

/** The body of one `##` section of a rendered postmortem; a missing section fails the test. */
export function sectionBody(markdown: string, title: string): string {
  const body = markdown.split(`\n## ${title}\n\n`)[1];
  if (body === undefined) throw new Error(`no section ${title}`);
  return body.split('\n## ')[0] ?? '';
}
