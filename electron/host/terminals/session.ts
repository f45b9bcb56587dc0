// One terminal: a shell in node-pty, its output pipeline and its one attached socket.
//
// Output path (the hot path; one of each per batch, no per-byte JS): pty Buffer → one streaming
// TextDecoder → shell-mark parser (marks stripped; where a prompt or a command's output ends is kept
// for the recording's redactor) → batch for OUTPUT_BATCH_MS → recording (redacted),
// replay ring, one ws.send. Flow control as in VS Code, with a window sized from the renderer's
// measured drain rate (flowWindow.ts): the pty is paused while more than the window is
// unacknowledged, or while the recording file is backed up, and resumed once the renderer is
// within half the window and the disk is clear. While the renderer has a backlog, batches are held
// for a frame (up to MAX_BATCH_CHARS) so it gets fewer, larger writes. Nothing is dropped, only
// delayed.
import type { IPty } from 'node-pty';
import type WebSocket from 'ws';
import { performance } from 'node:perf_hooks';
import { commandEntryText } from '../../../shared/terminal/entryText';
import { FlowWindow } from '../../../shared/terminal/flowWindow';
import { OUTPUT_BATCH_MS, OUTPUT_PREFIX, type CommandRecord, type HostTerminalFrame, type TerminalInfo } from '../../../shared/terminal/protocol';
import { redactText, type CompiledRedaction } from '../../../shared/terminal/redact';
import { createCommandTracker, type CommandTracker } from '../../../shared/terminal/commandTracker';
import { createShellMarkParser, type ShellMark, type ShellMarkParser } from '../../../shared/terminal/shellMarks';
import { DisposableStore, timeout, toDisposable, type Disposable } from '../../../shared/lifecycle/disposable';
import { nowInstant } from '../../../shared/time/instant';
import { endProcessTree } from './processTree';
import type { RecordingWriter } from './recordingWriter';
import { ReplayRing } from './replayRing';

/** A long session keeps its most recent commands; older ones stay in the recording and timeline. */
export const MAX_HISTORY = 1000;
/** How long end() waits for node-pty to report the exit after the tree was killed. */
const EXIT_WAIT_MS = 3000;
/** Close code for a socket replaced by a newer attach of the same session. */
export const REPLACED_CLOSE_CODE = 4000;
const NORMAL_CLOSE_CODE = 1000;
/** While the renderer still has this much to parse, a batch waits for a frame: latency is moot then. */
export const HOLD_BATCH_BACKLOG_CHARS = 64 * 1024;
/** How long a batch is held while the renderer is busy: about one display frame. */
export const BUSY_BATCH_MS = 16;
/**
 * A batch this large goes out at once. It is also about the most xterm parses in one go (it does not
 * split a write), so it bounds how long one flooding terminal blocks the page's other terminals.
 */
export const MAX_BATCH_CHARS = 64 * 1024;

export type EntryWriter = (incidentId: string, author: string, entry: { kind: 'terminal'; text: string; occurredAt: string }) => Promise<void>;

export interface SessionInit {
  id: string;
  incidentId: string;
  name: string;
  author: string;
  shell: string;
  cols: number;
  rows: number;
  recordingId: string;
  nonce: string | null;
  redaction: CompiledRedaction;
  log: (line: string) => void;
  writeEntry: EntryWriter;
  orphanGraceMs: number;
  /** Called once the session is over and should leave the registry. */
  onGone: (session: TerminalSession) => void;
}

