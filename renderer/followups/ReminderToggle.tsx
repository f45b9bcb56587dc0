// Asks for permission to show the daily overdue reminder, on the user's click (browsers refuse a
// prompt nobody asked for).
import { useState } from 'react';
import { notificationsAllowed } from './overdueReminder';

export function ReminderToggle() {
  const [allowed, setAllowed] = useState(notificationsAllowed);
  if (typeof window === 'undefined' || !('Notification' in window)) return null;
  if (allowed) return <span className="muted">Daily reminder on</span>;
  if (Notification.permission === 'denied') return <span className="muted">Reminders blocked by the browser</span>;
  return (
    <button type="button" onClick={() => void Notification.requestPermission().then((p) => setAllowed(p === 'granted'))}>
      Remind me daily of overdue items
    </button>
  );
}
