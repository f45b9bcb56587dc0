// Saving a recording as a .cast file, and turning the host's refusals into sentences.
import type { RecordingInfo } from '../../shared/terminal/protocol';
import { RpcCallError, type RpcClient } from '../client/rpc';
import { saveTextFile } from '../client/saveFile';
import { suggestedFileName } from './RecordingSummary';

/** The words to show for a failed readRecording, by the host's error code. */
export function recordingErrorMessage(recording: Pick<RecordingInfo, 'title'>, error: unknown): string {
  const code = error instanceof RpcCallError ? error.code : null;
  if (code === 'not-found') return `The recording "${recording.title}" is no longer on the host; refresh the list.`;
  if (code === 'too-large') {
    return `"${recording.title}" is too large to send to this window. Export it with: warroom export <incident id> --format md --recordings <folder>.`;
  }
  return `Could not read "${recording.title}": ${(error as Error).message ?? String(error)}`;
}

/** Fetches the recording and saves it; resolves to the sentence to show ("Saved to …"), or null when cancelled. */
export async function saveRecording(rpc: RpcClient, incidentId: string, recording: RecordingInfo): Promise<string | null> {
  let content: string;
  try {
    ({ content } = await rpc.readRecording({ incidentId, recordingId: recording.id }));
  } catch (error) {
    throw new Error(recordingErrorMessage(recording, error), { cause: error });
  }
  const outcome = await saveTextFile(suggestedFileName(recording), content);
  return outcome.saved ? outcome.message : null;
}
