// Export and import of whole incidents against the store, shared by the RPC methods and the CLI
// (which works on the store directly, without a server).
import * as Y from 'yjs';
import { readSnapshot } from '../../shared/model/snapshot';
import { newId } from '../../shared/model/ids';
import { importSnapshot } from '../../shared/model/importSnapshot';
import type { IncidentSnapshot } from '../../shared/model/types';
import type { RecordingInfo } from '../../shared/terminal/protocol';
import { parseArchive, toArchive, exportFileName } from '../../shared/export/archive';
import { renderPostmortem, type ChartImage } from '../../shared/export/markdown';
import { buildIncidentChart } from '../../shared/chart/incidentChart';
import { renderChartSvg } from '../../shared/chart/chartSvg';
import { chartDescription, chartTitle } from '../../shared/chart/chartText';
import { nowInstant } from '../../shared/time/instant';
import { FALLBACK_ZONE, isValidZone } from '../../shared/time/zones';
import { incidentDocName, type UnreadableRow } from '../../shared/protocol/api';
import { HostError } from './hostError';
import { summaryFromDoc } from './incidentIndex';
import { storeFirstScreen } from './firstScreens';
import type { IncidentStore } from './store';
import { INCIDENT_DOC_NAME } from './extensions/authExtension';

/** Pretty-printed so archives diff well under version control. */
const ARCHIVE_JSON_INDENT = 2;

export interface ExportRequest {
  format: 'md' | 'json';
  timeZone?: string | undefined;
  all: boolean;
  /** The incident's terminal recordings, listed (and linked) in the postmortem. */
  recordings?: readonly RecordingInfo[];
  /** Markdown only: draw the incident chart as an SVG, linked from the postmortem at this relative path. */
  chartLink?: string;
}

export interface ExportedFile {
  content: string;
  fileName: string;
  /** Stored rows of the incident that would not decode, so are not in `content`. */
  unreadableRows?: UnreadableRow[];
  /** The incident chart (a standalone SVG document) that `content` links to, when asked for. */
  chartSvg?: string;
}

export function exportSnapshot(snapshot: IncidentSnapshot, req: ExportRequest): ExportedFile {
  if (req.timeZone !== undefined && !isValidZone(req.timeZone)) {
    throw new HostError('bad-args', `"${req.timeZone}" is not a known time zone.`, 'timeZone');
  }
  const chart = req.format === 'md' && req.chartLink !== undefined ? incidentChartFiles(snapshot, req.timeZone ?? snapshot.incident.timeZone, req.chartLink) : null;
  const content =
    req.format === 'md'
      ? renderPostmortem(snapshot, {
          all: req.all,
          ...(req.timeZone ? { timeZone: req.timeZone } : {}),
          ...(req.recordings ? { recordings: req.recordings } : {}),
          ...(chart ? { chartImage: chart.image } : {}),
        })
      : `${JSON.stringify(toArchive(snapshot), null, ARCHIVE_JSON_INDENT)}\n`;
  return { content, fileName: exportFileName(snapshot.incident, req.format), ...(chart ? { chartSvg: chart.svg } : {}) };
}

/** The chart drawn by ECharts without a DOM, and the image line's text alternative. */
function incidentChartFiles(snapshot: IncidentSnapshot, zone: string, link: string): { svg: string; image: ChartImage } {
  const shownZone = isValidZone(zone) ? zone : FALLBACK_ZONE;
  const model = buildIncidentChart({ incident: snapshot.incident, entries: snapshot.entries, now: nowInstant() });
  return { svg: renderChartSvg(model, shownZone), image: { path: link, alt: `${chartTitle(model)}. ${chartDescription(model, shownZone)}` } };
}

/** Reads an incident's snapshot from the store; HostError 'not-found' when there is none. */
export function readStoredSnapshot(store: IncidentStore, id: string): IncidentSnapshot {
  const doc = store.loadDoc(incidentDocName(id));
  const snapshot = doc && readSnapshot(doc);
  doc?.destroy();
  if (!snapshot) throw new HostError('not-found', `There is no incident with id ${id}.`, 'id');
  return snapshot;
}

export function exportStoredIncident(store: IncidentStore, id: string, req: ExportRequest): ExportedFile {
  const file = exportSnapshot(readStoredSnapshot(store, id), req);
  const unreadableRows = store.unreadableRowsOf(incidentDocName(id));
  return unreadableRows.length > 0 ? { ...file, unreadableRows } : file;
}

/** Parses an archive or throws HostError 'invalid-archive' naming the bad field. */
export function parseArchiveOrThrow(json: string): IncidentSnapshot {
  const parsed = parseArchive(json);
  // The RPC contract names fields as dotted paths ("entries.3.occurredAt").
  if (!parsed.ok) throw new HostError('invalid-archive', parsed.message, parsed.field?.replace(/\[(\d+)\]/g, '.$1') ?? undefined);
  return parsed.snapshot;
}

/**
 * Imports an archive as a new incident document: one Yjs update and its index row, written in one
 * SQLite transaction, so nothing is ever half-imported. An id already in use (or not a ULID) gets a fresh one.
 */
export function importArchiveIntoStore(store: IncidentStore, json: string): { id: string } {
  if (!store.status.ok) throw new HostError('store', store.status.reason);
  const snapshot = parseArchiveOrThrow(json);
  const wanted = incidentDocName(snapshot.incident.id);
  // Clients can only open documents named by a ULID; any other id is replaced too.
  const taken = !INCIDENT_DOC_NAME.test(wanted) || store.hasDoc(incidentDocName(snapshot.incident.id)) || store.getSummary(snapshot.incident.id) !== undefined;
  const id = taken ? newId() : snapshot.incident.id;
  const doc = new Y.Doc();
  try {
    importSnapshot(doc, { ...snapshot, incident: { ...snapshot.incident, id } });
    const summary = summaryFromDoc(doc, new Date().toISOString());
    if (!summary) throw new HostError('invalid-archive', 'The archive holds no incident.', 'incident');
    store.appendNewDoc(incidentDocName(id), Y.encodeStateAsUpdate(doc), summary);
    // Derived data: the incident is imported either way, and opens by a full sync without it.
    storeFirstScreen(store, incidentDocName(id), doc);
  } finally {
    doc.destroy();
  }
  return { id };
}
