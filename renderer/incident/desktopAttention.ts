// What the open incident asks of the desktop (shared/protocol/desktopBridge.ts DesktopAttention):
// overdue status updates and decision revisits as reminders, and how many changes are not yet
// on disk. Pure, so the rules are tested without a window.
import { nextUpdateDue } from '../../shared/model/cadenceRecords';
import { dueRevisits } from '../../shared/model/decisionRevisits';
import type { Decision, StatusCadence, StatusUpdate } from '../../shared/model/coordinationTypes';
import type { Incident, Instant } from '../../shared/model/types';
import type { DesktopAttention, DueReminder } from '../../shared/protocol/desktopBridge';
import { formatTime } from '../../shared/time/format';

export interface AttentionInput {
  incident: Incident;
  decisions: readonly Decision[];
  updates: StatusUpdate[];
  cadence: StatusCadence;
  now: Instant;
  unsynced: number;
}

export const NO_ATTENTION: DesktopAttention = { overdue: 0, reminders: [], unsavedChanges: 0 };

export function desktopAttention(input: AttentionInput): DesktopAttention {
  const { incident, now } = input;
  const active = incident.status !== 'resolved';
  const zone = incident.timeZone;
  const reminders: DueReminder[] = [];
  const updateDue = nextUpdateDue({ incident, cadence: input.cadence, updates: input.updates });
  if (updateDue && updateDue <= now) {
    reminders.push({
      key: `status-update:${incident.id}@${updateDue}`,
      title: 'Status update due',
      body: `${incident.title}: the next status update was due at ${formatTime(updateDue, zone)}.`,
      incidentId: incident.id,
    });
  }
  // Once resolved, revisits are history, not alarms (as in the revisit banner).
  for (const decision of active ? dueRevisits(input.decisions, now) : []) {
    reminders.push({
      key: `revisit:${decision.id}@${decision.revisitAt}`,
      title: 'Revisit decision',
      body: `${decision.question} (due ${formatTime(decision.revisitAt as string, zone)})`,
      incidentId: incident.id,
    });
  }
  return { overdue: reminders.length, reminders, unsavedChanges: input.unsynced };
}
