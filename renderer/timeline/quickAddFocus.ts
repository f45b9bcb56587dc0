// The quick-add box is one keystroke away from anywhere in the incident view
// (the shell binds N / Ctrl+L globally); this is the handle it calls.
let quickAddInput: HTMLInputElement | null = null;

export function registerQuickAddInput(node: HTMLInputElement | null): void {
  quickAddInput = node;
}

export function focusQuickAdd(): void {
  quickAddInput?.focus();
}
