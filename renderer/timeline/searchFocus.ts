// "/" focuses the timeline search from anywhere in the panel.
let searchInput: HTMLInputElement | null = null;

export function registerSearchInput(node: HTMLInputElement | null): void {
  searchInput = node;
}

export function focusSearch(): void {
  searchInput?.focus();
  searchInput?.select();
}
