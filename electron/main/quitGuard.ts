// Quitting: with shells still running or changes not yet on disk, ask first (a terminal may be
// half-way through a restore). Then wait for the host to end the shells (their recordings
// flushed) and close the store before the process exits.
import { app, BrowserWindow, dialog, type Event } from 'electron';

export interface QuitGuardOptions {
  runningTerminals(): number;
  unsavedChanges(): number;
  /** Ends the shells and closes the store. */
  close(): Promise<void>;
  log?(line: string): void;
}

const QUIT_BUTTON = 0;
const CANCEL_BUTTON = 1;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The question, or null when nothing would be lost. */
export function quitQuestion(terminals: number, unsaved: number): string | null {
  const parts = [
    terminals > 0 ? `${plural(terminals, 'terminal is', 'terminals are')} still running` : '',
    unsaved > 0 ? `${plural(unsaved, 'change has', 'changes have')} not been confirmed as saved` : '',
  ].filter(Boolean);
  return parts.length ? `${parts.join(' and ')}. Quit War Room anyway?` : null;
}

export class QuitGuard {
  private confirmed = false;
  private asking = false;
  private closing: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly opts: QuitGuardOptions) {}

  install(): void {
    app.on('before-quit', (event) => this.beforeQuit(event));
    app.on('will-quit', (event) => this.willQuit(event));
  }

  /** Also for the window's own close button: closing the last window quits. */
  guardWindow(win: BrowserWindow): void {
    win.on('close', (event) => this.beforeQuit(event));
  }

  private beforeQuit(event: Event): void {
    if (this.confirmed) return;
    const question = quitQuestion(this.opts.runningTerminals(), this.opts.unsavedChanges());
    if (!question) return;
    event.preventDefault();
    if (this.asking) return;
    this.asking = true;
    const options = {
      type: 'warning' as const,
      buttons: ['Quit', 'Cancel'],
      defaultId: CANCEL_BUTTON,
      cancelId: CANCEL_BUTTON,
      message: question,
      detail: 'Running shells are ended and their recordings saved.',
    };
    const win = BrowserWindow.getAllWindows()[0];
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
      .then(({ response }) => {
        if (response !== QUIT_BUTTON) return;
        this.confirmed = true;
        app.quit();
      })
      .finally(() => {
        this.asking = false;
      });
  }

  private willQuit(event: Event): void {
    if (this.closed) return;
    event.preventDefault();
    this.closing ??= this.opts
      .close()
      .catch((error: unknown) => this.opts.log?.(`War Room: closing the host failed: ${(error as Error).message}`))
      .finally(() => {
        this.closed = true;
        app.quit();
      });
  }
}
