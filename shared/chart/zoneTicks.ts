// Where the chart's time axis puts its ticks, in the display zone: on whole hours of that zone's
// wall clock and at each of its midnights, so "Sun 1 Nov" sits where the day starts there, across
// a daylight-saving change too. ECharts draws and lays out the axis; this only picks the values
// (its own ticks follow the machine's zone or UTC, never the incident's).
import { DateTime } from 'luxon';
import { ianaZone } from '../time/wallClock';

/** Steps between ticks, in wall-clock hours, smallest first; each divides a day. */
const STEP_HOURS = [0.25, 0.5, 1, 2, 3, 6, 12, 24] as const;
const MS_PER_HOUR = 3_600_000;
const MINUTES_PER_HOUR = 60;
/** Beyond a day per tick the axis shows days at a coarser step. */
const MAX_DAY_STEP = 7;
const DISPLAY_LOCALE = 'en-US';

export interface ZoneTick {
  at: number;
  /** "Sat 31 Oct" at a midnight, "06:00" otherwise. */
  label: string;
  dayStart: boolean;
}

/** At most `maxTicks` ticks between `from` and `to` (epoch ms), on whole wall-clock steps of `zone`. */
export function zoneTicks(from: number, to: number, zone: string, maxTicks: number): ZoneTick[] {
  if (!(to > from) || maxTicks < 1) return [];
  const span = to - from;
  const hours = STEP_HOURS.find((step) => span / (step * MS_PER_HOUR) <= maxTicks);
  const tz = ianaZone(zone);
  const ticks: ZoneTick[] = [];
  let day = DateTime.fromMillis(from, { zone: tz }).startOf('day');
  if (hours === undefined) {
    // Days at a step of several days: still on midnights of the display zone.
    const stepDays = Math.min(MAX_DAY_STEP, Math.ceil(span / (24 * MS_PER_HOUR) / maxTicks));
    for (; day.toMillis() <= to; day = day.plus({ days: stepDays })) push(ticks, day, from, true);
    return ticks;
  }
  const minutes = hours * MINUTES_PER_HOUR;
  for (; day.toMillis() <= to; day = day.plus({ days: 1 })) {
    const next = day.plus({ days: 1 }).toMillis();
    // Wall-clock steps from this midnight (06:00 stays 06:00 on a daylight-saving day); a repeated
    // hour is one tick, a skipped one none.
    for (let m = 0; m < 24 * MINUTES_PER_HOUR; m += minutes) {
      const tick = day.set({ hour: Math.floor(m / MINUTES_PER_HOUR), minute: m % MINUTES_PER_HOUR });
      if (tick.toMillis() >= next) break;
      push(ticks, tick, from, m === 0);
    }
    if (ticks.length > 0 && (ticks[ticks.length - 1] as ZoneTick).at > to) break;
  }
  return ticks.filter((t) => t.at <= to);
}

function push(ticks: ZoneTick[], tick: DateTime, from: number, dayStart: boolean): void {
  const at = tick.toMillis();
  if (at < from) return;
  const last = ticks[ticks.length - 1];
  if (last && last.at >= at) return;
  ticks.push({ at, dayStart, label: dayStart ? tick.setLocale(DISPLAY_LOCALE).toFormat('EEE d MMM') : tick.toFormat('HH:mm') });
}
