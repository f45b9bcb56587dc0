// The postmortem's coordination sections: decisions, checklists, status updates,
// roles and handoffs, action items — content from the sample, escaping from hostile text.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { EMPTY_COORDINATION } from '../../model/coordination';
import { renderPostmortem } from '../markdown';
import { hostileSnapshot, sampleSnapshot, sectionBody as section } from './fixtures';

const GENERATED_AT = '2026-11-22T12:00:00.000Z';

describe('postmortem coordination sections (sample incident)', () => {
  const md = renderPostmortem(sampleSnapshot(), { all: false });

  it('lists every decision with options, choice, rationale, who and when, door, revisit, links and outcome', () => {
    const decisions = section(md, 'Decisions');
    expect(decisions.match(/^### Decision \d+: /gm)).toHaveLength(5);
    expect(decisions).toContain('### Decision 1: Promote the stale replica, or restore from backup? (decided)');
    expect(decisions).toContain('  - **Restore from Friday\'s backup and replay WAL to 22:08** (chosen) — pros: No committed order is lost. — cons: Hours of downtime');
    expect(decisions).toContain('- **Decided by:** Priya Raman at 2026-10-30 23:05 MDT');
    expect(decisions).toContain('- **Reversibility:** one-way door (hard to undo)');
    expect(decisions).toContain('- **Revisit:** 2026-10-31 02:30 MDT');
    expect(decisions).toContain('- **Superseded by:** Decision 4 (“What now that the turtle is gone?”)');
    expect(decisions).toContain('- **Replaces:** Decision 3 (“Apply the binary logs on the slow restore or the fast one?”)');
    expect(decisions).toMatch(/- \*\*Outcome:\*\* wrong — We made the decision as a team and it was the wrong one/);
    expect(decisions).toContain('- **Outcome:** *not reviewed yet*');
  });

  it('shows each checklist item’s final state with reasons, confirmations and progress', () => {
    const checklists = section(md, 'Checklists');
    expect(checklists).toContain('### Checklist 2: Restore from backup: the hare (cloud) (20/21 finished, 1 blocked)');
    expect(checklists).toContain('From the runbook “Restore from backup”, started by Elena Sokolova at 2026-10-30 23:38 MDT.');
    expect(checklists).toMatch(/\| ⤼ skipped \| reason: The failed primary is powered off/);
    expect(checklists).toMatch(/\| ✗ blocked \| reason: The storage vendor needs db-primary-1 untouched/);
    expect(checklists).toMatch(/\| ✓ done and confirmed \| done by Marcus Webb; confirmed by Elena Sokolova/);
    expect(checklists).toMatch(/\| ☐ not done \| owner: scribe \|/);
  });

  it('lists the status updates sent, the promised cadence and the snooze', () => {
    const updates = section(md, 'Status updates');
    expect(updates).toContain('Promised cadence: SEV1 every 120 min, SEV2 every 60 min, SEV3 every 240 min, SEV4 none.');
    expect(updates).toMatch(/^- 2026-10-31 06:05 MDT, Tom Okafor: until 2026-10-31 10:05 MDT \(Nothing new/m);
    expect(updates).toContain('| 2026-10-30 22:35 MDT | customers | Tom Okafor | We are investigating an outage affecting login and checkout. |');
    expect(updates.match(/^\| [^|]+ \| internal \|/gm)).toHaveLength(3);
  });

  it('shows current roles (custom ones too) and every handoff', () => {
    const roles = section(md, 'Roles and handoffs');
    expect(roles).toContain('| commander | Priya Raman | 2026-10-31 14:05 MDT | Elena Sokolova |');
    expect(roles).toContain('| turtle restore lead | Jun Park | 2026-10-31 04:10 MDT | Marcus Webb |');
    expect(roles).toContain('- 2026-10-31 08:30 MDT, commander: Priya Raman → Elena Sokolova');
  });

  it('has an action items table, open items first by priority', () => {
    const rows = section(md, 'Action items').split('\n').filter((line) => line.startsWith('| '));
    expect(rows[0]).toBe('| Item | Owner | Due | Priority | Status |');
    expect(rows).toHaveLength(2 + 6);
    expect(rows[2]).toMatch(/^\| Fix the WAL mirror job .* \| Elena Sokolova \| 2026-11-08 17:00 MST \| P1 \| open \|$/);
    expect(rows.at(-1)).toMatch(/\| no due date \| P3 \| done by Priya Raman at 2026-11-02 09:40 MST \|$/);
  });
});

describe('postmortem coordination sections (edge cases)', () => {
  it('keeps a placeholder in every coordination section when nothing was recorded', () => {
    const md = renderPostmortem({ ...hostileSnapshot(), coordination: EMPTY_COORDINATION }, { all: false, generatedAt: GENERATED_AT });
    expect(section(md, 'Decisions')).toBe('*No decisions were recorded.*\n');
    expect(section(md, 'Checklists')).toBe('*No checklists were used.*\n');
    expect(section(md, 'Status updates')).toContain('*No status updates were sent.*');
    expect(section(md, 'Roles and handoffs')).toBe('*No roles were assigned.*\n\n*No handoffs.*\n');
    expect(section(md, 'Action items')).toBe('*No action items recorded yet.*\n');
  });

  it('escapes hostile decision, checklist and action text: no heading, HTML, link or broken row', () => {
    const md = renderPostmortem(hostileSnapshot(), { all: false, generatedAt: GENERATED_AT });
    expect(md).toContain('### Decision 2: \\# looks like a heading (decided)');
    const html = marked.parse(md, { gfm: true, async: false });
    expect(html).not.toMatch(/<script|<img|<b>|<br>|href="(?!https?:)/);
    const cellsPerRow = (title: string) =>
      section(md, title)
        .split('\n')
        .filter((line) => line.startsWith('|'))
        .map((line) => line.replace(/\\\|/g, '').split('|').length - 2);
    for (const title of ['Checklists', 'Status updates', 'Roles and handoffs', 'Action items']) {
      const counts = cellsPerRow(title);
      expect(counts.length, title).toBeGreaterThan(0);
      expect(new Set(counts).size, `${title}: ${counts.join(',')}`).toBe(1);
    }
  });
});
