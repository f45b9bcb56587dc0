// warroom://join links from the OS: registered as the scheme's handler, received on macOS's
// open-url, on a second launch's argv (Windows, Linux) and on this launch's argv. Each goes to
// the window's Join flow, prefilled and waiting for the user to confirm: a link never joins a
// room by itself.
import { app } from 'electron';
import path from 'node:path';

export const JOIN_LINK_SCHEME = 'warroom';
/** Longer than any join link we mint; a longer argument is not one of ours. */
const MAX_LINK_LENGTH = 2048;
const JOIN_LINK_PREFIX = /^warroom:(\/\/)?join\b/i;

/** The first warroom://join argument, if any (the UI validates the rest and says what is wrong). */
export function joinLinkFromArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.length <= MAX_LINK_LENGTH && JOIN_LINK_PREFIX.test(arg)) ?? null;
}

/** Holds a link until the window is ready for it, then delivers each as it comes. */
export class JoinLinkInbox {
  private pending: string | null = null;
  private deliver: ((link: string) => void) | null = null;

  receive(link: string): void {
    if (this.deliver) this.deliver(link);
    else this.pending = link;
  }

  /** The window (or a reloaded one) is listening; it replaces any earlier listener. */
  attach(deliver: (link: string) => void): void {
    this.deliver = deliver;
    const pending = this.pending;
    this.pending = null;
    if (pending) deliver(pending);
  }

  detach(): void {
    this.deliver = null;
  }
}

/** Registers the scheme and the OS's ways of handing a link over; `focus` brings the window forward. */
export function registerJoinLinks(inbox: JoinLinkInbox, argv: readonly string[], focus: () => void): void {
  // A development run (`electron .`) must register the app path too, or the OS would start bare Electron.
  if (process.defaultApp && argv[1]) app.setAsDefaultProtocolClient(JOIN_LINK_SCHEME, process.execPath, [path.resolve(argv[1])]);
  else app.setAsDefaultProtocolClient(JOIN_LINK_SCHEME);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (!joinLinkFromArgv([url])) return;
    inbox.receive(url);
    focus();
  });
  const first = joinLinkFromArgv(argv);
  if (first) inbox.receive(first);
}
