// The postmortem's Hypotheses section: the lead and each ruled-out hypothesis with who, when
// (in the incident's zone) and why; absent when the team named none; hostile text escaped.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { emptySituation, type Situation } from '../../model/situation';
import { renderPostmortem } from '../markdown';
import { hostileSnapshot, sampleSnapshot, sectionBody as section } from './fixtures';
import { lintMarkdown as lint } from './markdownLint';

const GENERATED_AT = '2026-11-22T12:00:00.000Z';

const RESTORE_NIGHT: Situation = {
  hypothesis: 'The WAL mirror stopped copying on Thursday',
  ruledOut: [
    // Listed out of time order: the section shows them oldest first.
    { text: 'A bad index migration', reason: 'No migration ran that week', by: 'Marcus Webb', at: '2026-10-31T05:10:00.000Z' },
    { text: 'Network partition between the racks', reason: 'Switch counters show no drops', by: 'Elena Sokolova', at: '2026-10-31T04:40:00.000Z' },
  ],
  edits: [],
};

function postmortem(situation: Situation, timeZone?: string): string {
  return renderPostmortem({ ...sampleSnapshot(), situation }, { all: false, generatedAt: GENERATED_AT, ...(timeZone && { timeZone }) });
}

function headings(md: string): string[] {
  return md.split('\n').filter((line) => line.startsWith('## ')).map((line) => line.slice(3));
}

describe('postmortem Hypotheses section', () => {
  it('shows the lead, then each ruled-out hypothesis oldest first with why, who and when in the incident zone', () => {
    expect(section(postmortem(RESTORE_NIGHT), 'Hypotheses')).toBe(
      [
        '- **Leading:** The WAL mirror stopped copying on Thursday',
        '- **Ruled out:** Network partition between the racks — Switch counters show no drops (ruled out by Elena Sokolova at 2026-10-30 22:40 MDT)',
        '- **Ruled out:** A bad index migration — No migration ran that week (ruled out by Marcus Webb at 2026-10-30 23:10 MDT)',
        '',
      ].join('\n'),
    );
    expect(section(postmortem(RESTORE_NIGHT, 'UTC'), 'Hypotheses')).toContain('(ruled out by Marcus Webb at 2026-10-31 05:10 UTC)');
  });

  it('sits right after the impact', () => {
    expect(headings(postmortem(RESTORE_NIGHT)).slice(0, 4)).toEqual(['Summary', 'Impact', 'Hypotheses', 'Detection']);
  });

  it('is left out when there is no lead and nothing was ruled out, even with a history of edits', () => {
    const quiet = { ...emptySituation(), edits: [{ field: 'summary' as const, previous: '', value: 'Checkout down', by: 'Ann', at: '2026-10-31T04:20:00.000Z' }] };
    expect(headings(postmortem(quiet))).not.toContain('Hypotheses');
    expect(headings(postmortem({ ...emptySituation(), hypothesis: '   ' }))).not.toContain('Hypotheses');
  });

  it('shows only what there is: a lead alone, or rule-outs with no lead', () => {
    expect(section(postmortem({ ...RESTORE_NIGHT, ruledOut: [] }), 'Hypotheses')).toBe('- **Leading:** The WAL mirror stopped copying on Thursday\n');
    const ruledOutOnly = section(postmortem({ ...RESTORE_NIGHT, hypothesis: '' }), 'Hypotheses');
    expect(ruledOutOnly).not.toContain('Leading');
    expect(ruledOutOnly.match(/^- \*\*Ruled out:\*\* /gm)).toHaveLength(2);
  });

  it('escapes hostile text: no heading, HTML, link or emphasis of its own, and a blank hypothesis still reads', () => {
    const md = renderPostmortem(hostileSnapshot(), { all: false, generatedAt: GENERATED_AT });
    const body = section(md, 'Hypotheses');
    const lines = body.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('- **Leading:** \\[click\\](javascript:alert(1)) and !\\[img\\](data:text/html,hi) and \\[frag\\](#nowhere)');
    expect(lines[1]).toBe(
      '- **Ruled out:** line one line two line three after a blank line — &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; ' +
        '(ruled out by \\[click\\](javascript:alert(1)) and !\\[img\\](data:text/html,hi) and \\[frag\\](#nowhere) at 2026-11-21 16:00 MST)',
    );
    expect(lines[3]).toMatch(/^- \*\*Ruled out:\*\* \*untitled hypothesis\* — /);
    const html = marked.parse(body, { gfm: true, async: false });
    expect(html).not.toMatch(/<h\d|<script|<img|<b>|<a |<code>/);
    // One list item per hypothesis: no user line break or list marker starts another.
    expect(html.match(/<li>/g)).toHaveLength(4);
  });

  it('passes markdownlint, hostile and plain', async () => {
    const errors = await lint({
      'hypotheses.md': postmortem(RESTORE_NIGHT),
      'hypotheses-hostile.md': renderPostmortem(hostileSnapshot(), { all: true, generatedAt: GENERATED_AT }),
    });
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
