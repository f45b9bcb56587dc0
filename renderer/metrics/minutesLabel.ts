// Durations in the metrics' tables, in the postmortem's words ("2 hours 30 minutes").
import { durationWords } from '../../shared/time/format';

const EPOCH = '1970-01-01T00:00:00.000Z';
const MS_PER_MINUTE = 60_000;

export function minutesLabel(minutes: number | null): string {
  if (minutes === null) return '—';
  return durationWords(EPOCH, new Date(Math.round(minutes) * MS_PER_MINUTE).toISOString());
}

/** Hours with one decimal, for a chart's axis. */
export function hours(minutes: number | null): number | null {
  return minutes === null ? null : Math.round((minutes / 60) * 10) / 10;
}
