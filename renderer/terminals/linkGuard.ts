// Terminal links that show where they go: hovering a link shows its full target in a tooltip,
// only Ctrl/Cmd+click opens it (in a new window, http and https only), and an OSC 8 link whose
// text differs from its target asks first in a dialog that shows both. The decisions are in
// terminalSafety.ts; this file is the DOM around them.
import type { IBufferRange, ILinkHandler, Terminal } from '@xterm/xterm';
import { decideLinkClick, isSafeLinkUrl, linkModifierName } from './terminalSafety';

/** Pixels between the pointer and the tooltip, so the tooltip never covers the link itself. */
const TIP_OFFSET_PX = 16;

export interface LinkGuard {
  /** For xterm's `linkHandler` option (OSC 8 links). */
  readonly osc8: ILinkHandler;
  /** For WebLinksAddon (plain-text URLs: their text is their target). */
  readonly plain: { open(event: MouseEvent, url: string): void; hover(event: MouseEvent, url: string): void; leave(): void };
  dispose(): void;
}

/** The characters a link covers on screen (range is 1-based, end inclusive). */
function shownText(term: Terminal, range: IBufferRange): string {
  const parts: string[] = [];
  for (let y = range.start.y; y <= range.end.y; y++) {
    const line = term.buffer.active.getLine(y - 1);
    if (!line) continue;
    const from = y === range.start.y ? range.start.x - 1 : 0;
    const to = y === range.end.y ? range.end.x : term.cols;
    parts.push(line.translateToString(true, from, to));
  }
  return parts.join('');
}

function openInNewWindow(url: string): void {
  window.open(url, '_blank', 'noopener');
}

let dialogCount = 0;

/** A native modal <dialog> (focus trap, Escape) named by its heading; "Open link" opens, anything else does not. */
function confirmLink(text: string, url: string, onClosed: () => void): void {
  const dialog = document.createElement('dialog');
  dialog.className = 'dialog link-confirm';
  const titleId = `link-confirm-${++dialogCount}`;
  dialog.setAttribute('aria-labelledby', titleId);
  const title = document.createElement('h2');
  title.id = titleId;
  title.textContent = 'Open this link?';
  const row = (label: string, value: string) => {
    const p = document.createElement('p');
    const name = document.createElement('span');
    name.textContent = `${label} `;
    const code = document.createElement('code');
    code.className = 'link-confirm-value';
    code.textContent = value;
    p.append(name, code);
    return p;
  };
  const note = document.createElement('p');
  note.textContent = 'The link’s text is not where it goes.';
  const actions = document.createElement('div');
  actions.className = 'dialog-actions';
  const open = document.createElement('button');
  open.type = 'button';
  open.textContent = 'Open link';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  actions.append(cancel, open);
  dialog.append(title, note, row('It says:', text), row('It goes to:', url), actions);
  const close = () => {
    dialog.close();
    dialog.remove();
    onClosed();
  };
  open.addEventListener('click', () => {
    close();
    openInNewWindow(url);
  });
  cancel.addEventListener('click', close);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });
  document.body.append(dialog);
  dialog.showModal();
  cancel.focus();
}

export function createLinkGuard(term: Terminal): LinkGuard {
  const modifier = linkModifierName(navigator.platform);
  let tip: HTMLElement | null = null;

  const hideTip = () => {
    tip?.remove();
    tip = null;
  };

  const showTip = (event: MouseEvent, url: string) => {
    const host = term.element;
    if (!host) return;
    hideTip();
    tip = document.createElement('div');
    // xterm-hover: pointer events on it do not fall through to other links.
    tip.className = 'xterm-hover terminal-link-tip';
    tip.setAttribute('role', 'tooltip');
    const target = document.createElement('div');
    target.className = 'terminal-link-target';
    target.textContent = url;
    const how = document.createElement('div');
    how.textContent = isSafeLinkUrl(url) ? `${modifier}+click to open` : 'Only http and https links open';
    tip.append(target, how);
    const rect = host.getBoundingClientRect();
    tip.style.left = `${Math.max(0, event.clientX - rect.left)}px`;
    tip.style.top = `${event.clientY - rect.top + TIP_OFFSET_PX}px`;
    host.append(tip);
  };

  const activate = (event: MouseEvent, url: string, text: string) => {
    const decision = decideLinkClick(url, text, event);
    if (decision.kind === 'open') openInNewWindow(decision.url);
    else if (decision.kind === 'confirm') {
      hideTip();
      confirmLink(decision.text, decision.url, () => term.focus());
    } else if (decision.kind === 'hint') showTip(event, url);
  };

  return {
    osc8: {
      activate: (event, url, range) => activate(event, url, shownText(term, range)),
      hover: (event, url) => showTip(event, url),
      leave: hideTip,
    },
    plain: {
      open: (event, url) => activate(event, url, url),
      hover: showTip,
      leave: hideTip,
    },
    dispose: hideTip,
  };
}
