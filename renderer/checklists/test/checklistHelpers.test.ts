import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../../../shared/model/coordinationTypes';
import { BUNDLED_RUNBOOKS } from '../bundledRunbooks';
import { canConfirm, historyText, itemLook, itemStatusText, toggledState } from '../itemView';
import { importRunbookText } from '../runbookImport';

const ITEM: ChecklistItem = {
  id: 'i1',
  section: 'Copy',
  text: 'Read rsync direction aloud',
  needsConfirm: true,
  ownerRole: null,
  assignee: null,
  state: 'done',
  reason: null,
  doneBy: 'ana',
  confirmedBy: null,
  history: [],
};

describe('runbook import', () => {
  it('refuses a file with errors as file:line: reason lines', () => {
    expect(importRunbookText('database-failover.md', '# T\n\n- [ ] early\n')).toEqual({
      ok: false,
      lines: ['database-failover.md:3: item before any section heading; put it under a ## section'],
    });
  });

  it('refuses a file that is not Markdown and accepts a good one', () => {
    expect(importRunbookText('notes.txt', '# T\n## S\n- [ ] a\n').ok).toBe(false);
    expect(importRunbookText('ok.md', '# T\n## S\n- [ ] a\n')).toMatchObject({ ok: true, template: { title: 'T', source: 'ok.md' } });
  });
});

describe('bundled runbooks', () => {
  it('bundles the five shipped runbooks and not the README', () => {
    expect(BUNDLED_RUNBOOKS.map((r) => r.file).sort()).toEqual([
      'close-out.md',
      'database-failover.md',
      'incident-kickoff.md',
      'major-upgrade.md',
      'restore-from-backup.md',
    ]);
  });
});

describe('item row wording', () => {
  it('shows a confirm item awaiting a second person, and only others may confirm', () => {
    expect(itemStatusText(ITEM)).toBe('awaiting confirmation · done by ana');
    expect(canConfirm(ITEM, 'ana')).toBe(false);
    expect(canConfirm(ITEM, 'sam')).toBe(true);
    expect(itemStatusText({ ...ITEM, confirmedBy: 'sam' })).toBe('done by ana · confirmed by sam');
    expect(itemStatusText({ ...ITEM, state: 'blocked', doneBy: null, reason: 'No access' })).toBe('blocked: No access');
  });

  it('gives an item awaiting its second person a look of its own, unlike a confirmed one', () => {
    expect(itemLook(ITEM)).toBe('awaiting');
    expect(itemLook({ ...ITEM, confirmedBy: 'sam' })).toBe('done');
    expect(itemLook({ ...ITEM, needsConfirm: false })).toBe('done');
    expect(itemLook({ ...ITEM, state: 'blocked' })).toBe('blocked');
  });

  it('toggles done and back to to do with one click, from any other state to done', () => {
    expect(toggledState(ITEM)).toBe('todo');
    expect(toggledState({ ...ITEM, state: 'todo' })).toBe('done');
    expect(toggledState({ ...ITEM, state: 'in-progress' })).toBe('done');
    expect(toggledState({ ...ITEM, state: 'blocked', reason: 'No access' })).toBe('done');
  });

  it('words each history event', () => {
    const at = '2026-11-21T22:00:00.000Z';
    expect(historyText({ by: 'ana', at, action: 'state', state: 'skipped', reason: 'n/a' })).toBe('ana set it to skipped: n/a');
    expect(historyText({ by: 'sam', at, action: 'confirm' })).toBe('sam confirmed');
    expect(historyText({ by: 'ana', at, action: 'assign', assignee: 'kim' })).toBe('ana assigned it to kim');
  });
});
