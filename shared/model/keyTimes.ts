import type * as Y from 'yjs';
import { instantMillis } from '../time/instant';
import { CommandError, validate } from './commandError';
import { InstantSchema } from './commandSchemas';
import { commandTime, requireIncident, runCommand, type CommandContext } from './commandContext';
import { entriesMap } from './doc';
import { encodeEntryRecord } from './entryRecords';
import { newId } from './ids';
import type { Incident, IncidentStatus, Instant } from './types';

// The incident's key times (impact started, detected, mitigated, resolved) and what they
// imply: a stage reached moves the status on, and an incident that is over (resolved, or
// recorded after the fact) no longer counts time, reminds or alarms.

export const KEY_TIMES = ['impactStarted', 'detected', 'mitigated', 'resolved'] as const;
export type KeyTime = (typeof KEY_TIMES)[number];

export const KEY_TIME_FIELDS = {
  impactStarted: 'impactStartedAt',
  detected: 'detectedAt',
  mitigated: 'mitigatedAt',
  resolved: 'resolvedAt',
} as const satisfies Record<KeyTime, keyof Incident>;

export const KEY_TIME_LABELS: Readonly<Record<KeyTime, string>> = {
  impactStarted: 'Impact started',
  detected: 'Detected',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

/** The status a stage implies, and the stages it leaves behind (a later stage never goes back). */
const STATUS_AT: Partial<Record<KeyTime, { status: IncidentStatus; after: readonly IncidentStatus[] }>> = {
  mitigated: { status: 'monitoring', after: ['investigating', 'identified'] },
  resolved: { status: 'resolved', after: ['investigating', 'identified', 'monitoring'] },
};

/** Whether the incident is still being worked: live T+ counting, cadence reminders and revisit alarms apply only then. */
export function isLive(incident: Pick<Incident, 'status' | 'resolvedAt' | 'reconstructed'>): boolean {
  return incident.reconstructed !== true && incident.status !== 'resolved' && incident.resolvedAt === null;
}

/** Writes a key-time row on the timeline; call inside the caller's transaction. */
export function putKeyTimeEntry(doc: Y.Doc, author: string, recordedAt: Instant, stage: KeyTime, at: Instant, note = ''): void {
  const id = newId(instantMillis(recordedAt));
  entriesMap(doc).set(
    id,
    encodeEntryRecord({ id, occurredAt: at, recordedAt, author, kind: 'status', text: `${KEY_TIME_LABELS[stage]}${note}`, workstream: '', key: true }),
  );
}

/**
 * Sets one key time, backdated or not, and writes it on the timeline. Mitigated moves an open
 * incident to monitoring; Resolved resolves it (and marks it mitigated if it was not yet).
 */
export function recordKeyTime(doc: Y.Doc, ctx: CommandContext, stage: KeyTime, at: Instant): void {
  if (!(KEY_TIMES as readonly string[]).includes(stage)) throw new CommandError('invalid', `Key time is one of ${KEY_TIMES.join(', ')}.`, 'stage');
  const when = validate(InstantSchema, at, 'at');
  const meta = requireIncident(doc);
  const start = meta.get('impactStartedAt');
  if (stage !== 'impactStarted' && typeof start === 'string' && when < start) {
    throw new CommandError('invalid', `${KEY_TIME_LABELS[stage]} can't be before impact started.`, 'at');
  }
  const now = commandTime(ctx);
  const implied = STATUS_AT[stage];
  const previous = meta.get('status') as IncidentStatus;
  const moves = implied !== undefined && implied.after.includes(previous);
  runCommand(doc, ctx, () => {
    meta.set(KEY_TIME_FIELDS[stage], when);
    if (stage === 'resolved' && !meta.get('mitigatedAt')) meta.set('mitigatedAt', when);
    if (moves) meta.set('status', implied.status);
    putKeyTimeEntry(doc, ctx.author, now, stage, when, moves ? ` (status: ${previous} → ${implied.status})` : '');
  });
}
