// Writing the status page's two files into a folder, for the CLI and for the Comms button alike.
// A file already there that War Room did not write is never overwritten: the whole write is refused
// and the file named, before anything is written.
import type { Hocuspocus } from '@hocuspocus/server';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { incidentDocName } from '../../../shared/protocol/api';
import { HostError } from '../hostError';
import type { IncidentStore } from '../store';
import { GENERATOR_MARK, renderStatusPage, STATUS_FEED_FILE, STATUS_PAGE_FILE, type StatusPageFiles } from './statusPage';

export interface WrittenStatusPage {
  dir: string;
  /** The page, then the feed. */
  files: string[];
  /** How many customer updates they hold. */
  updates: number;
}

/** Throws HostError('bad-args') naming the file or folder when the write is refused or fails. */
export function writeStatusPageFiles(page: StatusPageFiles, dir: string): WrittenStatusPage {
  const files = [path.join(dir, STATUS_PAGE_FILE), path.join(dir, STATUS_FEED_FILE)];
  for (const file of files) {
    if (existsSync(file) && !readFileSync(file, 'utf8').includes(GENERATOR_MARK)) {
      throw new HostError('bad-args', `${file} exists and was not written by War Room; it was left untouched.`, 'dir');
    }
  }
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(files[0] as string, page.html);
    writeFileSync(files[1] as string, page.atom);
  } catch (err) {
    throw new HostError('bad-args', `cannot write the status page into ${dir}: ${(err as Error).message}`, 'dir');
  }
  return { dir, files, updates: page.updates };
}

/** Where the Comms button writes when the user names no folder: one folder per incident in the data dir. */
export const STATUS_PAGES_FOLDER = 'status-pages';

/**
 * The incident's page as it is now (the open document when someone has it open, else the store's
 * copy) written into `dir`, or into `<dataDir>/status-pages/<id>` when no folder is given.
 */
export function writeStatusPageForIncident(
  host: { store: IncidentStore; hocuspocus: Hocuspocus; dataDir: string },
  incidentId: string,
  dir: string | undefined,
): WrittenStatusPage {
  if (dir && !path.isAbsolute(dir)) throw new HostError('bad-args', `Give the folder as a full path; "${dir}" is relative.`, 'dir');
  const name = incidentDocName(incidentId);
  const open = host.hocuspocus.documents.get(name);
  const doc = open ?? (host.store.hasDoc(name) ? host.store.loadDoc(name) : null);
  if (!doc) throw new HostError('not-found', `There is no incident with id ${incidentId}.`, 'incidentId');
  try {
    const page = renderStatusPage(doc, new Date().toISOString());
    if (!page) throw new HostError('not-found', `There is no incident with id ${incidentId}.`, 'incidentId');
    return writeStatusPageFiles(page, dir || path.join(host.dataDir, STATUS_PAGES_FOLDER, incidentId));
  } finally {
    if (!open) doc.destroy();
  }
}
