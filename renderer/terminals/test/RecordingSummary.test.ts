import { describe, expect, it } from 'vitest';
import { MAX_REPLAY_BYTES } from '../../../shared/terminal/protocol';
import type { Instant } from '../../../shared/model/types';
import { canReplay, formatBytes, recordingDurationText, recordingStartedText, suggestedFileName, tooLargeToReplayMessage } from '../RecordingSummary';

describe('RecordingSummary', () => {
  it('formats sizes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB');
  });

  it('says short recordings in seconds and long ones in words', () => {
    const startedAt = '2026-11-21T14:00:00.000Z';
    expect(recordingDurationText({ startedAt, durationSeconds: 42.7 })).toBe('42 s');
    expect(recordingDurationText({ startedAt, durationSeconds: 125 })).toBe('2 minutes');
    expect(recordingDurationText({ startedAt, durationSeconds: 2 * 3600 + 300 })).toBe('2 hours 5 minutes');
  });

  it('refuses to replay above the limit and says what to do instead', () => {
    expect(canReplay({ bytes: MAX_REPLAY_BYTES })).toBe(true);
    expect(canReplay({ bytes: MAX_REPLAY_BYTES + 1 })).toBe(false);
    expect(tooLargeToReplayMessage({ title: 'restore', bytes: MAX_REPLAY_BYTES + 1 })).toMatch(/"restore" is too large to replay here \(64\.0 MB.*Save it/);
  });

  it('suggests a file name that carries the title', () => {
    expect(suggestedFileName({ title: 'DB restore #2', fileName: '01JD.cast' })).toBe('db-restore-2-01JD.cast');
    expect(suggestedFileName({ title: '⚙', fileName: '01JD.cast' })).toBe('01JD.cast');
  });

  it('gives the start as a time today and with the day before that, in the incident zone', () => {
    const startedAt = '2026-11-21T23:30:00.000Z' as Instant;
    expect(recordingStartedText(startedAt, 'UTC', '2026-11-21T23:59:00.000Z' as Instant)).toBe('23:30');
    expect(recordingStartedText(startedAt, 'UTC', '2026-11-22T00:10:00.000Z' as Instant)).toBe('2026-11-21 23:30');
    expect(recordingStartedText(startedAt, 'Asia/Tokyo', '2026-11-22T00:10:00.000Z' as Instant)).toBe('08:30');
  });
});