export class TerminalSession {
  readonly id: string;
  readonly incidentId: string;
  readonly startedAt = nowInstant();
  name: string;
  cols: number;
  rows: number;
  logCommands = false;
  private exit: TerminalInfo['exit'] = null;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly marks: ShellMarkParser | null;
  private readonly tracker: CommandTracker = createCommandTracker();
  private readonly history: CommandRecord[] = [];
  private readonly ring = new ReplayRing();
  private pending: string[] = [];
  private pendingChars = 0;
  /** Where, in the pending batch, a prompt or a command's output ended (the recording's redactor keeps key blocks within one). */
  private pendingStreamEnds: number[] = [];
  /** Everything the session opened (pty listeners, timers, the socket): freed when it is gone. */
  private readonly lifetime = new DisposableStore();
  private batchTimer: Disposable | null = null;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private unacked = 0;
  private readonly flow = new FlowWindow(() => performance.now());
  private waitingForAck = false;
  private waitingForDisk = false;
  private ptyPaused = false;
  private socket: WebSocket | null = null;
  /** Closes the current socket normally; registered while it is attached. */
  private socketClose: Disposable = toDisposable(() => {});
  private orphanTimer: Disposable | null = null;
  private ending: Promise<void> | null = null;
  private readonly exited: Promise<void>;

  constructor(
    private readonly init: SessionInit,
    private readonly pty: IPty,
    private readonly recording: RecordingWriter,
  ) {
    this.id = init.id;
    this.incidentId = init.incidentId;
    this.name = init.name;
    this.cols = init.cols;
    this.rows = init.rows;
    this.marks = init.nonce ? createShellMarkParser(init.nonce) : null;
    // With `encoding: null` node-pty hands out Buffers; its typings still say string.
    this.lifetime.add((pty.onData as unknown as (cb: (data: Buffer) => void) => Disposable)((data) => this.onPtyData(data)));
    this.exited = new Promise((resolve) => {
      this.lifetime.add(
        pty.onExit(({ exitCode, signal }) => {
          this.onPtyExit(exitCode, signal ?? 0);
          resolve();
        }),
      );
    });
  }

  /**
   * The command holding the terminal's foreground (`sleep` in `sleep 600`), or null at the shell's
   * own prompt or once the shell has exited: closing then loses nothing a person is waiting on.
   */
  runningCommand(): string | null {
    if (this.exit) return null;
    const foreground = baseName(this.pty.process ?? '');
    return foreground === '' || foreground === baseName(this.init.shell) ? null : foreground;
  }

  info(): TerminalInfo {
    return {
      id: this.init.id,
      incidentId: this.init.incidentId,
      name: this.name,
      shell: this.init.shell,
      pid: this.pty.pid,
      cols: this.cols,
      rows: this.rows,
      startedAt: this.startedAt,
      logCommands: this.logCommands,
      commandCapture: this.marks !== null,
      exit: this.exit,
      recordingId: this.init.recordingId,
    };
  }

  // ---- output ----

  private onPtyData(data: Buffer): void {
    let text = this.decoder.decode(data, { stream: true });
    if (this.marks) {
      const parsed = this.marks.push(text);
      text = parsed.output;
      if (parsed.marks.length > 0) {
        this.onMarks(parsed.marks);
        parsed.marks.forEach((mark, i) => {
          if (mark.kind !== 'commandLine') this.pendingStreamEnds.push(this.pendingChars + (parsed.offsets[i] ?? 0));
        });
      }
    }
    if (!text) return;
    this.pending.push(text);
    this.pendingChars += text.length;
    // Counting what is batched but not yet sent keeps a fast producer within one pty read of the mark.
    if (this.socket && this.unacked + this.pendingChars > this.flow.window) {
      // Paused: nothing more comes until the renderer acknowledges, so holding the batch only
      // delays that acknowledgement. Send it now.
      this.setWaitingForAck(true);
      this.flushBatch();
      return;
    }
    // Batches are at most one per OUTPUT_BATCH_MS, but the first output after a quiet spell, after
    // a keystroke (its echo) or after flow control resumes goes out at once instead of waiting.
    const sinceFlush = performance.now() - this.lastFlushAt;
    const batchMs = this.unacked >= HOLD_BATCH_BACKLOG_CHARS ? BUSY_BATCH_MS : OUTPUT_BATCH_MS;
    if (sinceFlush >= batchMs || this.pendingChars >= MAX_BATCH_CHARS) this.flushBatch();
    else this.batchTimer ??= this.lifetime.add(timeout(() => this.flushBatch(), batchMs - sinceFlush));
  }

