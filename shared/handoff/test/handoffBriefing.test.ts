import { main as markdownlint } from 'markdownlint-cli2';
import { describe, expect, it } from 'vitest';
import { finishedHandoffBriefing, generateHandoffBriefing, handoffBriefingDraft, MAX_BRIEFING_EVENTS, WORRY_HEADING } from '../handoffBriefing';
import { action, briefingInput, checklist, decision, entry, incident, item, NOW, coordination } from './briefingFixtures';

const LINT_CONFIG = { default: true, MD013: false };

async function lint(text: string): Promise<string[]> {
  const errors: string[] = [];
  const exitCode = await markdownlint({
    argv: [],
    nonFileContents: { 'briefing.md': text },
    optionsOverride: { config: LINT_CONFIG },
    logMessage: () => undefined,
    logError: (message: string) => errors.push(message),
  });
  if (exitCode !== 0 && errors.length === 0) errors.push(`markdownlint exited with ${exitCode}`);
  return errors;
}

const HOSTILE = [
  'pipes | in | text || and \\| escaped',
  'line one\nline two\r\n\nafter a blank line',
  '<script>alert(1)</script> `tick` *bold* _em_ ~~s~~',
  '# looks like a heading',
  '- list\n1. numbered',
  '[click](javascript:alert(1)) https://example.com/a_b www.example.com ops@example.com',
  '```\nfenced\n```',
  '   ',
  '---',
];

