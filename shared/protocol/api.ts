// The host's typed RPC contract. One descriptor serves both ends:
// the host validates every call's arguments against `args`, and the renderer's
// client derives its method types from the same object, so they cannot drift.
// Members named `onX` under `events` are pushed by the host; everything else is a call.
import { z } from 'zod';
import { SEVERITIES, STATUSES, type Incident } from '../model/types';
import { SettingsSchema } from './settings';
import { RecordingInfoSchema, TerminalInfoSchema } from '../terminal/protocol';
import { IncidentIdSchema, RoomRoleSchema, RoomTokenInfoSchema } from './room';
import { UnreadableRowSchema, type UnreadableRow } from './unreadableRows';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, MAX_SEARCH_QUERY_CHARS, SearchHitSchema, SimilarIncidentSchema } from './search';
import { CatalogIncidentSchema, FOLLOW_UP_STATUSES } from './catalog';

const Severity = z.enum(SEVERITIES);
const Status = z.enum(STATUSES);
const Instant = z.iso.datetime({ offset: false });
const Zone = z.string().min(1).max(64);

export const IncidentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  severity: Severity,
  status: Status,
  /** Impact start, else detection: where the incident's span starts. */
  startedAt: Instant.nullable(),
  resolvedAt: Instant.nullable(),
  createdAt: Instant,
  timeZone: z.string(),
  entryCount: z.number().int(),
  updatedAt: Instant,
});

/** Why the store cannot be used, naming the file. Shown verbatim in the UI. */
export const StoreStatusSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), dbFile: z.string(), unreadableRows: z.array(UnreadableRowSchema).optional() }),
  z.object({ ok: z.literal(false), file: z.string(), reason: z.string() }),
]);
export type StoreStatus = z.infer<typeof StoreStatusSchema>;
export { UnreadableRowSchema, type UnreadableRow };

export const ExportFormat = z.enum(['md', 'json']);

const MAX_PORT = 65535;

/** The room listener as the share panel shows it. `advertisedHost` is what join links carry. */
export const ShareListeningSchema = z.object({
  url: z.string(),
  port: z.number().int(),
  hostname: z.string(),
  advertisedHost: z.string().nullable(),
  fingerprint: z.string().optional(),
});
export type ShareListening = z.infer<typeof ShareListeningSchema>;

export const NetworkInterfaceSchema = z.object({
  name: z.string(),
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  internal: z.boolean(),
});
export type NetworkInterfaceInfo = z.infer<typeof NetworkInterfaceSchema>;

/** One live room connection. `name` is the token's person, else the name the joiner gave. */
export const RoomConnectionSchema = z.object({
  tokenId: z.string(),
  name: z.string().nullable(),
  roomRole: RoomRoleSchema,
  connectedAt: z.string(),
  address: z.string(),
});
export type RoomConnection = z.infer<typeof RoomConnectionSchema>;

/** One joined room as the sync badge shows it. `unconfirmed`: local changes the room has not acknowledged. */
export const RoomReplicaStatusSchema = z.object({
  incidentId: z.string(),
  state: z.enum(['online', 'offline', 'syncing']),
  unconfirmed: z.number().int(),
  remote: z.string(),
  role: RoomRoleSchema.nullable(),
  problem: z.string().nullable(),
  /**
   * The person the room's token was issued to, once the room said so: the room stores writes
   * only under that name, so the local UI writes under it too. Null for a token the joiner names.
   */
  grantedName: z.string().nullable().optional(),
  /**
   * This host took the room over (hostRoom): it serves the room itself, and this replica of the old
   * room only bridges to it when the old host is reachable, so being offline here is expected.
   */
  hosting: z.boolean().optional(),
});
export type RoomReplicaStatus = z.infer<typeof RoomReplicaStatusSchema>;

/** shared/model/firstScreen.ts on the wire. The host is trusted: records and edits are read by the same tolerant fold as the document. */
export const FirstScreenSchema = z.object({
  incident: z.custom<Incident>((value) => typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'),
  entryCount: z.number().int().nonnegative(),
  entries: z.array(z.object({ id: z.string(), record: z.unknown(), edits: z.array(z.unknown()) })),
  stateVector: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])).optional(),
});

