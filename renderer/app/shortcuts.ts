// Global keyboard shortcuts. N (when not typing) and Ctrl/Cmd+L jump to the quick-add
// bar: during an incident, adding an entry must always be one keystroke away.
import { useEffect } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

export function isQuickAddShortcut(event: KeyboardEvent): boolean {
  const ctrlL = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'l';
  const plainN = !event.ctrlKey && !event.metaKey && !event.altKey && event.key.toLowerCase() === 'n';
  return ctrlL || (plainN && !isTyping(event.target) && !document.querySelector('dialog[open]'));
}

export function useQuickAddShortcut(focusQuickAdd: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isQuickAddShortcut(event)) return;
      event.preventDefault();
      focusQuickAdd();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focusQuickAdd]);
}