describe('generateHandoffBriefing', () => {
  const text = generateHandoffBriefing(briefingInput());

  it('names the role, who hands to whom, and the period covered', () => {
    expect(text.startsWith('# Handoff briefing: commander\n')).toBe(true);
    expect(text).toContain('Priya hands commander to Sam Okafor at 2026-11-21 23:00 MST.');
    expect(text).toContain('everything since the last handoff, at 2026-11-21 17:00 MST');
  });

  it('lists the key events since the last handoff, with times, and leaves out older, routine and retracted ones', () => {
    expect(text).toContain('- 2026-11-21 18:00 MST — **Key:** db-1 stopped accepting writes');
    expect(text).toContain('- 2026-11-21 18:30 MST — Status changed: investigating → identified');
    expect(text).not.toContain('Before the last handoff');
    expect(text).not.toContain('chatter');
    expect(text).not.toContain('Retracted key event');
  });

  it('lists open decisions with their revisit times, and not superseded ones', () => {
    expect(text).toContain('- Restore from the DR site or wait? — proposed; revisit at 2026-11-22 00:00 MST (in 1 hour)');
    expect(text).toContain('- Call the upgrade off — decided: Wait for the slow restore, one-way door; revisit was due at 2026-11-21 22:10 MST (50 minutes ago)');
    expect(text).not.toContain('Old question');
  });

  it('gives checklist progress and each blocked item with its reason', () => {
    // done + skipped = 2 (the confirm item is not confirmed yet), of 4.
    expect(text).toContain('- Restore from backup: 2/4 finished, 1 blocked');
    expect(text).toContain('  - Blocked: Clean up the old cluster — Waiting for the integrity check');
    expect(text).toContain('  - Awaiting confirmation: Verify the new cluster');
  });

  it('tables the open actions with owner, due time and priority', () => {
    expect(text).toContain('| Priority | Action | Owner | Due |');
    expect(text).toContain('| P1 | Rotate the replication credentials | Mo | 2026-11-22 00:40 MST |');
    expect(text).not.toContain('Write up the rsync flags');
  });

  it('says when the next status update is due, or how long it is overdue', () => {
    expect(text).toContain('Next update due at 2026-11-21 23:12 MST (in 12 minutes). Last update posted at 2026-11-21 22:30 MST.');
    const overdue = generateHandoffBriefing(briefingInput({ nextUpdateDue: '2026-11-22T05:50:00.000Z' }));
    expect(overdue).toContain('**Overdue** by 10 minutes: the next update was due at 2026-11-21 22:50 MST.');
    const none = generateHandoffBriefing(briefingInput({ nextUpdateDue: null, incident: incident({ severity: 'SEV4' }) }));
    expect(none).toContain('No update cadence applies at SEV4.');
  });

  it('shows the roles as they stand after the handoff', () => {
    expect(text).toContain('- commander: Sam Okafor');
    expect(text).toContain('- scribe: Lee');
  });

  it('covers the whole incident when there was no earlier handoff', () => {
    const all = generateHandoffBriefing(briefingInput({ since: null }));
    expect(all).toContain('covers the whole incident so far');
    expect(all).toContain('Before the last handoff');
  });

  it('caps the key events and says how many earlier ones it left out', () => {
    const many = Array.from({ length: MAX_BRIEFING_EVENTS + 5 }, (_, i) => entry(250 + i, `event ${i}`, { key: true }));
    const capped = generateHandoffBriefing(briefingInput({ entries: many }));
    expect(capped).toContain('… and 5 earlier events on the timeline.');
    expect(capped).not.toContain('event 4\n');
  });

  it('starts from the Now panel: summary, impact, the leading hypothesis and the ones ruled out', async () => {
    const text = generateHandoffBriefing(
      briefingInput({
        incident: incident({ summary: 'Checkout fails\nfor EU cards', impact: '30% of EU orders' }),
        situation: { hypothesis: 'Acquirer rate limit', ruledOut: [{ text: 'The deploy', reason: 'rollback did not help', by: 'ana', at: NOW }] },
      }),
    );
    expect(text).toContain('## Now\n\n- Summary: Checkout fails for EU cards\n- Customer impact: 30% of EU orders\n- Leading hypothesis: Acquirer rate limit\n- Ruled out: The deploy (rollback did not help)\n');
    expect(await lint(text)).toEqual([]);
    expect(generateHandoffBriefing(briefingInput({ incident: incident({ summary: '', impact: '' }) }))).not.toContain('## Now');
  });

  it('is markdownlint-clean, full and empty', async () => {
    const empty = generateHandoffBriefing(
      briefingInput({ entries: [], coordination: coordination({ decisions: [], checklists: [], actions: [], statusUpdates: [], roles: [] }), nextUpdateDue: null }),
    );
    expect(empty).toContain('No open decisions.');
    expect(empty).toContain('No checklists in this incident.');
    expect(empty).toContain('No open actions.');
    expect(empty).toContain('Nothing notable was logged in this period.');
    expect(await lint(text)).toEqual([]);
    expect(await lint(empty)).toEqual([]);
  });

  it('escapes hostile text everywhere and stays markdownlint-clean', async () => {
    const hostile = generateHandoffBriefing(
      briefingInput({
        incident: incident({ title: HOSTILE[0] ?? '' }),
        role: '# role | x',
        from: '<b>Ann</b>',
        to: 'bob_the_[dba]',
        entries: HOSTILE.map((t, i) => entry(300 + i, t, { key: true })),
        coordination: coordination({
          decisions: HOSTILE.map((t, i) => decision(`d${i}`, t, { revisitAt: NOW })),
          checklists: [checklist(HOSTILE[3] ?? '', HOSTILE.map((t, i) => item(`i${i}`, t, { state: 'blocked', reason: HOSTILE[(i + 1) % HOSTILE.length] ?? '' })))],
          actions: HOSTILE.map((t, i) => action(`a${i}`, t, { owner: HOSTILE[(i + 2) % HOSTILE.length] ?? '' })),
          roles: HOSTILE.map((t, i) => ({ role: t, person: HOSTILE[(i + 4) % HOSTILE.length] ?? '', assignedBy: 'x', assignedAt: NOW })),
        }),
      }),
    );
    expect(hostile).not.toContain('<script>');
    expect(hostile).not.toMatch(/(?<!\\)\]\(javascript/);
    expect(hostile).toContain('&lt;script&gt;');
    expect(await lint(hostile)).toEqual([]);
  });
});

describe('the briefing draft the outgoing person edits', () => {
  const generated = '# Handoff briefing: commander\n\nCheckout down: SEV1, identified.\n';

  it('ends in a "what I am worried about" section to write in, kept when written', () => {
    const draft = handoffBriefingDraft(generated);
    expect(draft.endsWith(`${WORRY_HEADING}\n\n`)).toBe(true);
    const written = `${draft}- The replica is still 40 minutes behind.\n`;
    expect(finishedHandoffBriefing(written)).toBe(`${generated}\n${WORRY_HEADING}\n\n- The replica is still 40 minutes behind.\n`);
  });

  it('leaves an unwritten worry section out instead of posting it empty', () => {
    expect(finishedHandoffBriefing(handoffBriefingDraft(generated))).toBe(generated);
  });
});
