// Snapshots shared by the export tests: the sample archive and one full of hostile text.
// shared/ may not use Node built-ins, tests included: the sample comes in as a JSON module.
import sampleArchive from '../../../assets/sample-incident.json';
import type { Incident, IncidentSnapshot, TimelineEntry } from '../../model/types';
import { parseArchive } from '../archive';
import { hostileCoordination } from './hostileCoordination';

/** The sample archive's file text (re-serialised; parseArchive takes text). */
export const SAMPLE_ARCHIVE_JSON = JSON.stringify(sampleArchive);

export function sampleSnapshot(): IncidentSnapshot {
  const parsed = parseArchive(SAMPLE_ARCHIVE_JSON);
  if (!parsed.ok) throw new Error(`sample archive does not parse: ${parsed.message}`);
  return parsed.snapshot;
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
  return { incident: hostileIncident(), entries, coordination: hostileCoordination(HOSTILE_TEXTS, AT) };
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
