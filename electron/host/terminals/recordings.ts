// The recordings folder of an incident: <dataDir>/recordings/<incidentId>/<recordingId>.cast.
// Ids come from the network, so they are checked against a strict pattern before they touch a
// path; a file that cannot be read or parsed is skipped when listing rather than failing the list.
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { MAX_REPLAY_BYTES, type RecordingInfo } from '../../../shared/terminal/protocol';
import { instantFromMillis } from '../../../shared/time/instant';
import { HostError } from '../hostError';

const MS_PER_SECOND = 1000;
const SAFE_ID = /^[A-Za-z0-9_-]+$/;
const MAX_ID_LENGTH = 64;
export const CAST_EXT = '.cast';
/** The header line is small; the last event is found in the file's final bytes. */
const HEADER_PROBE_BYTES = 64 * 1024;
const TAIL_PROBE_BYTES = 64 * 1024;

const HeaderSchema = z.object({
  version: z.literal(2),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  timestamp: z.number().nonnegative(),
  title: z.string().optional(),
});
const EventTime = z.tuple([z.number().nonnegative(), z.string(), z.string()]);

export function isSafeId(id: string): boolean {
  return id.length <= MAX_ID_LENGTH && SAFE_ID.test(id);
}

export function recordingsDir(dataDir: string, incidentId: string): string | null {
  return isSafeId(incidentId) ? path.join(dataDir, 'recordings', incidentId) : null;
}

export function recordingFile(dataDir: string, incidentId: string, recordingId: string): string | null {
  const dir = recordingsDir(dataDir, incidentId);
  return dir && isSafeId(recordingId) ? path.join(dir, recordingId + CAST_EXT) : null;
}

async function readSlice(file: string, from: 'start' | 'end', bytes: number): Promise<{ text: string; size: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(bytes, size);
    const position = from === 'start' ? 0 : size - length;
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, position);
    return { text: buffer.toString('utf8'), size };
  } finally {
    await handle.close();
  }
}

function lastEventTime(tail: string): number {
  const lines = tail.split('\n').filter((l) => l.startsWith('['));
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const parsed = EventTime.safeParse(JSON.parse(lines[i] as string));
      if (parsed.success) return parsed.data[0];
    } catch {
      // A line cut by the probe window or still being written: try the one before.
    }
  }
  return 0;
}

async function describe(file: string, incidentId: string): Promise<RecordingInfo | null> {
  try {
    const head = await readSlice(file, 'start', HEADER_PROBE_BYTES);
    const header = HeaderSchema.safeParse(JSON.parse(head.text.slice(0, head.text.indexOf('\n'))));
    if (!header.success) return null;
    const tail = await readSlice(file, 'end', TAIL_PROBE_BYTES);
    const id = path.basename(file, CAST_EXT);
    return {
      id,
      incidentId,
      title: header.data.title ?? id,
      startedAt: instantFromMillis(header.data.timestamp * MS_PER_SECOND),
      durationSeconds: lastEventTime(tail.text),
      width: header.data.width,
      height: header.data.height,
      bytes: head.size,
      fileName: id + CAST_EXT,
    };
  } catch {
    return null;
  }
}

export async function listRecordingsIn(dataDir: string, incidentId: string): Promise<RecordingInfo[]> {
  const dir = recordingsDir(dataDir, incidentId);
  if (!dir) return [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const casts = names.filter((n) => n.endsWith(CAST_EXT) && isSafeId(path.basename(n, CAST_EXT)));
  const infos = await Promise.all(casts.map((n) => describe(path.join(dir, n), incidentId)));
  return infos.filter((i): i is RecordingInfo => i !== null).sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
}

export async function readRecordingIn(dataDir: string, incidentId: string, recordingId: string): Promise<{ content: string; fileName: string }> {
  const file = recordingFile(dataDir, incidentId, recordingId);
  const notFound = new HostError('not-found', `There is no recording ${recordingId} in this incident.`, 'recordingId');
  if (!file) throw notFound;
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw notFound;
  }
  if (size > MAX_REPLAY_BYTES) {
    const mib = Math.round(MAX_REPLAY_BYTES / (1024 * 1024));
    throw new HostError('too-large', `This recording is larger than ${mib} MiB; export it as a file to replay it elsewhere.`, 'recordingId');
  }
  return { content: await readFile(file, 'utf8'), fileName: recordingId + CAST_EXT };
}
