// The terminal stream channel: one WebSocket per terminal on the host's /term path, local only
// (host token, never a shared-room token). Output is the hot path, so it travels as a bare text
// frame ("o" + the decoded characters); everything else is a small JSON frame validated with zod.
//
// Flow control follows VS Code: the host pauses the pty above a window of unacknowledged characters
// (HIGH_WATER_CHARS at first, then sized from the renderer's drain rate: flowWindow.ts) and resumes
// below part of it; the renderer acknowledges from xterm's write callback in blocks of
// ACK_BLOCK_CHARS (BUSY_ACK_BLOCK_CHARS while more is queued). Output is batched every OUTPUT_BATCH_MS.
import { z } from 'zod';

export const HIGH_WATER_CHARS = 100_000;
/** VS Code's fixed resume mark. The host now resumes at half its window (flowWindow.ts); the bench's from-memory baseline still uses this. */
export const LOW_WATER_CHARS = 5_000;
export const ACK_BLOCK_CHARS = 5_000;
/**
 * While more output is already queued behind it, the renderer acknowledges in these larger blocks:
 * the host's window (flowWindow.ts) is then full and resumes only at half of it, so small acks buy
 * nothing but messages. Below MIN_WINDOW_CHARS × RESUME_FRACTION, so a busy renderer always frees
 * enough to resume a paused producer.
 */
export const BUSY_ACK_BLOCK_CHARS = 32_000;
export const OUTPUT_BATCH_MS = 5;
/** xterm scrollback, in lines. */
export const SCROLLBACK_LINES = 10_000;
/** One input frame at most (a paste of a long script still fits). */
export const MAX_INPUT_CHARS = 256 * 1024;
/** A detached session (renderer reloaded) keeps running this long waiting to be re-attached. */
export const ORPHAN_GRACE_MS = 60_000;

/** Output frames start with this character; the rest of the frame is terminal output. */
export const OUTPUT_PREFIX = 'o';

const Instant = z.iso.datetime({ offset: false });
const Name = z.string().trim().min(1).max(80);
const Id = z.string().min(1).max(64);

export const Cols = z.coerce.number().int().min(2).max(1000);
export const Rows = z.coerce.number().int().min(1).max(500);

/** Query string of `/term?token=…`: open a new terminal, or re-attach with `session`. */
export const TerminalOpenQuery = z.union([
  z.object({ session: Id, cols: Cols, rows: Rows }),
  z.object({
    incident: Id,
    cols: Cols,
    rows: Rows,
    name: Name,
    /** Who opened it: the author of its command entries on the timeline. */
    author: z.string().max(100).default(''),
  }),
]);
export type TerminalOpenQuery = z.infer<typeof TerminalOpenQuery>;

/** Frames the renderer sends. */
export const ClientFrame = z.discriminatedUnion('t', [
  z.object({ t: z.literal('input'), data: z.string().max(MAX_INPUT_CHARS) }),
  z.object({ t: z.literal('resize'), cols: Cols, rows: Rows }),
  z.object({ t: z.literal('ack'), chars: z.number().int().positive().max(10_000_000) }),
  z.object({ t: z.literal('rename'), name: Name }),
  z.object({ t: z.literal('logCommands'), on: z.boolean() }),
  /** End the shell and its whole process group. */
  z.object({ t: z.literal('close') }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export const CommandRecordSchema = z.object({
  /** 1, 2, 3… within its terminal. */
  seq: z.number().int().positive(),
  line: z.string(),
  /** Working directory when it ran, when the shell reported one. */
  cwd: z.string().nullable(),
  startedAt: Instant,
  endedAt: Instant.nullable(),
  exitCode: z.number().int().nullable(),
});
export type CommandRecord = z.infer<typeof CommandRecordSchema>;

export const TerminalInfoSchema = z.object({
  id: Id,
  incidentId: Id,
  name: z.string(),
  /** The program started, e.g. "/bin/bash". */
  shell: z.string(),
  pid: z.number().int().nullable(),
  cols: z.number().int(),
  rows: z.number().int(),
  startedAt: Instant,
  logCommands: z.boolean(),
  /** True when command capture (shell integration) is active for this shell. */
  commandCapture: z.boolean(),
  exit: z.object({ exitCode: z.number().int().nullable(), signal: z.number().int().nullable() }).nullable(),
  /** The asciicast recording of this session; see RecordingInfo. */
  recordingId: z.string().nullable(),
});
export type TerminalInfo = z.infer<typeof TerminalInfoSchema>;

/** JSON frames the host sends (output frames are not JSON; see OUTPUT_PREFIX). */
export const HostTerminalFrame = z.discriminatedUnion('t', [
  /** First frame on every connection: the session, its command history, and (on re-attach) recent output. */
  z.object({ t: z.literal('ready'), info: TerminalInfoSchema, history: z.array(CommandRecordSchema), replay: z.string() }),
  z.object({ t: z.literal('info'), info: TerminalInfoSchema }),
  z.object({ t: z.literal('command'), command: CommandRecordSchema }),
  z.object({ t: z.literal('exit'), exitCode: z.number().int().nullable(), signal: z.number().int().nullable() }),
  /** The shell could not start, or a frame was refused; `message` is shown in the tab. */
  z.object({ t: z.literal('error'), message: z.string(), fatal: z.boolean() }),
]);
export type HostTerminalFrame = z.infer<typeof HostTerminalFrame>;

export const RecordingInfoSchema = z.object({
  /** File name without extension; unique per incident. */
  id: Id,
  incidentId: Id,
  /** The terminal's name when recording started. */
  title: z.string(),
  startedAt: Instant,
  durationSeconds: z.number().nonnegative(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int().nonnegative(),
  /** e.g. "01JD….cast": the name it has next to an exported postmortem, under recordings/. */
  fileName: z.string(),
});
export type RecordingInfo = z.infer<typeof RecordingInfoSchema>;

/** Recordings larger than this are exported as files but not replayed in the app. */
export const MAX_REPLAY_BYTES = 64 * 1024 * 1024;
