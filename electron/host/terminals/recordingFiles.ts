// Copying an incident's recordings out of the data dir, for `warroom export --recordings`:
// the postmortem links each recording as recordings/<fileName>, so the copies keep the names
// the host gave them. The layout and the listing are the host's (recordings.ts).
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { HostError } from '../hostError';
import { listRecordingsIn, recordingFile } from './recordings';

/** Copies every readable recording of the incident into `outDir` (created if needed); returns the file names. */
export async function copyRecordings(dataDir: string, incidentId: string, outDir: string): Promise<string[]> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (err) {
    throw new HostError('bad-args', `cannot create ${outDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const copied: string[] = [];
  for (const recording of await listRecordingsIn(dataDir, incidentId)) {
    const source = recordingFile(dataDir, incidentId, recording.id);
    if (!source) continue;
    const target = path.join(outDir, recording.fileName);
    try {
      await copyFile(source, target);
    } catch (err) {
      throw new HostError('io', `cannot copy ${recording.fileName} to ${outDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    copied.push(recording.fileName);
  }
  return copied;
}
