// Where an alert goes: the open incident its dedup key already opened, else (route "append") the
// open incident of its service, else a new incident for a firing alert. Every alert becomes an
// `event` entry dated when the alert itself started (or ended, for a resolution), written through
// the caller's document writer (Hocuspocus direct connections), so open timelines update live.
// Requests are routed one at a time: two deliveries of one alert can never both open an incident.
// A storm is grouped (alertStorms.ts): one entry per alert group per minute, with the count.
import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import type * as Y from 'yjs';
import { addEntry, createIncident, type CommandContext } from '../../../shared/model/commands';
import { proposeDecision } from '../../../shared/model/decisionCommands';
import { readDecisions } from '../../../shared/model/decisions';
import { entriesMap } from '../../../shared/model/doc';
import { instantMillis } from '../../../shared/time/instant';
import type { Severity } from '../../../shared/model/types';
import { StatementCache, type SqliteDatabase } from '../sqlite';
import { SOURCE_NAMES, type IntakeAlert, type IntakeSource } from './alertSources';
import type { IntakeGrant, IntakeRule } from './intakeTokens';
import { alertEntryText } from './alertEntryText';
import { AlertGroups, alertGroupKey, groupParts, minuteOf, showGroupCount } from './alertStorms';

/** Incidents opened from alerts are shown in UTC until someone picks the team's zone. */
const INTAKE_TIME_ZONE = 'UTC';
const DEFAULT_SEVERITY: Severity = 'SEV3';
const MITIGATION_QUESTION = 'Mark the incident mitigated?';
/** Label values the alerting world uses, to our severities. */
const SEVERITY_WORDS: ReadonlyArray<[Severity, readonly string[]]> = [
  ['SEV1', ['critical', 'crit', 'emergency', 'fatal', 'page', 'sev1', 'sev-1', 'p1', 'disaster']],
  ['SEV2', ['high', 'error', 'major', 'sev2', 'sev-2', 'p2']],
  ['SEV3', ['warning', 'warn', 'medium', 'average', 'minor', 'sev3', 'sev-3', 'p3']],
  ['SEV4', ['info', 'low', 'notice', 'none', 'sev4', 'sev-4', 'p4', 'p5']],
];

export function severityFromLabel(value: string | undefined): Severity {
  const word = value?.trim().toLowerCase();
  return SEVERITY_WORDS.find(([, words]) => word !== undefined && words.includes(word))?.[0] ?? DEFAULT_SEVERITY;
}

/** {{name}} becomes the alert's label or annotation `name` ({{service}}: its service); unknown names stay visible as "?". */
export function renderTitle(template: string, alert: IntakeAlert, service: string | null): string {
  const values: Record<string, string> = { ...alert.annotations, ...alert.labels, ...(service ? { service } : {}) };
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => values[name] ?? '?').trim() || 'Alert';
}

/**
 * The entry's id: a ULID whose time is the alert's and whose rest comes from (source, fingerprint,
 * status, time). Alertmanager re-sends a firing alert every repeat interval; the same delivery
 * twice writes one entry (addEntry keeps an existing id), while a new firing appends a new one.
 */
function alertEntryId(source: IntakeSource, alert: IntakeAlert, at: string): string {
  const digest = createHash('sha256').update(`${source}\0${alert.fingerprint}\0${alert.status}\0${at}`).digest();
  let i = 0;
  // Before 1970 (a zero time some tools send) a ULID has no time part: such alerts sort first.
  return ulid(Math.max(0, instantMillis(at)), () => (digest[i++ % digest.length] as number) / 256);
}

export interface IncidentWriter {
  /** Runs fn on the incident's document through a direct connection; the index row is refreshed after. */
  write(incidentId: string, author: string, fn: (doc: Y.Doc, ctx: CommandContext) => void): Promise<void>;
  /** A fresh incident id. */
  newIncidentId(): string;
  /** An alert has just opened this incident (told after its document is written). */
  opened?(incident: AlertOpenedIncident): void;
}

/** What a person is told when an alert opens an incident. */
export interface AlertOpenedIncident {
  incidentId: string;
  title: string;
  severity: Severity;
  /** The alerting tool, as people call it ("Alertmanager"). */
  source: string;
}

export interface RoutingResult {
  opened: string[];
  appended: string[];
  entries: number;
  /** Alerts counted into their group's entry for that minute instead of writing one of their own. */
  grouped: number;
  /** Resolutions of alerts that have no open incident: nothing to resolve. */
  ignored: number;
}

/**
 * The store statements of one request, committed together: a storm's thousands of counts cost one
 * commit (one fsync) per request instead of one each. Committed before every document write, since
 * the document's own update goes to the same store, and before the reply.
 */
class RequestWrites {
  private open = false;

  constructor(private readonly db: SqliteDatabase) {}

  run<T>(fn: () => T): T {
    if (!this.open) {
      this.db.exec('BEGIN IMMEDIATE');
      this.open = true;
    }
    return fn();
  }

  commit(): void {
    if (!this.open) return;
    this.open = false;
    this.db.exec('COMMIT');
  }

  rollback(): void {
    if (!this.open) return;
    this.open = false;
    if (this.db.isTransaction) this.db.exec('ROLLBACK');
  }
}