  private flushBatch(): void {
    this.clearTimer(this.batchTimer);
    this.batchTimer = null;
    if (this.pendingChars === 0) return;
    this.lastFlushAt = performance.now();
    const data = this.pending.length === 1 ? (this.pending[0] as string) : this.pending.join('');
    const streamEnds = this.pendingStreamEnds;
    this.pending = [];
    this.pendingChars = 0;
    if (streamEnds.length > 0) this.pendingStreamEnds = [];
    if (!this.recording.output(data, streamEnds)) this.setWaitingForDisk(true);
    this.ring.push(data);
    const ws = this.socket;
    if (ws && ws.readyState === ws.OPEN) {
      ws.send(OUTPUT_PREFIX + data);
      this.unacked += data.length;
      if (this.unacked > this.flow.window) this.setWaitingForAck(true);
    }
  }

  private setWaitingForAck(on: boolean): void {
    if (on) this.flow.filled();
    this.waitingForAck = on;
    this.applyPause();
  }

  private setWaitingForDisk(on: boolean): void {
    this.waitingForDisk = on;
    this.applyPause();
  }

  private applyPause(): void {
    const pause = (this.waitingForAck || this.waitingForDisk) && this.exit === null && !this.ending;
    if (pause === this.ptyPaused) return;
    this.ptyPaused = pause;
    if (pause) this.pty.pause();
    else this.pty.resume();
  }

  /** The recording's file stream drained. */
  onRecordingDrain(): void {
    if (this.waitingForDisk && !this.recording.backedUp()) this.setWaitingForDisk(false);
  }

  ack(chars: number): void {
    this.unacked = Math.max(0, this.unacked - chars);
    this.flow.acked(chars);
    if (this.waitingForAck && this.unacked <= this.flow.resumeAt) {
      // Resumed: the first output goes at once, before the renderer's queue runs out.
      this.lastFlushAt = Number.NEGATIVE_INFINITY;
      this.setWaitingForAck(false);
    }
  }

  // ---- commands ----

  private onMarks(marks: ShellMark[]): void {
    const at = nowInstant();
    for (const mark of marks) {
      const { started, finished } = this.tracker.apply(mark, at);
      if (finished) this.onCommand(finished, true);
      if (started) this.onCommand(started, false);
    }
  }

  private onCommand(command: CommandRecord, done: boolean): void {
    const i = this.history.findLastIndex((c) => c.seq === command.seq);
    if (i >= 0) this.history[i] = command;
    else {
      this.history.push(command);
      if (this.history.length > MAX_HISTORY) this.history.shift();
    }
    this.send({ t: 'command', command });
    if (done && this.logCommands) {
      const safe = { ...command, line: redactText(command.line, this.init.redaction) };
      const text = redactText(commandEntryText({ terminalName: this.name, command: safe }), this.init.redaction);
      this.init.writeEntry(this.init.incidentId, this.init.author, { kind: 'terminal', text, occurredAt: command.startedAt }).catch((err: Error) => {
        this.init.log(`terminal ${this.init.id}: command not logged to the timeline: ${err.message}`);
      });
    }
  }

  // ---- renderer requests ----

  input(data: string): void {
    if (this.exit === null && !this.ending) this.pty.write(data);
    // Whoever typed is waiting for the echo: don't hold it for the batch timer.
    this.lastFlushAt = Number.NEGATIVE_INFINITY;
  }

  resize(cols: number, rows: number): void {
    if (this.exit !== null || this.ending) return;
    this.cols = cols;
    this.rows = rows;
    this.pty.resize(cols, rows);
    if (!this.recording.resize(cols, rows)) this.setWaitingForDisk(true);
  }

  rename(name: string): void {
    this.name = name;
    this.send({ t: 'info', info: this.info() });
  }

