// Runs against a FAKE electron module (fakeElectron.ts): the Electron binary cannot run here, so
// this checks the calls made to Notification, app.setBadgeCount and powerSaveBlocker, not that
// the OS shows a notification or stays awake.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopAttention } from '../../../shared/protocol/desktopBridge';
import { FakeNotification, fakeElectron, resetFakeElectron } from './fakeElectron';
import { AttentionNotifier, KeepAwake } from '../attention';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

const revisit = { key: 'revisit:D1@2026-11-21T10:00:00.000Z', title: 'Revisit decision', body: 'Fail over? (due 10:00)', incidentId: 'I1' };
const update = { key: 'status-update:I1@2026-11-21T10:30:00.000Z', title: 'Status update due', body: 'DB down: due 10:30.', incidentId: 'I1' };
const state = (patch: Partial<DesktopAttention>): DesktopAttention => ({ overdue: 0, reminders: [], unsavedChanges: 0, ...patch });

describe('notifications, badge and keep-awake (fake electron)', () => {
  beforeEach(resetFakeElectron);

  it('notifies each reminder once, badges the overdue count, and a click opens its incident', () => {
    const opened: string[] = [];
    const notifier = new AttentionNotifier((id) => opened.push(id));
    notifier.update(state({ overdue: 1, reminders: [revisit] }));
    notifier.update(state({ overdue: 2, reminders: [revisit, update] }));
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['Revisit decision', 'Status update due']);
    expect(fakeElectron.app.badgeCount).toBe(2);
    FakeNotification.shown[1]!.emit('click');
    expect(opened).toEqual(['I1']);
    notifier.update(state({ overdue: 0 }));
    expect(fakeElectron.app.badgeCount).toBe(0);
  });

  it('keeps the machine awake while told an incident is active, once, and lets it sleep when not and on quit', () => {
    const keepAwake = new KeepAwake();
    keepAwake.set(true);
    keepAwake.set(true);
    expect([...fakeElectron.powerSaveBlocker.started.values()]).toEqual(['prevent-app-suspension']);
    keepAwake.set(false);
    expect(fakeElectron.powerSaveBlocker.started.size).toBe(0);
    keepAwake.set(true);
    keepAwake.release();
    expect(fakeElectron.powerSaveBlocker.started.size).toBe(0);
    expect(keepAwake.active).toBe(false);
  });

  it('remembers the unsaved changes last reported, for the quit confirmation', () => {
    const notifier = new AttentionNotifier(() => {});
    notifier.update(state({ unsavedChanges: 3 }));
    expect(notifier.unsavedChanges).toBe(3);
  });
});