export class AlertRouter {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly groups: AlertGroups;
  private readonly sql: StatementCache;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly writer: IncidentWriter,
  ) {
    this.groups = new AlertGroups(db);
    this.sql = new StatementCache(db);
  }

  /** Routes a request's alerts after every earlier request's. */
  route(grant: IntakeGrant, alerts: IntakeAlert[]): Promise<RoutingResult> {
    return this.enqueue(() => this.routeNow(grant, alerts));
  }

  /**
   * Brings every storm group's entry up to the alerts counted for it (after the routing queued
   * before it). Returns how many entries were edited.
   */
  showGroupCounts(): Promise<number> {
    return this.enqueue(async () => {
      let edited = 0;
      for (const group of this.groups.pending()) {
        const { source } = groupParts(group.groupKey);
        await this.writer.write(group.incidentId, `${SOURCE_NAMES[source] ?? source} (alert intake)`, (doc, ctx) => showGroupCount(doc, ctx, group));
        this.groups.shown(group);
        edited++;
      }
      return edited;
    });
  }

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private openIncidentFor(keys: readonly string[], service: string | null, rule: IntakeRule): string | null {
    const open = `SELECT a.incident_id AS id FROM intake_alerts a JOIN incidents i ON i.id = a.incident_id
      WHERE i.status != 'resolved' AND a.%COLUMN% = ? ORDER BY a.opened_at DESC LIMIT 1`;
    for (const key of keys) {
      const byKey = this.sql.get(open.replace('%COLUMN%', 'dedup_key')).get(key) as { id: string } | undefined;
      if (byKey) return byKey.id;
    }
    if (rule.route !== 'append' || service === null) return null;
    const byService = this.sql.get(open.replace('%COLUMN%', 'service')).get(service) as { id: string } | undefined;
    return byService?.id ?? null;
  }

  private remember(dedupKey: string, incidentId: string, service: string | null, source: IntakeSource): void {
    this.sql
      .get('INSERT OR IGNORE INTO intake_alerts(dedup_key, incident_id, service, source, opened_at) VALUES (?, ?, ?, ?, ?)')
      .run(dedupKey, incidentId, service, source, new Date().toISOString());
  }

  private async routeNow(grant: IntakeGrant, alerts: IntakeAlert[]): Promise<RoutingResult> {
    const writes = new RequestWrites(this.db);
    try {
      const result = await this.routeAlerts(grant, alerts, writes);
      writes.commit();
      return result;
    } catch (err) {
      writes.rollback();
      throw err;
    }
  }

  private async routeAlerts(grant: IntakeGrant, alerts: IntakeAlert[], writes: RequestWrites): Promise<RoutingResult> {
    const { source, rule } = grant;
    const author = `${SOURCE_NAMES[source]} (alert intake)`;
    const result: RoutingResult = { opened: [], appended: [], entries: 0, grouped: 0, ignored: 0 };
    for (const alert of alerts) {
      const service = alert.labels[rule.serviceLabel] ?? rule.service;
      // The alert's own key first; then its tool's group, so distinct alerts of one group share an incident.
      const keys = [`${source}:${alert.fingerprint}`, ...(alert.groupKey ? [`${source}:group:${alert.groupKey}`] : [])];
      const title = alert.title ?? renderTitle(rule.titleTemplate, alert, service);
      const at = alert.status === 'resolved' ? (alert.endsAt ?? alert.startsAt) : alert.startsAt;
      let incidentId = writes.run(() => this.openIncidentFor(keys, service, rule));
      if (incidentId === null && alert.status === 'resolved') {
        result.ignored++;
        continue;
      }
      if (incidentId === null) {
        const id = this.writer.newIncidentId();
        const severity = severityFromLabel(alert.labels[rule.severityLabel]);
        writes.commit();
        await this.writer.write(id, author, (doc, ctx) => {
          // The alerting tool detected it when the alert started; impact started then too, as far as we know.
          createIncident(doc, ctx, { id, title, severity, startedAt: alert.startsAt, detectedAt: alert.startsAt, timeZone: INTAKE_TIME_ZONE });
        });
        incidentId = id;
        result.opened.push(id);
        this.writer.opened?.({ incidentId: id, title, severity, source: SOURCE_NAMES[source] });
      } else if (!result.opened.includes(incidentId) && !result.appended.includes(incidentId)) {
        result.appended.push(incidentId);
      }
      const target = incidentId;
      const entryId = alertEntryId(source, alert, at);
      const groupKey = alertGroupKey(source, alert, title);
      const minute = minuteOf(at);
      const groupEntry = writes.run(() => {
        for (const key of keys) this.remember(key, target, service, source);
        return this.groups.existing(target, groupKey, minute);
      });
      if (groupEntry !== null && groupEntry !== entryId) {
        // Counted, not written: the count is committed before the sender hears 200.
        if (writes.run(() => this.groups.claim(entryId, new Date().toISOString()))) {
          writes.run(() => this.groups.count(target, groupKey, minute));
          result.grouped++;
        }
        continue;
      }
      let written = false;
      writes.commit();
      await this.writer.write(incidentId, author, (doc, ctx) => {
        if (entriesMap(doc).has(entryId)) return;
        written = true;
        addEntry(doc, ctx, { id: entryId, occurredAt: at, kind: 'event', text: alertEntryText(source, alert, title, service) });
        // Proposed, never applied: people decide whether the alert clearing means the impact ended.
        // One open proposal at a time: a group of resolutions asks once.
        if (alert.status === 'resolved' && !readDecisions(doc).some((d) => d.status === 'proposed' && d.question.startsWith(MITIGATION_QUESTION))) {
          proposeDecision(doc, ctx, {
            question: `${MITIGATION_QUESTION} ${SOURCE_NAMES[source]} reports "${title}" resolved.`,
            occurredAt: at,
            options: [{ title: 'Mark mitigated' }, { title: 'Keep investigating' }],
          });
        }
      });
      writes.run(() => {
        this.groups.claim(entryId, new Date().toISOString());
        this.groups.open({ incidentId: target, groupKey, minute, entryId });
      });
      if (written) result.entries++;
    }
    return result;
  }
}
