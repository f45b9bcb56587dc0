// One terminal tab's live parts: the xterm (created when its view first mounts, so it can be
// measured), the socket to its shell, the clock that dates each printed line, and the
// keyboard, paste and resize wiring. The workspace owns controllers; React only attaches them.
import type { CommandRecord, TerminalInfo } from '../../shared/terminal/protocol';
import { nowInstant } from '../../shared/time/instant';
import type { Instant } from '../../shared/model/types';
import type { HostEndpoint } from '../client/endpoint';
import { BackgroundPacer, defaultSchedule } from './backgroundPacer';
import { LineClock } from './lineClock';
import { sanitizePaste } from './terminalSafety';
import { TerminalSocket, type TerminalConnection, type TerminalTarget } from './terminalSocket';
import { createXterm, registerTerminalName, type XtermHandle } from './xtermSetup';

/** Let a drag-resize settle before telling the shell (each resize repaints full-screen programs). */
const RESIZE_DEBOUNCE_MS = 60;
/** A printed line is dated at most this late (see LineClock: one marker per interval under a flood). */
const LINE_STAMP_INTERVAL_MS = 100;
/** Used until the view has been laid out and measured. */
const FALLBACK_SIZE = { cols: 80, rows: 24 };

export interface ControllerEvents {
  onReady(info: TerminalInfo, history: CommandRecord[]): void;
  onInfo(info: TerminalInfo): void;
  onCommand(command: CommandRecord): void;
  onExit(exitCode: number | null, signal: number | null): void;
  onError(message: string, fatal: boolean): void;
  onConnection(state: TerminalConnection): void;
  onSelection(has: boolean): void;
  /** Keyboard shortcuts the panel handles: find, and moving the tab. */
  onShortcut(action: 'find' | 'moveLeft' | 'moveRight'): void;
}

export interface ControllerOptions {
  endpoint: HostEndpoint;
  target: TerminalTarget;
  name: string;
  allowClipboardWrite: boolean;
  events: ControllerEvents;
}

export class TerminalController {
  private xterm: XtermHandle | null = null;
  private socket: TerminalSocket | null = null;
  private clock: LineClock | null = null;
  private pacer: BackgroundPacer | null = null;
  private visible = true;
  private resizeTimer: ReturnType<typeof setTimeout> | null = null;
  private observer: ResizeObserver | null = null;
  private name: string;
  private disposed = false;

  constructor(private readonly opts: ControllerOptions) {
    this.name = opts.name;
  }

  get handle(): XtermHandle | null {
    return this.xterm;
  }

  /** Puts the terminal in `host` (first call creates it and connects); later calls re-fit. */
  attach(host: HTMLElement): void {
    if (this.disposed) return;
    if (this.xterm) {
      const element = this.xterm.term.element;
      if (element && element.parentElement !== host) host.appendChild(element);
      this.observe(host);
      return;
    }
    const xterm = createXterm(host, { allowClipboardWrite: this.opts.allowClipboardWrite });
    this.xterm = xterm;
    registerTerminalName(xterm, this.name);
    const { term } = xterm;
    // The line being written is the cursor's, unless the cursor sits at the start of a line: then
    // nothing is on that line yet (Enter's own newline puts it there before the command has printed
    // anything), and the last line written is the one above.
    const lineOffset = () => (term.buffer.active.cursorX === 0 ? -1 : 0);
    this.clock = new LineClock({
      cursorLine: () => term.buffer.active.baseY + term.buffer.active.cursorY + lineOffset(),
      markCursorLine: () => (term.buffer.active.baseY + term.buffer.active.cursorY + lineOffset() < 0 ? undefined : term.registerMarker(lineOffset())),
    }, {
      intervalMs: LINE_STAMP_INTERVAL_MS,
      now: () => performance.now(),
      schedule: defaultSchedule,
    });
    this.pacer = new BackgroundPacer((data, parsed) =>
      term.write(data, () => {
        parsed();
        this.clock?.written(nowInstant());
      }),
    );
    this.pacer.setVisible(this.visible);
    this.fitNow();
    term.onData((data) => this.socket?.input(data));
    term.onSelectionChange(() => this.opts.events.onSelection(term.hasSelection()));
    term.attachCustomKeyEventHandler((event) => this.onKey(event));
    // Capture phase, before xterm's own handler, so unsanitized text never reaches the shell.
    host.addEventListener('paste', (event) => this.onPaste(event), { capture: true });
    this.observe(host);
    this.socket = new TerminalSocket({
      endpoint: this.opts.endpoint,
      target: this.opts.target,
      size: () => ({ cols: term.cols, rows: term.rows }),
      sink: {
        write: (data, parsed) => this.pacer?.write(data, parsed),
        reset: () => {
          this.pacer?.clear();
          term.reset();
        },
      },
      events: this.opts.events,
    });
  }

