import { describe, expect, it } from 'vitest';
import { parseQuickAdd } from '../../../shared/time/quickAdd';
import { formatEditorTime, parseEntryTime } from '../entryTime';

const now = '2026-11-22T03:00:00.000Z'; // 20:00 MST on 21 Nov in Denver
const zone = 'America/Denver';

describe('entry time in the inline editor', () => {
  it('shows the time in the display zone', () => {
    expect(formatEditorTime('2026-11-21T21:25:00.000Z', zone)).toBe('2026-11-21 14:25');
    expect(formatEditorTime('2026-11-21T21:25:00.000Z', 'UTC')).toBe('2026-11-21 21:25');
  });

  it('round-trips the shown form to the same instant', () => {
    const shown = formatEditorTime('2026-11-21T21:25:00.000Z', zone);
    expect(parseEntryTime(shown, { now, zone })).toEqual({ ok: true, occurredAt: '2026-11-21T21:25:00.000Z' });
  });

  it('reads a date and time in the display zone across a DST change', () => {
    // Denver leaves daylight time on 1 Nov 2026: MDT (UTC-6) before, MST (UTC-7) after.
    expect(parseEntryTime('2026-10-31 01:30', { now, zone })).toEqual({ ok: true, occurredAt: '2026-10-31T07:30:00.000Z' });
    expect(parseEntryTime('2026-11-02 01:30', { now, zone })).toEqual({ ok: true, occurredAt: '2026-11-02T08:30:00.000Z' });
    // The repeated hour follows the quick-add bar's rule, so both inputs agree.
    const quick = parseQuickAdd('2026-11-01 01:30 x', { now, zone });
    expect(parseEntryTime('2026-11-01 01:30', { now, zone })).toEqual({ ok: true, occurredAt: quick.ok ? quick.occurredAt : 'unparsed' });
  });

  it('accepts the quick-add leading-time syntax', () => {
    expect(parseEntryTime('-10m', { now, zone })).toEqual({ ok: true, occurredAt: '2026-11-22T02:50:00.000Z' });
    expect(parseEntryTime('14:25', { now, zone })).toEqual({ ok: true, occurredAt: '2026-11-21T21:25:00.000Z' });
  });

  it('refuses text that is not a time, with a message', () => {
    const result = parseEntryTime('soon', { now, zone });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/time/i);
    expect(parseEntryTime('', { now, zone }).ok).toBe(false);
    expect(parseEntryTime('25:99', { now, zone }).ok).toBe(false);
  });
});
