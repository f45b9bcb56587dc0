// What incidents need from the desktop while the window may be hidden or minimised: a native
// notification the first time each status update or decision revisit falls due (a click opens
// its incident), the overdue count on the dock or taskbar badge, and no sleep while any incident
// is active (investigating, identified, monitoring), released when the last is resolved, and on quit.
import { app, Notification, powerSaveBlocker } from 'electron';
import type { DesktopAttention } from '../../shared/protocol/desktopBridge';

/** Follows the host's incident index, whatever screen the window shows: long outages run through the night. */
export class KeepAwake {
  private blockerId: number | null = null;

  set(active: boolean): void {
    if (active && this.blockerId === null) this.blockerId = powerSaveBlocker.start('prevent-app-suspension');
    else if (!active && this.blockerId !== null) {
      powerSaveBlocker.stop(this.blockerId);
      this.blockerId = null;
    }
  }

  get active(): boolean {
    return this.blockerId !== null;
  }

  release(): void {
    this.set(false);
  }
}

export class AttentionNotifier {
  private readonly notified = new Set<string>();
  /** Held until closed: a notification that is garbage-collected loses its click handler. */
  private readonly live = new Set<Notification>();
  private unsaved = 0;

  constructor(private readonly openIncident: (incidentId: string) => void) {}

  update(attention: DesktopAttention): void {
    this.unsaved = attention.unsavedChanges;
    app.setBadgeCount(attention.overdue);
    for (const reminder of attention.reminders) {
      if (this.notified.has(reminder.key)) continue;
      this.notified.add(reminder.key);
      if (!Notification.isSupported()) continue;
      const note = new Notification({ title: reminder.title, body: reminder.body });
      this.live.add(note);
      note.on('click', () => {
        this.live.delete(note);
        this.openIncident(reminder.incidentId);
      });
      note.on('close', () => this.live.delete(note));
      note.show();
    }
  }

  /** Changes the window last reported as not yet confirmed on disk. */
  get unsavedChanges(): number {
    return this.unsaved;
  }
}
