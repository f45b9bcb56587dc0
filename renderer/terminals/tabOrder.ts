// Pure rules for the terminal tabs: default names and reordering (drag and drop, or the
// keyboard's Move left / Move right), so the tab strip component stays a thin view.

const DEFAULT_NAME = /^Terminal (\d+)$/;

/** "Terminal N" with N one past the highest default-named tab, so names are not reused while open. */
export function nextTerminalName(names: readonly string[]): string {
  let highest = 0;
  for (const name of names) {
    const match = DEFAULT_NAME.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `Terminal ${highest + 1}`;
}

/** `order` with `key` moved by `delta` places (clamped at the ends). */
export function moveBy<T>(order: readonly T[], key: T, delta: number): T[] {
  const from = order.indexOf(key);
  if (from === -1) return [...order];
  const to = Math.max(0, Math.min(order.length - 1, from + delta));
  return moveTo(order, key, to);
}

/** `order` with `key` moved to index `to` (as counted after removing it). */
export function moveTo<T>(order: readonly T[], key: T, to: number): T[] {
  const from = order.indexOf(key);
  if (from === -1) return [...order];
  const rest = order.filter((k) => k !== key);
  const index = Math.max(0, Math.min(rest.length, to));
  return [...rest.slice(0, index), key, ...rest.slice(index)];
}

/** Drop `dragged` onto `target`: it takes the target's place, pushing the target aside. */
export function dropOnto<T>(order: readonly T[], dragged: T, target: T): T[] {
  const to = order.indexOf(target);
  if (to === -1 || dragged === target) return [...order];
  return moveTo(order, dragged, to);
}

/** The tab to show after closing `key`: its right neighbour, else its left, else none. */
export function neighbourAfterClose<T>(order: readonly T[], key: T): T | null {
  const index = order.indexOf(key);
  if (index === -1) return order[0] ?? null;
  return order[index + 1] ?? order[index - 1] ?? null;
}
