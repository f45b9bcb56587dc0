// The incident's own fields, as the archive holds them and as the `meta` and `postmortem` maps
// store them (one key per field). Stored, each reads tolerantly: a damaged severity as the
// lowest one, so a bad value never raises an alarm; an unknown status as the first; an empty
// zone as UTC; labels as readLabels reads them. The archive checks each strictly.
import { z } from 'zod';
import { isValidZone } from '../time/zones';
import { readLabels } from './incidentLabelRecords';
import { flag, instant, instantOrNull, oneOf, requiredText, text, type RecordField } from './recordFields';
import { StoredText } from './storedFields';
import { SEVERITIES, STATUSES, type Severity } from './types';

/** A damaged severity reads as the lowest one, so a bad value never raises an alarm. */
const UNKNOWN_SEVERITY: Severity = 'SEV4';

/** The zone stored incidents fall back to when theirs is missing. */
const STORED_ZONE_FALLBACK = 'UTC';

export const ZoneSchema = z.string().refine(isValidZone, 'Unknown IANA time zone');

/** Absent in archives written before incidents had labels. */
const labels = { archive: z.array(z.string()).default([]), stored: z.unknown().transform(readLabels) } satisfies RecordField;

export const INCIDENT_FIELDS = {
  id: requiredText,
  title: text,
  severity: oneOf(SEVERITIES, UNKNOWN_SEVERITY),
  status: oneOf(STATUSES, STATUSES[0]),
  createdAt: instant,
  detectedAt: instantOrNull,
  impactStartedAt: instantOrNull,
  mitigatedAt: instantOrNull,
  resolvedAt: instantOrNull,
  timeZone: { archive: ZoneSchema, stored: StoredText.transform((zone) => zone || STORED_ZONE_FALLBACK) },
  summary: text,
  impact: text,
  commander: text,
  services: labels,
  tags: labels,
  /** Stored, only `true` marks it; the plain view leaves the field out otherwise. */
  reconstructed: { archive: z.boolean().optional(), stored: flag.stored },
} satisfies Record<string, RecordField>;

export const POSTMORTEM_FIELDS = { rootCause: text, wentWell: text, wentWrong: text, gotLucky: text };
