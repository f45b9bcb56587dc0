// Desktop notifications for revisits that fall due. Each (decision, due time) is announced
// once per window: a snoozed decision has a new due time and is announced again when that
// comes. In Electron, the web Notification API shows a native notification.

const announced = new Set<string>();

function notificationKey(id: string, revisitAt: string): string {
  return `${id}@${revisitAt}`;
}

/** Only the items not yet announced; records them as announced. Pure apart from the set. */
export function newlyDue<T extends { id: string; revisitAt: string | null }>(due: readonly T[]): T[] {
  const fresh = due.filter((d) => d.revisitAt !== null && !announced.has(notificationKey(d.id, d.revisitAt)));
  for (const d of fresh) announced.add(notificationKey(d.id, d.revisitAt as string));
  return fresh;
}

export function notifyRevisit(question: string, dueText: string, onClick: () => void): void {
  if (typeof window === 'undefined' || !('Notification' in window)) return;
  const show = () => {
    const note = new Notification('Revisit decision', { body: `${question} (due ${dueText})`, tag: `revisit:${question}` });
    note.onclick = () => {
      window.focus();
      onClick();
    };
  };
  if (Notification.permission === 'granted') show();
  else if (Notification.permission === 'default') {
    void Notification.requestPermission().then((permission) => {
      if (permission === 'granted') show();
    });
  }
}