  setLogCommands(on: boolean): void {
    this.logCommands = on;
    this.send({ t: 'info', info: this.info() });
  }

  // ---- sockets ----

  private send(frame: HostTerminalFrame): void {
    const ws = this.socket;
    if (ws && ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  }

  private clearTimer(timer: Disposable | null): void {
    if (timer) this.lifetime.delete(timer);
  }

  /**
   * Makes `ws` the session's one socket; the first frame is `ready` (with recent output on re-attach).
   * A newer attach closes it as replaced; the session's end closes it normally.
   */
  attach(ws: WebSocket): void {
    this.clearTimer(this.orphanTimer);
    this.orphanTimer = null;
    const previous = this.socket;
    this.socket = null;
    if (previous && previous !== ws) {
      // Closed as replaced first: freeing its entry afterwards finds it no longer open.
      previous.close(REPLACED_CLOSE_CODE, 'replaced');
      this.lifetime.delete(this.socketClose);
    }
    this.flushBatch();
    this.unacked = 0;
    this.flow.reset();
    this.setWaitingForAck(false);
    this.socket = ws;
    this.socketClose = this.lifetime.add(
      toDisposable(() => {
        if (ws.readyState === ws.OPEN) ws.close(NORMAL_CLOSE_CODE, 'closed');
      }),
    );
    this.send({ t: 'ready', info: this.info(), history: [...this.history], replay: this.ring.text() });
  }

  /** The socket went away without {t:'close'}: keep the shell for a while, then end it. */
  detach(ws: WebSocket): void {
    if (this.socket !== ws) return;
    this.socket = null;
    this.lifetime.delete(this.socketClose);
    this.unacked = 0;
    this.setWaitingForAck(false);
    if (this.exit !== null) return void this.end();
    this.orphanTimer = this.lifetime.add(unrefTimeout(() => void this.end(), this.init.orphanGraceMs));
  }

  // ---- lifecycle ----

  private onPtyExit(exitCode: number, signal: number): void {
    const tail = this.decoder.decode();
    if (tail) {
      this.pending.push(tail);
      this.pendingChars += tail.length;
    }
    this.flushBatch();
    this.exit = { exitCode: signal ? null : exitCode, signal: signal || null };
    this.send({ t: 'exit', ...this.exit });
    void this.recording.close();
    if (!this.socket && !this.ending) void this.end();
  }

  /** Ends the shell's whole process tree, flushes the recording and closes the socket. */
  end(): Promise<void> {
    this.ending ??= this.doEnd();
    return this.ending;
  }

  private async doEnd(): Promise<void> {
    this.clearTimer(this.orphanTimer);
    this.orphanTimer = null;
    // A paused pty cannot drain, and node-pty reports the exit only after its read side closes.
    if (this.ptyPaused) this.pty.resume();
    this.ptyPaused = false;
    if (this.exit === null) {
      // conpty owns its process tree on Windows; elsewhere we end every process the shell started.
      if (process.platform === 'win32') this.pty.kill();
      else await endProcessTree(this.pty.pid);
      const exitWait = this.lifetime.add(new DisposableStore());
      await Promise.race([this.exited, new Promise((r) => exitWait.add(timeout(() => r(undefined), EXIT_WAIT_MS)))]);
      this.lifetime.delete(exitWait);
    }
    this.flushBatch();
    await this.recording.close();
    this.socket = null;
    // Closes the socket and drops the pty's listeners and any timer still set.
    this.lifetime.dispose();
    this.init.onGone(this);
  }
}

/** A timer that does not keep the host alive on its own (a detached shell waiting to be re-attached). */
function unrefTimeout(run: () => void, ms: number): Disposable {
  const timer = setTimeout(run, ms);
  timer.unref();
  return toDisposable(() => clearTimeout(timer));
}

function baseName(command: string): string {
  return command.trim().split('/').pop() ?? '';
}
