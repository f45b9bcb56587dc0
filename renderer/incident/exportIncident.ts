// Export through the host (the same code as `warroom export`), after making sure
// the host has every local change, so the file matches what is on screen.
import type { RpcClient } from '../client/rpc';
import { saveTextFile } from '../client/saveFile';
import { waitForSaved } from '../client/syncState';
import { describeUnreadableRow, type UnreadableRow } from '../../shared/protocol/unreadableRows';

export interface ExportRequest {
  incidentId: string;
  format: 'md' | 'json';
  /** IANA zone for the timeline's times; undefined = the incident's zone. */
  timeZone?: string;
  all: boolean;
}

/** A little longer than usual: an export right after a burst of typing may wait on fsyncs. */
const EXPORT_SAVE_WAIT_MS = 15_000;

export async function fetchExport(rpc: RpcClient, request: ExportRequest): Promise<{ content: string; fileName: string; unreadableRows?: UnreadableRow[] }> {
  const saved = await waitForSaved(EXPORT_SAVE_WAIT_MS);
  if (saved !== 'saved') throw new Error(`Not exported: ${saved.error}`);
  return rpc.exportIncident({ id: request.incidentId, format: request.format, timeZone: request.timeZone, all: request.all });
}

/** Exports and saves the file; returns a sentence for the user, or null if they cancelled. */
export async function exportAndSave(rpc: RpcClient, request: ExportRequest): Promise<string | null> {
  const { content, fileName, unreadableRows = [] } = await fetchExport(rpc, request);
  const outcome = await saveTextFile(fileName, content);
  if (!outcome.saved) return null;
  // The file holds every row that decodes; say which stored rows it could not include.
  return [outcome.message, ...unreadableRows.map(describeUnreadableRow)].join(' ');
}
