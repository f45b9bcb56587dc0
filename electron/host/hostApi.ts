// The host's implementation of shared/protocol/api.ts HostApi. Arguments arrive already
// validated by the RPC server; every failure is thrown as an error with a code.
import type { Hocuspocus } from '@hocuspocus/server';
import { createIncident } from '../../shared/model/commands';
import { setActionDone, setActionNotDoing } from '../../shared/model/actionCommands';
import { newId } from '../../shared/model/ids';
import { incidentDocName, type HostApiImpl } from '../../shared/protocol/api';
import { isValidZone } from '../../shared/time/zones';
import type { IncidentIndexExtension } from './extensions/incidentIndexExtension';
import { HostError } from './hostError';
import { IncidentCatalog } from './incidentCatalog';
import { writeIncident } from './incidentWriter';
import { exportStoredIncident, importArchiveIntoStore } from './incidentFiles';
import type { SettingsBackend } from './settings';
import type { ReplicaManager } from './replica/replicaManager';
import type { ShareControl } from './sharing/shareControl';
import type { IncidentStore } from './store';
import type { TerminalService } from './terminals/terminalService';
import { catchUpGradually, type SearchIndex } from './search/searchIndex';
import { writeStatusPageForIncident } from './outbound/statusPageFiles';
import type { IntakeTokens } from './intake/intakeTokens';
import { INTAKE_PATH_PREFIX } from './intake/intakeEndpoint';

export interface HostApiDeps {
  version: string;
  dataDir: string;
  store: IncidentStore;
  hocuspocus: Hocuspocus;
  index: IncidentIndexExtension;
  settings: SettingsBackend;
  incidentsChanged: () => void;
  terminals: TerminalService;
  share: ShareControl;
  replicas: ReplicaManager;
  /** Null when the store is unusable. */
  searchIndex: SearchIndex | null;
  /** How many outbound targets a customer status update goes to now. */
  statusTargetCount?: () => number;
  /** Alert intake tokens; null when the store is unusable. */
  intakeTokens?: IntakeTokens | null;
}

/** Close code asking a document's sync clients to reconnect (4000–4999: application). */
export const RECONNECT_CLOSE_CODE = 4501;

function reconnectDocument(hocuspocus: Hocuspocus, docName: string): void {
  for (const connection of hocuspocus.documents.get(docName)?.getConnections() ?? []) connection.webSocket.close(RECONNECT_CLOSE_CODE, 'reconnect');
}

function requireWritableStore(store: IncidentStore): void {
  if (!store.status.ok) throw new HostError('store', store.status.reason);
}

function requireSearchIndex(deps: HostApiDeps): SearchIndex {
  if (!deps.searchIndex) throw new HostError('store', deps.store.status.ok ? 'The search index is not available.' : deps.store.status.reason);
  return deps.searchIndex;
}

function requireIntakeTokens(deps: HostApiDeps): IntakeTokens {
  if (!deps.intakeTokens) throw new HostError('store', deps.store.status.ok ? 'Alert intake is not available on this host.' : deps.store.status.reason);
  return deps.intakeTokens;
}

/** An archive is written straight to the store, past the documents' own indexing: read it now, in slices. */
function indexImported(deps: HostApiDeps, id: string): void {
  if (!deps.searchIndex) return;
  catchUpGradually(deps.store, deps.searchIndex, incidentDocName(id)).catch(() => {
    // Left for the next start's catch-up: the import itself succeeded.
  });
}

