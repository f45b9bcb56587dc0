// The postmortem's Status updates section: the cadence promised, its snoozes and every
// update sent, as a table; every user string escaped for its cell.
import type { StatusCadence, StatusUpdate } from '../model/coordinationTypes';
import { SEVERITIES } from '../model/types';
import { formatDateTime } from '../time/format';
import { escapeInline, escapeTableCell } from './escape';
import { byInstant, tableRow } from './tableRow';

const AUDIENCE_LABELS: Record<StatusUpdate['audience'], string> = { internal: 'internal', customers: 'customers' };

function cadenceLine(cadence: StatusCadence): string {
  const parts = SEVERITIES.map((severity) => {
    const minutes = cadence.minutesBySeverity[severity];
    return `${severity} ${minutes === null ? 'none' : `every ${minutes} min`}`;
  });
  return `Promised cadence: ${parts.join(', ')}.`;
}

export function renderStatusUpdates(updates: readonly StatusUpdate[], cadence: StatusCadence, zone: string): string[] {
  const lines = [cadenceLine(cadence), ''];
  if (cadence.snoozes.length > 0) {
    lines.push('Cadence snoozed:', '');
    for (const snooze of [...cadence.snoozes].sort((a, b) => byInstant(a.at, b.at))) {
      const reason = escapeInline(snooze.reason) || 'no reason given';
      lines.push(`- ${formatDateTime(snooze.at, zone)}, ${escapeInline(snooze.by) || 'someone'}: until ${formatDateTime(snooze.until, zone)} (${reason})`);
    }
    lines.push('');
  }
  if (updates.length === 0) {
    lines.push('*No status updates were sent.*');
    return lines;
  }
  lines.push('| Time | Audience | Posted by | Update |', '| --- | --- | --- | --- |');
  for (const update of [...updates].sort((a, b) => byInstant(a.postedAt, b.postedAt) || (a.id < b.id ? -1 : 1))) {
    lines.push(tableRow([formatDateTime(update.postedAt, zone), AUDIENCE_LABELS[update.audience], escapeTableCell(update.postedBy), escapeTableCell(update.text)]));
  }
  return lines;
}