/** The alerting tools alert intake takes (electron/host/intake/alertSources.ts parses each). */
export const INTAKE_SOURCES = ['alertmanager', 'grafana', 'pagerduty', 'generic'] as const;

/** An intake token as Settings lists it: its source and routing rule (electron/host/intake/intakeTokens.ts). */
export const IntakeTokenInfoSchema = z.object({
  id: z.string(),
  source: z.enum(INTAKE_SOURCES),
  /** new: each dedup key opens its own incident; append: also join the open incident of the same service. */
  route: z.enum(['new', 'append']),
  /** Used when an alert names no service. */
  service: z.string().nullable(),
  severityLabel: z.string(),
  serviceLabel: z.string(),
  titleTemplate: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type IntakeTokenListing = z.infer<typeof IntakeTokenInfoSchema>;

function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result };
}

export const HostApi = {
  methods: {
    hello: method(
      z.object({}),
      z.object({
        version: z.string(),
        dataDir: z.string(),
        store: StoreStatusSchema,
        /** True when this connection may use local-only features (terminals, files). */
        local: z.boolean(),
        /** How many targets customer status updates are sent to (webhooks); 0 means they go nowhere. */
        statusTargets: z.number().int().nonnegative().default(0),
      }),
    ),
    listIncidents: method(z.object({}), z.array(IncidentSummarySchema)),
    createIncident: method(
      z.object({
        title: z.string().trim().min(1, 'Title is required').max(200),
        severity: Severity,
        startedAt: Instant,
        timeZone: Zone,
        commander: z.string().max(100).default(''),
        author: z.string().max(100),
        reconstructed: z.boolean().optional(),
        detectedAt: Instant.optional(),
        mitigatedAt: Instant.optional(),
        resolvedAt: Instant.optional(),
      }),
      z.object({ id: z.string() }),
    ),
    exportIncident: method(
      z.object({
        id: z.string(),
        format: ExportFormat,
        timeZone: Zone.optional(),
        all: z.boolean().default(false),
      }),
      z.object({ content: z.string(), fileName: z.string(), unreadableRows: z.array(UnreadableRowSchema).optional() }),
    ),
    /** The user has seen the incident's unreadable rows: they stay stored and reported, and writing resumes. */
    acknowledgeUnreadableRows: method(z.object({ id: z.string() }), z.object({ acknowledged: z.number().int() })),
    importArchive: method(z.object({ json: z.string().max(64 * 1024 * 1024) }), z.object({ id: z.string() })),
    compactIncident: method(z.object({ id: z.string() }), z.object({ foldedUpdates: z.number().int() })),
    getSettings: method(z.object({}), SettingsSchema),
    setSettings: method(SettingsSchema.partial(), SettingsSchema),
    // ---- terminals (local connections only) ----
    /** The incident's running (and recently exited) terminals, for re-attaching after a reload. */
    listTerminals: method(z.object({ incidentId: z.string().max(64) }), z.array(TerminalInfoSchema)),
    /** The command in a terminal's foreground (null at the prompt), asked before closing it. */
    terminalRunningCommand: method(z.object({ incidentId: z.string().max(64), terminalId: z.string().max(64) }), z.object({ command: z.string().nullable() })),
    /** The incident's session recordings, oldest first. */
    listRecordings: method(z.object({ incidentId: z.string().max(64) }), z.array(RecordingInfoSchema)),
    /** One recording's asciicast v2 text, for replay and for saving as a file. */
    readRecording: method(
      z.object({ incidentId: z.string().max(64), recordingId: z.string().max(64) }),
      z.object({ content: z.string(), fileName: z.string() }),
    ),
    // ---- sharing (local connections only; the room listener never serves /rpc) ----
    /** Whether the room listener is up, where, and the interfaces the user can choose from. */
    shareStatus: method(z.object({}), z.object({ listening: ShareListeningSchema.nullable(), interfaces: z.array(NetworkInterfaceSchema) })),
    /** Starts the room listener; TLS when both PEM paths are given (read by the host). */
    startSharing: method(
      z.object({
        hostname: z.string().trim().min(1, 'Choose an interface').max(253),
        port: z.number().int().min(0).max(MAX_PORT),
        tlsCertPath: z.string().trim().max(4096).optional(),
        tlsKeyPath: z.string().trim().max(4096).optional(),
      }),
      ShareListeningSchema,
    ),
    /** Closes the room listener and every room connection; tokens stay valid for the next start. */
    stopSharing: method(z.object({}), z.object({})),
    /** A new token for the incident, with its links built for the listening address. */
    createRoomToken: method(
      z.object({ incidentId: IncidentIdSchema, role: RoomRoleSchema, name: z.string().trim().max(100).optional() }),
      z.object({ id: z.string(), secret: z.string(), code: z.string(), joinLink: z.string(), browserUrl: z.string() }),
    ),
    listRoomTokens: method(z.object({ incidentId: IncidentIdSchema }), z.array(RoomTokenInfoSchema)),
    revokeRoomToken: method(z.object({ id: z.string().max(64) }), z.object({ revoked: z.boolean() })),
    roomConnections: method(z.object({ incidentId: IncidentIdSchema }), z.array(RoomConnectionSchema)),
    // ---- joined rooms: this host's replica of another host's room (electron/host/replica) ----
    /** Joins a room with a warroom:// link, a room URL, or "HOST:PORT ROOM CODE"; the incident syncs into the local store. */
    joinRoom: method(z.object({ link: z.string().trim().min(1).max(2048), name: z.string().trim().min(1).max(100) }), RoomReplicaStatusSchema),
    /** Stops syncing the incident with its room; the local copy stays. */
    leaveRoom: method(z.object({ incidentId: IncidentIdSchema }), z.object({})),
    roomStatus: method(z.object({}), z.array(RoomReplicaStatusSchema)),
    /** Handover: this host serves its replica as the room; others re-point with the returned link. */
    hostRoom: method(
      z.object({ incidentId: IncidentIdSchema, hostname: z.string().trim().min(1).max(253), port: z.number().int().min(0).max(MAX_PORT) }),
      z.object({ link: z.string(), code: z.string(), observerLink: z.string(), observerCode: z.string(), browserUrl: z.string(), port: z.number().int() }),
    ),
    // ---- search across this host's incidents (local connections only, like the rest of /rpc) ----
    /** Full-text search over every incident in the store, best first, with highlighted snippets. */
    search: method(
      z.object({ query: z.string().max(MAX_SEARCH_QUERY_CHARS), limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).default(DEFAULT_SEARCH_LIMIT) }),
      z.object({ hits: z.array(SearchHitSchema) }),
    ),
    /** The past incidents whose title, summary and key events best match this one's. */
    similarIncidents: method(z.object({ incidentId: IncidentIdSchema }), z.array(SimilarIncidentSchema)),
    // ---- across incidents (local connections only; the room listener never serves /rpc) ----
    /** Every incident in this host's store, with its key times, labels, action items and decision verdicts. */
    listCatalog: method(z.object({}), z.array(CatalogIncidentSchema)),
    /** Closes (done, or not doing with a reason) or reopens one follow-up of any incident in the store, as `author`. */
    setFollowUpStatus: method(
      z.object({
        incidentId: IncidentIdSchema,
        actionId: z.string().max(64),
        status: z.enum(FOLLOW_UP_STATUSES),
        reason: z.string().max(500).optional(),
        author: z.string().max(100),
      }),
      z.object({}),
    ),
    /**
     * The incident's first screen (meta, entry count, newest entries) without loading its whole
     * document when it is not in memory; null when the host has none stored yet (shared/model/firstScreen.ts).
     */
    firstScreen: method(z.object({ id: IncidentIdSchema }), FirstScreenSchema.nullable()),
    /**
     * Writes the incident's static status page (index.html) and Atom feed (feed.atom) of its customer
     * updates into `dir` (a full path), or into a folder under the data dir when none is given. A file
     * there that War Room did not write is never overwritten: the call fails naming it.
     */
    writeStatusPage: method(
      z.object({ incidentId: IncidentIdSchema, dir: z.string().trim().max(4096).optional() }),
      z.object({ dir: z.string(), files: z.array(z.string()), updates: z.number().int() }),
    ),
    // ---- alert intake (local connections only) ----
    /** Every intake token (revoked ones too) with the routing rule it carries; never a secret. */
    listIntakeTokens: method(z.object({}), z.array(IntakeTokenInfoSchema)),
    /** Mints an intake token; its secret is answered once. `path` is where the tool posts, on this host. */
    createIntakeToken: method(
      z.object({ source: z.enum(INTAKE_SOURCES), route: z.enum(['new', 'append']), service: z.string().trim().max(200).optional() }),
      z.object({ id: z.string(), secret: z.string(), path: z.string() }),
    ),
    /** Revokes an intake token: its next request gets 401. False when unknown or already revoked. */
    revokeIntakeToken: method(z.object({ id: z.string().max(64) }), z.object({ revoked: z.boolean() })),
  },
  events: {
    /** The store became unusable or recovered (e.g. disk full, read-only). */
    onStoreStatus: StoreStatusSchema,
    /** The incident list changed (created, imported, meta edited). */
    onIncidentsChanged: z.object({}),
    /** Someone joined or left the incident's shared room (or sharing stopped). */
    onRoomConnections: z.object({ incidentId: z.string(), connections: z.array(RoomConnectionSchema) }),
    /** A joined room's sync state changed (online/offline/syncing, unconfirmed count). */
    onRoomStatus: z.object({ rooms: z.array(RoomReplicaStatusSchema) }),
    /** An alert opened an incident (alert intake): the desktop notifies "SEV2 opened from Alertmanager: …". */
    onAlertOpenedIncident: z.object({ incidentId: z.string(), title: z.string(), severity: Severity, source: z.string() }),
  },
} as const;

