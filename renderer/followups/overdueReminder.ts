// The daily desktop reminder of overdue follow-ups, kept thin: the rule is shared/catalog/overdueReminder.ts;
// here only the day of the last reminder (localStorage) and the web Notification API, which Electron
// shows as a native notification.
import { reminderDay, shouldRemind } from '../../shared/catalog/overdueReminder';

const LAST_DAY_KEY = 'warroom.followUps.lastReminderDay';

function zone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function notificationsAllowed(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window && Notification.permission === 'granted';
}

/** Shows the reminder if the rule says so today, and remembers the day. */
export function remindOverdue(overdue: readonly string[], now: string, onClick: () => void): void {
  if (!notificationsAllowed() || !shouldRemind(overdue.length, localStorage.getItem(LAST_DAY_KEY), now, zone())) return;
  localStorage.setItem(LAST_DAY_KEY, reminderDay(now, zone()));
  const note = new Notification(`${overdue.length} follow-up${overdue.length === 1 ? '' : 's'} overdue`, {
    body: overdue.slice(0, 3).join('\n'),
    tag: 'warroom-overdue-follow-ups',
  });
  note.onclick = () => {
    window.focus();
    onClick();
  };
}