export function createHostApi(deps: HostApiDeps): HostApiImpl {
  const { store, hocuspocus, settings } = deps;
  const catalog = new IncidentCatalog(store);
  return {
    async hello() {
      return { version: deps.version, dataDir: deps.dataDir, store: store.status, local: true, statusTargets: deps.statusTargetCount?.() ?? 0 };
    },

    async listIncidents() {
      return store.listSummaries();
    },

    async createIncident(args) {
      requireWritableStore(store);
      if (!isValidZone(args.timeZone)) throw new HostError('bad-args', `"${args.timeZone}" is not a known time zone.`, 'timeZone');
      const id = newId();
      // Through Hocuspocus, so clients already connected to this document see it at once.
      await writeIncident({ hocuspocus, refreshIndex: (doc) => deps.index.refresh(doc) }, id, args.author, (doc, ctx) => {
        createIncident(doc, ctx, {
          id,
          title: args.title,
          severity: args.severity,
          startedAt: args.startedAt,
          timeZone: args.timeZone,
          commander: args.commander,
          ...(args.reconstructed !== undefined && { reconstructed: args.reconstructed }),
          ...(args.detectedAt !== undefined && { detectedAt: args.detectedAt }),
          ...(args.mitigatedAt !== undefined && { mitigatedAt: args.mitigatedAt }),
          ...(args.resolvedAt !== undefined && { resolvedAt: args.resolvedAt }),
        });
      });
      return { id };
    },

    async exportIncident(args) {
      const recordings = args.format === 'md' ? await deps.terminals.listRecordings(args.id) : [];
      return exportStoredIncident(store, args.id, { format: args.format, timeZone: args.timeZone, all: args.all, recordings });
    },

    async importArchive(args) {
      const result = importArchiveIntoStore(store, args.json);
      indexImported(deps, result.id);
      deps.incidentsChanged();
      return result;
    },

    async acknowledgeUnreadableRows(args) {
      const name = incidentDocName(args.id);
      if (!store.hasDoc(name)) throw new HostError('not-found', `There is no incident with id ${args.id}.`, 'id');
      const acknowledged = store.acknowledgeUnreadable(name);
      // Its open connections were read-only; they reconnect, now writable, and send what they hold.
      if (acknowledged > 0) reconnectDocument(hocuspocus, name);
      return { acknowledged };
    },

    async firstScreen(args) {
      const docName = incidentDocName(args.id);
      return deps.index.firstScreen(docName, hocuspocus.documents.get(docName));
    },

    async compactIncident(args) {
      requireWritableStore(store);
      if (!store.hasDoc(incidentDocName(args.id))) throw new HostError('not-found', `There is no incident with id ${args.id}.`, 'id');
      return { foldedUpdates: store.compact(incidentDocName(args.id)) };
    },

    async getSettings() {
      return settings.get();
    },

    async setSettings(patch) {
      return settings.set(patch);
    },

    async listTerminals(args) {
      return deps.terminals.list(args.incidentId);
    },

    async terminalRunningCommand(args) {
      return { command: deps.terminals.runningCommand(args.incidentId, args.terminalId) };
    },

    async listRecordings(args) {
      return deps.terminals.listRecordings(args.incidentId);
    },

    async readRecording(args) {
      return deps.terminals.readRecording(args.incidentId, args.recordingId);
    },

    async shareStatus() {
      return { listening: deps.share.status(), interfaces: deps.share.interfaces() };
    },

    async startSharing(args) {
      return deps.share.startFromPaths(args);
    },

    async stopSharing() {
      await deps.share.stop();
      return {};
    },

    async createRoomToken(args) {
      return deps.share.createToken(args);
    },

    async listRoomTokens(args) {
      return deps.share.listTokens(args.incidentId);
    },

    async revokeRoomToken(args) {
      return { revoked: deps.share.revokeToken(args.id) };
    },

    async roomConnections(args) {
      return deps.share.connections(args.incidentId);
    },

    async joinRoom(args) {
      const status = await deps.replicas.join(args);
      deps.incidentsChanged();
      return status;
    },

    async leaveRoom(args) {
      await deps.replicas.leave(args.incidentId);
      return {};
    },

    async roomStatus() {
      return deps.replicas.status();
    },

    async hostRoom(args) {
      return deps.replicas.host(args);
    },

    async search(args) {
      return { hits: requireSearchIndex(deps).search(args.query, args.limit) };
    },

    async similarIncidents(args) {
      return requireSearchIndex(deps).similar(args.incidentId);
    },

    async listCatalog() {
      return catalog.list();
    },

    async setFollowUpStatus(args) {
      requireWritableStore(store);
      if (!store.hasDoc(incidentDocName(args.incidentId))) throw new HostError('not-found', `There is no incident with id ${args.incidentId}.`, 'incidentId');
      // Through Hocuspocus, like any other client's write: stored, and seen at once by whoever has the incident open.
      await writeIncident({ hocuspocus, refreshIndex: (doc) => deps.index.refresh(doc) }, args.incidentId, args.author, (doc, ctx) => {
        if (args.status === 'not-doing') setActionNotDoing(doc, ctx, args.actionId, args.reason ?? '');
        else setActionDone(doc, ctx, args.actionId, args.status === 'done');
      });
      deps.incidentsChanged();
      return {};
    },

    async writeStatusPage(args) {
      return writeStatusPageForIncident({ store, hocuspocus, dataDir: deps.dataDir }, args.incidentId, args.dir);
    },

    async listIntakeTokens() {
      return requireIntakeTokens(deps).list();
    },

    async createIntakeToken(args) {
      const { id, secret } = requireIntakeTokens(deps).create(args.source, { route: args.route, service: args.service || null });
      return { id, secret, path: `${INTAKE_PATH_PREFIX}${args.source}` };
    },

    async revokeIntakeToken(args) {
      return { revoked: requireIntakeTokens(deps).revoke(args.id) };
    },
  };
}
