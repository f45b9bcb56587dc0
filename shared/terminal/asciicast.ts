// asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/): a JSON header line, then one
// JSON array per event. We write "o" (output) and "r" (resize) events only: input is never
// recorded. Parsing is strict (zod) so a test or the replay can point at the first bad line.
import { z } from 'zod';

export interface AsciicastHeader {
  version: 2;
  width: number;
  height: number;
  /** Unix time in seconds when the recording started. */
  timestamp: number;
  title?: string;
  env: { TERM?: string; SHELL?: string };
}

/** [seconds since the start, code, data]; an "r" event's data is "COLSxROWS". */
export type AsciicastEvent = [time: number, code: 'o' | 'r', data: string];

export class AsciicastError extends Error {
  constructor(
    /** 1-based line number in the file. */
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'AsciicastError';
  }
}

/** Event times are kept to the microsecond, as asciinema writes them. */
const TIME_DECIMALS = 1_000_000;
const RESIZE_DATA = /^\d+x\d+$/;

const HeaderSchema = z.object({
  version: z.literal(2, 'version must be 2'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  timestamp: z.number().int().nonnegative(),
  title: z.string().optional(),
  env: z.object({ TERM: z.string().optional(), SHELL: z.string().optional() }).default({}),
});

const EventSchema = z.union([
  z.tuple([z.number().nonnegative(), z.literal('o'), z.string()]),
  z.tuple([z.number().nonnegative(), z.literal('r'), z.string().regex(RESIZE_DATA, 'resize data must be "COLSxROWS"')]),
]);

function roundTime(time: number): number {
  return Math.round(time * TIME_DECIMALS) / TIME_DECIMALS;
}

/** One JSON line with the fields in asciinema's order, ending in '\n'. */
export function encodeHeader(header: AsciicastHeader): string {
  const { version, width, height, timestamp, title, env } = header;
  const ordered = title === undefined ? { version, width, height, timestamp, env } : { version, width, height, timestamp, title, env };
  return `${JSON.stringify(ordered)}\n`;
}

/** One JSON line, ending in '\n'; the time is rounded to microseconds. */
export function encodeEvent(time: number, code: 'o' | 'r', data: string): string {
  return `${JSON.stringify([roundTime(time), code, data])}\n`;
}

function parseLine(text: string, line: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AsciicastError(line, 'not valid JSON');
  }
}

function problem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** Parses a whole recording; throws AsciicastError at the first bad line. A final newline is optional. */
export function parseAsciicast(text: string): { header: AsciicastHeader; events: AsciicastEvent[] } {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) throw new AsciicastError(1, 'the file is empty: a header line is required');
  const header = HeaderSchema.safeParse(parseLine(lines[0] ?? '', 1));
  if (!header.success) throw new AsciicastError(1, `bad header: ${problem(header.error)}`);
  const events: AsciicastEvent[] = [];
  let previous = 0;
  for (let i = 1; i < lines.length; i++) {
    const event = EventSchema.safeParse(parseLine(lines[i] ?? '', i + 1));
    if (!event.success) throw new AsciicastError(i + 1, `bad event: ${problem(event.error)}`);
    const [time] = event.data;
    if (time < previous) throw new AsciicastError(i + 1, `time ${time} is before the previous event's ${previous}`);
    previous = time;
    events.push(event.data);
  }
  return { header: header.data as AsciicastHeader, events };
}
