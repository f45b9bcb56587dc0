import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { EMPTY_COORDINATION } from '../../model/coordination';
import { emptySituation } from '../../model/situation';
import type { TimelineEntry } from '../../model/types';
import { pinEntryText } from '../../terminal/entryText';
import { renderPostmortem } from '../markdown';
import { hostileSnapshot, sectionBody as section, timelineEntry } from './fixtures';
import { HOSTILE_RECORDINGS, terminalEntries, terminalSnapshot } from './terminalFixtures';

const GENERATED_AT = '2026-11-22T12:00:00.000Z';

const entry = (patch: Partial<TimelineEntry> & Pick<TimelineEntry, 'id' | 'occurredAt'>): TimelineEntry => timelineEntry({ kind: 'terminal', ...patch });

const { incident } = hostileSnapshot();
const PIN = pinEntryText({ terminalName: 'db-1', excerpt: 'deleting data/base/16384/2619' });

describe('postmortem terminal sections', () => {
  it('captions an excerpt in the table and prints it in full below, numbered', () => {
    const entries = [
      entry({ id: 'a', occurredAt: '2026-11-21T22:00:00.000Z', text: PIN }),
      entry({ id: 'b', occurredAt: '2026-11-21T22:01:00.000Z', text: '`$ ls` → exit 0 after 1 s in **db-1**' }),
      entry({ id: 'c', occurredAt: '2026-11-21T22:02:00.000Z', text: PIN, author: 'Bob.' }),
    ];
    const md = renderPostmortem({ incident, entries, coordination: EMPTY_COORDINATION, situation: emptySituation() }, { all: true, timeZone: 'UTC', generatedAt: GENERATED_AT });
    const timeline = section(md, 'Timeline');
    expect(timeline).toContain('| terminal | Ann | | Output from db-1: (excerpt 1 below) |');
    expect(timeline).toContain('| terminal | Bob. | | Output from db-1: (excerpt 2 below) |');
    // A logged one-line command stays an ordinary row.
    expect(timeline).toContain('| \\`$ ls\\` → exit 0 after 1 s in \\*\\*db-1\\*\\* |');
    const excerpts = section(md, 'Terminal excerpts');
    expect(excerpts).toBe(
      '### 1. 2026-11-21 22:00 UTC — Ann\n\nOutput from **db-1**:\n\n```text\ndeleting data/base/16384/2619\n```\n\n' +
        '### 2. 2026-11-21 22:02 UTC — Bob\n\nOutput from **db-1**:\n\n```text\ndeleting data/base/16384/2619\n```\n',
    );
  });

  it('follows the all option and retractions as the table does', () => {
    const entries = terminalEntries();
    const snapshot = { incident, entries, coordination: EMPTY_COORDINATION, situation: emptySituation() };
    const keyOnly = renderPostmortem(snapshot, { all: false, generatedAt: GENERATED_AT });
    const everything = renderPostmortem(snapshot, { all: true, generatedAt: GENERATED_AT });
    const headings = (md: string) => section(md, 'Terminal excerpts').split('\n').filter((l) => l.startsWith('### '));
    const excerptCount = (list: TimelineEntry[]) => list.filter((e) => e.kind === 'terminal' && /^ {0,3}(```|~~~)/m.test(e.text)).length;
    expect(headings(keyOnly)).toHaveLength(excerptCount(entries.filter((e) => e.key && !e.retraction)));
    expect(headings(everything)).toHaveLength(excerptCount(entries));
    expect(section(keyOnly, 'Terminal excerpts')).not.toContain('Retracted');
    expect(section(everything, 'Terminal excerpts')).toContain('**Retracted** by Ann \\| x: wrong host &lt;b&gt;x&lt;/b&gt;.');
    expect(section(everything, 'Timeline')).toContain('| ~~Output from \\`db\\` \\| \\*\\*2\\*\\*: (excerpt 2 below)~~ (retracted by Ann \\| x: wrong host');
    expect(new Set(headings(everything)).size).toBe(headings(everything).length);
    // The author's trailing "." goes (MD026) but the entity before it stays whole.
    expect(headings(everything)[0]).toMatch(/ — Ann \\\| &lt;ops&gt;$/);
  });

  it('lists recordings in start order with time, duration, size and a relative link', () => {
    const md = renderPostmortem(terminalSnapshot(), { all: true, generatedAt: GENERATED_AT, timeZone: 'UTC', recordings: HOSTILE_RECORDINGS });
    expect(section(md, 'Terminal recordings').trim().split('\n')).toEqual([
      '- **\\# \\`db\\` \\| \\[x\\](javascript:1) &lt;b&gt;** — started 2026-11-21 22:02 UTC, less than a minute, 80x24: [we ird\\](x) &lt;y&gt;.cast](recordings/we%20ird%5D%28x%29%20%3Cy%3E.cast)',
      '- **db-1** — started 2026-11-21 22:30 UTC, 1 hour 2 minutes, 120x40: [01REC2.cast](recordings/01REC2.cast)',
    ]);
    const html = marked.parse(md, { gfm: true, async: false });
    expect(html).toContain('<a href="recordings/01REC2.cast">01REC2.cast</a>');
    expect(html).not.toMatch(/<script|<b>|href="(?!https?:|recordings\/)/);
  });

  it('writes placeholders when there is nothing to show', () => {
    const md = renderPostmortem({ incident, entries: [], coordination: EMPTY_COORDINATION, situation: emptySituation() }, { all: true, generatedAt: GENERATED_AT });
    expect(section(md, 'Terminal excerpts')).toBe('*No terminal output was added to the timeline.*\n');
    expect(section(md, 'Terminal recordings')).toBe('*No terminal sessions were recorded.*\n');
  });

  it('keeps hostile excerpts inside their section: one h1, our h2s, numbered h3s', () => {
    const html = marked.parse(renderPostmortem(terminalSnapshot(), { all: true, generatedAt: GENERATED_AT, recordings: HOSTILE_RECORDINGS }), { gfm: true, async: false });
    expect(html.match(/<h1>/g)).toHaveLength(1);
    const excerpts = html.split('<h2>Terminal excerpts</h2>')[1]!.split('<h2>')[0]!;
    expect([...excerpts.matchAll(/<h3>([^<]*)<\/h3>/g)].every((m) => /^\d+\. 2026-/.test(m[1] ?? ''))).toBe(true);
    expect(excerpts).not.toMatch(/<script|<h[1-2]>|href="javascript/);
  });

  it('renders 100k entries, terminal excerpts among them', () => {
    const entries = Array.from({ length: 100_000 }, (_, i) =>
      entry({ id: `e${String(i).padStart(6, '0')}`, occurredAt: new Date(Date.UTC(2026, 9, 30) + i * 3_000).toISOString(), kind: i % 1000 === 0 ? 'terminal' : 'note', text: i % 1000 === 0 ? PIN : `step ${i}` }),
    );
    // Its speed is the export row of npm run bench.
    const md = renderPostmortem({ incident, entries, coordination: EMPTY_COORDINATION, situation: emptySituation() }, { all: true, generatedAt: GENERATED_AT });
    expect(md).toContain('(excerpt 100 below)');
  });
});
