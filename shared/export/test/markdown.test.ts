import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { EMPTY_COORDINATION } from '../../model/coordination';
import { emptySituation } from '../../model/situation';
import type { IncidentSnapshot } from '../../model/types';
import { renderPostmortem } from '../markdown';
import { hostileSnapshot, sampleSnapshot, sectionBody, timelineEntry as entry } from './fixtures';

const SECTIONS = [
  'Summary',
  'Impact',
  // Present because both the sample's and the hostile incident's teams named hypotheses; left out when none.
  'Hypotheses',
  'Detection',
  'Participants',
  'Timeline',
  'Terminal excerpts',
  'Terminal recordings',
  'Decisions',
  'Checklists',
  'Status updates',
  'Roles and handoffs',
  'Root cause and trigger', 'What went well', 'What went wrong', 'Where we got lucky', 'Action items'];
const GENERATED_AT = '2026-11-22T12:00:00.000Z';

/** The timeline table's body rows (date rows included); other sections' tables are left out. */
function tableRows(markdown: string): string[] {
  return sectionBody(markdown, 'Timeline').split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Time |') && !line.startsWith('| ---'));
}


describe('renderPostmortem', () => {
  const sample = sampleSnapshot();

  it('lists the services and tags among the facts, escaped, and says when there are none', () => {
    const md = renderPostmortem({ ...sample, incident: { ...sample.incident, services: ['primary DB', 'checkout | API'], tags: ['data-loss'] } }, { all: true });
    expect(md).toContain('- **Services:** primary DB, checkout \\| API\n');
    expect(md).toContain('- **Tags:** data-loss\n');
    const bare = renderPostmortem({ ...sample, incident: { ...sample.incident, services: [], tags: [] } }, { all: true });
    expect(bare).toMatch(/- \*\*Services:\*\* \S/);
    expect(bare).not.toContain('primary DB, checkout');
  });

  it('has the title, the facts and every section in order', () => {
    const md = renderPostmortem(sample, { all: true });
    expect(md.startsWith(`# ${sample.incident.title} — Postmortem\n`)).toBe(true);
    const headings = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(headings).toEqual(SECTIONS);
    expect(md).toContain('- **Status:** resolved');
    expect(md).toContain('- **Severity:** SEV1');
    expect(md).toContain('- **Commander:** Priya Raman');
    expect(md).toContain('- **Times shown in:** America/Denver');
    expect(md).toContain('- **Start:** 2026-10-30 22:09 MDT');
    expect(md).toContain('- **End:** 2026-11-02 09:42 MST');
    // 22:09 MDT Friday to 09:42 MST Monday, with the extra hour of the DST change counted.
    expect(md).toContain('- **Total duration:** 60 hours 33 minutes (2 days 12 hours 33 minutes)');
    expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
  });

  it('says how long an unresolved incident has been running', () => {
    const md = renderPostmortem(hostileSnapshot(), { all: true, generatedAt: GENERATED_AT });
    expect(md).toContain('- **Total duration:** ongoing — 14 hours 5 minutes so far');
    expect(md).toContain('- **Resolved:** not set');
  });

  it('lists the commander first, then every other author once', () => {
    const md = renderPostmortem(sample, { all: false });
    const participants = md.split('## Participants\n\n')[1]?.split('\n\n')[0]?.split('\n');
    expect(participants).toEqual(['- Priya Raman (incident commander)', '- Elena Sokolova', '- Jun Park', '- Marcus Webb', '- Tom Okafor']);
  });

  it('key-events mode shows only key, unretracted entries', () => {
    const md = renderPostmortem(sample, { all: false });
    const shown = sample.entries.filter((e) => e.key && !e.retraction);
    const rows = tableRows(md).filter((row) => !row.startsWith('| **'));
    expect(rows).toHaveLength(shown.length);
    expect(md).not.toContain('~~');
  });

  it('full mode shows everything and strikes retracted entries through with who and why', () => {
    const md = renderPostmortem(sample, { all: true });
    expect(tableRows(md).filter((row) => !row.startsWith('| **'))).toHaveLength(sample.entries.length);
    const retracted = sample.entries.find((e) => e.retraction)!;
    expect(md).toContain(`| ~~${retracted.text}~~ (retracted by ${retracted.retraction!.by}: ${retracted.retraction!.reason}) |`);
  });

  it('adds a date row whenever the day changes in the display zone, named with the zone', () => {
    const dateRows = (zone: string) => tableRows(renderPostmortem(sample, { all: true, timeZone: zone })).filter((r) => r.startsWith('| **'));
    expect(dateRows('America/Denver')).toEqual([
      '| **Fri 30 Oct 2026 (MDT)** | | | | | |',
      '| **Sat 31 Oct 2026 (MDT)** | | | | | |',
      '| **Sun 1 Nov 2026 (MDT)** | | | | | |',
      '| **Mon 2 Nov 2026 (MST)** | | | | | |',
    ]);
    expect(dateRows('UTC')[0]).toBe('| **Sat 31 Oct 2026 (UTC)** | | | | | |');
    expect(dateRows('Australia/Sydney')[0]).toBe('| **Sat 31 Oct 2026 (AEDT)** | | | | | |');
  });

  it('names the zone on rows after a DST change within the day, so the repeated hour reads right', () => {
    const md = renderPostmortem(sample, { all: true });
    expect(md).toMatch(/\| 01:50 \| T\+1d 03:41 \| event \|/);
    expect(md).toMatch(/\| 01:10 MST \| T\+1d 04:01 \| note \|/);
  });

  it('counts T+ from impact start, else detection, else creation', () => {
    const base = hostileSnapshot();
    const at = '2026-11-22T00:00:00.000Z';
    const one = (incidentPatch: Partial<IncidentSnapshot['incident']>) =>
      tableRows(renderPostmortem({ incident: { ...base.incident, ...incidentPatch }, entries: [entry({ id: 'e1', occurredAt: at })], coordination: EMPTY_COORDINATION, situation: emptySituation() }, { all: true, timeZone: 'UTC' }))[1];
    expect(one({ impactStartedAt: '2026-11-21T22:00:00.000Z' })).toContain('| T+2:00 |');
    expect(one({ impactStartedAt: null, detectedAt: '2026-11-21T23:00:00.000Z' })).toContain('| T+1:00 |');
    expect(one({ impactStartedAt: null, detectedAt: null, createdAt: '2026-11-22T00:05:00.000Z' })).toContain('| T-0:05 |');
  });

  it('sorts entries itself when handed them out of order', () => {
    const base = hostileSnapshot();
    const entries = [entry({ id: 'b', occurredAt: '2026-11-22T00:02:00.000Z' }), entry({ id: 'a', occurredAt: '2026-11-22T00:01:00.000Z' })];
    const rows = tableRows(renderPostmortem({ incident: base.incident, entries, coordination: EMPTY_COORDINATION, situation: emptySituation() }, { all: true, timeZone: 'UTC' }));
    expect(rows.slice(1).map((r) => r.slice(-4))).toEqual([' a |', ' b |']);
  });

  it('keeps a multi-line entry in one row', () => {
    const base = hostileSnapshot();
    const md = renderPostmortem({ incident: base.incident, entries: [entry({ id: 'x', occurredAt: GENERATED_AT, text: 'one\ntwo' })], coordination: EMPTY_COORDINATION, situation: emptySituation() }, { all: true });
    expect(tableRows(md)).toHaveLength(2);
    expect(md).toContain('| one ⏎ two |');
  });

  it('keeps placeholders in sections nobody has written', () => {
    const base = hostileSnapshot();
    const md = renderPostmortem({ incident: { ...base.incident, summary: ' ', postmortem: { ...base.incident.postmortem, wentWell: '' } }, entries: [], coordination: EMPTY_COORDINATION, situation: emptySituation() }, { all: false });
    expect(md).toContain('## Summary\n\n*Not written yet.*\n');
    expect(md).toContain('## What went well\n\n*Not written yet.*\n');
    expect(md).toContain('## Timeline\n\n*No entry is marked as a key event yet.*\n');
  });

  it('lets no user text become a heading, HTML or a script link (rendered with marked)', () => {
    const html = marked.parse(renderPostmortem(hostileSnapshot(), { all: true, generatedAt: GENERATED_AT }), { gfm: true, async: false });
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect([...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(SECTIONS);
    expect(html).not.toMatch(/<h[4-6]>|<script|<img|<b>|href="(?!https?:)/);
    // The only h3 headings are ours: one per decision and per checklist, numbered.
    expect([...html.matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => /^(Decision|Checklist) \d+: /.test(m[1] ?? ''))).toEqual(Array(5).fill(true));
    // Every body row keeps its six cells.
    const timelineHtml = html.split('<h2>Timeline</h2>')[1]!;
    for (const row of timelineHtml.split('<tbody>')[1]!.split('</tbody>')[0]!.split('<tr>').slice(1)) expect(row.match(/<td>/g)).toHaveLength(6);
  });

  it('renders every row of a large timeline', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) =>
      entry({ id: `e${String(i).padStart(6, '0')}`, occurredAt: new Date(Date.UTC(2026, 9, 30) + i * 13_000).toISOString(), text: `step ${i} | done` }),
    );
    const snapshot = { incident: sample.incident, entries, coordination: EMPTY_COORDINATION, situation: emptySituation() };
    // Its speed against JSON.stringify is measured by npm run bench.
    const md = renderPostmortem(snapshot, { all: true });
    expect(tableRows(md).length).toBeGreaterThan(entries.length);
  });
});