  rename(name: string): void {
    this.name = name;
    if (this.xterm) registerTerminalName(this.xterm, name);
    this.socket?.rename(name);
  }

  logCommands(on: boolean): void {
    this.socket?.logCommands(on);
  }

  focus(): void {
    this.xterm?.term.focus();
  }

  /** Hidden terminals parse their output at a background pace (see backgroundPacer.ts). */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.pacer?.setVisible(visible);
  }

  /** Re-measures after the view was shown again (it was display:none while hidden). */
  refit(): void {
    this.scheduleResize();
  }

  find(text: string, direction: 'next' | 'previous'): boolean {
    if (!this.xterm || text === '') return false;
    return direction === 'next' ? this.xterm.search.findNext(text) : this.xterm.search.findPrevious(text);
  }

  /** The selected text and when its first line was printed, or null without a selection. */
  selection(): { text: string; occurredAt: Instant } | null {
    const term = this.xterm?.term;
    const position = term?.getSelectionPosition();
    if (!term || !position || !term.hasSelection()) return null;
    return { text: term.getSelection(), occurredAt: this.clock?.timeOfLine(position.start.y) ?? nowInstant() };
  }

  /** Ends the shell on the host and frees everything here. */
  close(): void {
    this.socket?.close();
    this.dispose();
  }

  /** Frees the renderer side only; the host keeps the shell for its grace period. */
  detach(): void {
    this.socket?.detach();
    this.dispose();
  }

  private dispose(): void {
    this.disposed = true;
    this.pacer?.clear();
    this.clock?.dispose();
    if (this.resizeTimer !== null) clearTimeout(this.resizeTimer);
    this.observer?.disconnect();
    this.xterm?.dispose();
    this.xterm = null;
  }

  private observe(host: HTMLElement): void {
    this.observer?.disconnect();
    this.observer = new ResizeObserver(() => this.scheduleResize());
    this.observer.observe(host);
  }

  private scheduleResize(): void {
    if (this.resizeTimer !== null) clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => {
      this.resizeTimer = null;
      const before = this.xterm && { cols: this.xterm.term.cols, rows: this.xterm.term.rows };
      this.fitNow();
      const term = this.xterm?.term;
      if (term && before && (term.cols !== before.cols || term.rows !== before.rows)) this.socket?.resize(term.cols, term.rows);
    }, RESIZE_DEBOUNCE_MS);
  }

  private fitNow(): void {
    const xterm = this.xterm;
    if (!xterm) return;
    // Hidden (display:none) views have no size; keep the last one until shown again.
    const proposed = xterm.fit.proposeDimensions();
    if (!proposed || !Number.isFinite(proposed.cols) || !Number.isFinite(proposed.rows) || proposed.cols < 2 || proposed.rows < 1) {
      if (xterm.term.cols === 0) xterm.term.resize(FALLBACK_SIZE.cols, FALLBACK_SIZE.rows);
      return;
    }
    xterm.fit.fit();
  }

  private onPaste(event: ClipboardEvent): void {
    event.preventDefault();
    event.stopPropagation();
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (text !== '') this.xterm?.term.paste(sanitizePaste(text));
  }

  /** Returns false for keys handled here, so xterm does not also send them to the shell. */
  private onKey(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown' || !event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey) return true;
    const term = this.xterm?.term;
    switch (event.code) {
      case 'KeyC':
        if (term?.hasSelection()) void navigator.clipboard?.writeText(term.getSelection()).catch(() => {});
        return false;
      case 'KeyV':
        void navigator.clipboard?.readText().then(
          (text) => term?.paste(sanitizePaste(text)),
          () => {}, // Permission refused: the browser's own paste (Ctrl+V) still works through onPaste.
        );
        return false;
      case 'KeyF':
        this.opts.events.onShortcut('find');
        return false;
      case 'PageUp':
        this.opts.events.onShortcut('moveLeft');
        return false;
      case 'PageDown':
        this.opts.events.onShortcut('moveRight');
        return false;
      default:
        return true;
    }
  }
}
