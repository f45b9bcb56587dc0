// Storms: one timeline entry per alert group per minute, with the count. The first alert of a
// group in a minute writes its entry at once, so the timeline shows it live; every later alert of
// that group and minute is counted in the store (before the sender gets its 200, so a crash loses
// no alert), and the entry's text is brought up to the count by a periodic edit. A group's entry is
// edited at most once per flush, so a storm never grows the edit log at the rate alerts arrive.
import type * as Y from 'yjs';
import { editEntry, type CommandContext } from '../../../shared/model/commands';
import { readEntry } from '../../../shared/model/doc';
import { StatementCache, type SqliteDatabase } from '../sqlite';
import { SOURCE_NAMES, type IntakeAlert, type IntakeSource } from './alertSources';

/** How often counted alerts reach their group's entry. */
export const STORM_FLUSH_MS = 5_000;
/** The list line that carries a group's count; replaced, never appended twice. */
const COUNT_LINE = '- Grouped: ';

export interface GroupMinute {
  incidentId: string;
  groupKey: string;
  /** The minute of the alerts' own time, as YYYY-MM-DDTHH:MMZ. */
  minute: string;
  entryId: string;
}

export interface PendingCount extends GroupMinute {
  alerts: number;
}

/**
 * Alerts of one rule and status belong to one group: Alertmanager's alertname, or the title the
 * tool wrote. Kept as a JSON array (SQLite text ends at a NUL, so no control-character separators).
 */
export function alertGroupKey(source: IntakeSource, alert: IntakeAlert, title: string): string {
  return JSON.stringify([source, alert.labels.alertname ?? title, alert.status]);
}

export function groupParts(groupKey: string): { source: IntakeSource; name: string; status: string } {
  const [source, name, status] = JSON.parse(groupKey) as [IntakeSource, string, string];
  return { source, name, status };
}

export function minuteOf(instant: string): string {
  return `${instant.slice(0, 16)}Z`;
}

/** The entry's text with its count line set to `alerts` (the first line stays what the first alert wrote). */
export function withGroupCount(text: string, group: GroupMinute, alerts: number): string {
  const { source, name, status } = groupParts(group.groupKey);
  const line = `${COUNT_LINE}**${alerts.toLocaleString('en-US')} alerts** "${name}" ${status} from ${SOURCE_NAMES[source] ?? source} in the minute from ${group.minute.slice(11, 16)} UTC; this entry shows the first.`;
  const lines = text.split('\n').filter((l) => !l.startsWith(COUNT_LINE));
  const at = lines.findIndex((l, i) => i > 0 && l.startsWith('- '));
  lines.splice(at === -1 ? lines.length : at, 0, line);
  return lines.join('\n');
}

export class AlertGroups {
  /** A storm runs these thousands of times a second: compiled once. */
  private readonly sql: StatementCache;

  constructor(db: SqliteDatabase) {
    this.sql = new StatementCache(db);
  }

  /** False when this exact alert (source, fingerprint, status, time) was already recorded: a re-delivery. */
  claim(alertId: string, now: string): boolean {
    return this.sql.get('INSERT OR IGNORE INTO intake_seen(alert_id, at) VALUES (?, ?)').run(alertId, now).changes > 0;
  }

  /** The entry this group's minute already has, or null when this alert is its first. */
  existing(incidentId: string, groupKey: string, minute: string): string | null {
    const row = this.sql.get('SELECT entry_id AS id FROM intake_groups WHERE incident_id = ? AND group_key = ? AND minute = ?').get(incidentId, groupKey, minute) as
      | { id: string }
      | undefined;
    return row?.id ?? null;
  }

  open(group: GroupMinute): void {
    this.sql
      .get('INSERT OR IGNORE INTO intake_groups(incident_id, group_key, minute, entry_id, alerts, shown) VALUES (?, ?, ?, ?, 1, 1)')
      .run(group.incidentId, group.groupKey, group.minute, group.entryId);
  }

  count(incidentId: string, groupKey: string, minute: string): void {
    this.sql.get('UPDATE intake_groups SET alerts = alerts + 1 WHERE incident_id = ? AND group_key = ? AND minute = ?').run(incidentId, groupKey, minute);
  }

  /** Groups whose entry shows fewer alerts than were counted. */
  pending(): PendingCount[] {
    return this.sql
      .get('SELECT incident_id AS incidentId, group_key AS groupKey, minute, entry_id AS entryId, alerts FROM intake_groups WHERE alerts > shown')
      .all() as unknown as PendingCount[];
  }

  shown(group: PendingCount): void {
    this.sql.get('UPDATE intake_groups SET shown = ? WHERE incident_id = ? AND group_key = ? AND minute = ?').run(group.alerts, group.incidentId, group.groupKey, group.minute);
  }
}

/** Brings one group's entry up to its count, inside the writer's transaction. */
export function showGroupCount(doc: Y.Doc, ctx: CommandContext, group: PendingCount): void {
  const entry = readEntry(doc, group.entryId);
  if (!entry || entry.retraction) return;
  editEntry(doc, ctx, group.entryId, { text: withGroupCount(entry.text, group, group.alerts) });
}