export type HostApiDescriptor = typeof HostApi;
export type MethodName = keyof HostApiDescriptor['methods'];
export type EventName = keyof HostApiDescriptor['events'];
export type MethodArgs<M extends MethodName> = z.input<HostApiDescriptor['methods'][M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<HostApiDescriptor['methods'][M]['args']>;
export type MethodResult<M extends MethodName> = z.output<HostApiDescriptor['methods'][M]['result']>;
export type EventPayload<E extends EventName> = z.output<HostApiDescriptor['events'][E]>;

/** What the host implements: one async function per method. */
export type HostApiImpl = { [M in MethodName]: (args: ParsedArgs<M>) => Promise<MethodResult<M>> };
/** What the renderer calls. */
export type HostApiClient = { [M in MethodName]: (args: MethodArgs<M>) => Promise<MethodResult<M>> };

// ---- wire frames on the /rpc WebSocket (JSON text frames) ----
export const CallFrame = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(64),
  args: z.unknown(),
});
export type CallFrame = z.infer<typeof CallFrame>;

export const RpcErrorSchema = z.object({
  /** Machine-readable: 'bad-args' | 'not-found' | 'store' | 'invalid-archive' | 'internal' | ... */
  code: z.string(),
  /** One sentence a person can act on. */
  message: z.string(),
  /** The offending field's path, when one is to blame (e.g. "entries.3.occurredAt"). */
  field: z.string().optional(),
});
export type RpcError = z.infer<typeof RpcErrorSchema>;

export type ResultFrame =
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: RpcError };
export type EventFrame = { t: 'event'; name: EventName; payload: unknown };
export type HostFrame = ResultFrame | EventFrame;

/** WebSocket paths on the host. All require `?token=<host token>`. */
export const WS_PATHS = { sync: '/sync', rpc: '/rpc', term: '/term' } as const;
/** Messages above this are refused and the connection closed (issue: 1 MiB cap). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
/** Yjs document name for an incident. */
export const incidentDocName = (id: string) => `incident.${id}`;
export const incidentIdFromDocName = (name: string) =>
  name.startsWith('incident.') ? name.slice('incident.'.length) : null;

/** HTTP path where a page checks that its host token is still the host's (204) or not (401). */
export const TOKEN_CHECK_PATH = '/token-check';
/** The header that carries the token to TOKEN_CHECK_PATH (never the URL, which may be logged). */
export const TOKEN_CHECK_HEADER = 'X-WarRoom-Token';
