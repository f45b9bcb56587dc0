// Writes one session's asciicast v2 file: a header, then "o" (output, redacted) and "r" (resize)
// events, never input. Output passes through a streaming redactor so a secret split across two
// batches is still caught, told where each prompt and each command's output ends. Nothing is
// dropped: when the file stream is backed up (RECORDING_BUFFER_BYTES waiting), write() returns
// false and the session pauses the pty until onDrain.
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { encodeEvent, encodeHeader } from '../../../shared/terminal/asciicast';
import { DisposableStore, listen } from '../../../shared/lifecycle/disposable';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../privateFiles';
import { createStreamRedactor, type CompiledRedaction, type StreamRedactor } from '../../../shared/terminal/redact';

export interface RecordingStart {
  file: string;
  cols: number;
  rows: number;
  title: string;
  term: string;
  shell: string;
}

const MS_PER_SECOND = 1000;
/**
 * How much of the .cast file may wait in memory for the disk before the pty is paused. Node's default
 * (16 KiB) is less than one batch of a flood, so every batch paused the shell until the write came
 * back, and the terminal ran at the speed of that round trip instead of the renderer's.
 */
export const RECORDING_BUFFER_BYTES = 4 * 1024 * 1024;

export class RecordingWriter {
  private readonly stream: WriteStream;
  private readonly redactor: StreamRedactor;
  /** Monotonic: event times must never go backwards, even if the wall clock is adjusted. */
  private readonly startedMs = performance.now();
  private closed = false;
  private failed = false;
  /** The file stream's listeners, dropped once it has closed (no event can follow 'close'). */
  private readonly listeners = new DisposableStore();

  constructor(
    start: RecordingStart,
    redaction: CompiledRedaction,
    private readonly log: (line: string) => void,
    onDrain: () => void,
  ) {
    ensurePrivateDir(path.dirname(start.file));
    this.redactor = createStreamRedactor(redaction);
    this.stream = createWriteStream(start.file, { flags: 'wx', mode: PRIVATE_FILE_MODE, highWaterMark: RECORDING_BUFFER_BYTES });
    this.listeners.add(listen(this.stream, 'drain', onDrain));
    this.listeners.add(
      listen(this.stream, 'error', (err: Error) => {
        // A full disk must not take the terminal down with it; the recording just stops.
        this.failed = true;
        this.log(`recording ${path.basename(start.file)} stopped: ${err.message}`);
        onDrain();
      }),
    );
    this.listeners.add(listen(this.stream, 'close', () => this.listeners.dispose()));
    this.stream.write(
      encodeHeader({
        version: 2,
        width: start.cols,
        height: start.rows,
        timestamp: DateTime.now().toUnixInteger(),
        title: start.title,
        env: { TERM: start.term, SHELL: start.shell },
      }),
    );
  }

  private elapsed(): number {
    return (performance.now() - this.startedMs) / MS_PER_SECOND;
  }

  private put(line: string): boolean {
    if (this.closed || this.failed) return true;
    return this.stream.write(line);
  }

  /**
   * `streamEnds`: offsets in `text` where a prompt (with its echo) or a command's output ended, so
   * that a key block is closed only by an END in its own stream. Returns false when the caller
   * should pause its source until onDrain.
   */
  output(text: string, streamEnds: readonly number[] = []): boolean {
    let safe: string;
    if (streamEnds.length === 0) safe = this.redactor.push(text);
    else {
      const parts: string[] = [];
      let from = 0;
      for (const at of streamEnds) {
        parts.push(this.redactor.push(text.slice(from, at)), this.redactor.endStream());
        from = at;
      }
      parts.push(this.redactor.push(text.slice(from)));
      safe = parts.join('');
    }
    return safe ? this.put(encodeEvent(this.elapsed(), 'o', safe)) : !this.backedUp();
  }

  resize(cols: number, rows: number): boolean {
    return this.put(encodeEvent(this.elapsed(), 'r', `${cols}x${rows}`));
  }

  backedUp(): boolean {
    return !this.closed && !this.failed && this.stream.writableNeedDrain;
  }

  /** Flushes what the redactor still holds and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    const rest = this.redactor.flush();
    if (rest) this.put(encodeEvent(this.elapsed(), 'o', rest));
    this.closed = true;
    await new Promise<void>((resolve) => {
      if (this.failed) return resolve();
      this.stream.end(() => resolve());
    });
  }
}
