import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setSeverity, setStatus } from '../commands';
import { readEntries, readIncident } from '../doc';
import type { StatusCadence, StatusUpdate } from '../coordinationTypes';
import { postStatusUpdate, setCadence, snoozeCadence } from '../statusCommands';
import { DEFAULT_CADENCE, cadenceArray, nextUpdateDue, readCadence, readStatusUpdates, statusUpdatesMap, writeStatusUpdates } from '../statusUpdates';
import type { Incident } from '../types';
import { contextFor, openIncident, commandError } from './fixtures';

/** A fake clock the test moves by hand: every command reads the time it is set to. */
function fakeClock(start: string) {
  let now = start;
  return {
    now: () => now,
    set(at: string) {
      now = at;
    },
  };
}

describe('postStatusUpdate', () => {
  it('stores the update and logs a comms entry with its text and audience', () => {
    const { doc, ctx } = openIncident();
    const id = postStatusUpdate(doc, ctx, { audience: 'customers', template: 'investigating', text: 'We are looking into it.' });
    const [update] = readStatusUpdates(doc);
    expect(update).toMatchObject({ id, audience: 'customers', template: 'investigating', text: 'We are looking into it.', postedBy: 'ana' });
    const entry = readEntries(doc).find((e) => e.id === update?.entryId);
    expect(entry).toMatchObject({ kind: 'comms', occurredAt: update?.postedAt, text: 'Status update (customers, investigating):\n\nWe are looking into it.' });
  });

  it('refuses an empty text or unknown audience and writes nothing', () => {
    const { doc, ctx } = openIncident();
    expect(commandError(() => postStatusUpdate(doc, ctx, { audience: 'internal', template: 'identified', text: '  ' }))).toMatchObject({ field: 'text' });
    expect(commandError(() => postStatusUpdate(doc, ctx, { audience: 'press' as never, template: 'identified', text: 'x' }))).toMatchObject({ field: 'audience' });
    expect(commandError(() => postStatusUpdate(doc, ctx, { audience: 'internal', template: 'done' as never, text: 'x' }))).toMatchObject({ field: 'template' });
    expect(readStatusUpdates(doc)).toEqual([]);
  });
});

describe('cadence settings and snoozes', () => {
  it('starts at the defaults: SEV1 30, SEV2 60, SEV3 240, SEV4 none', () => {
    const { doc } = openIncident();
    expect(readCadence(doc)).toEqual({ minutesBySeverity: { SEV1: 30, SEV2: 60, SEV3: 240, SEV4: null }, snoozes: [] });
    expect(DEFAULT_CADENCE).toEqual(readCadence(new Y.Doc()));
  });

  it('sets and clears a severity cadence, logging each change', () => {
    const { doc, ctx } = openIncident();
    setCadence(doc, ctx, 'SEV1', 15);
    setCadence(doc, ctx, 'SEV1', 15); // no-op
    setCadence(doc, ctx, 'SEV3', null);
    expect(readCadence(doc).minutesBySeverity).toEqual({ SEV1: 15, SEV2: 60, SEV3: null, SEV4: null });
    expect(cadenceArray(doc).length).toBe(2);
    const texts = readEntries(doc).filter((e) => e.kind === 'comms').map((e) => e.text);
    expect(texts).toEqual(['Status cadence for SEV1: an update every 15 min', 'Status cadence for SEV3: no regular updates']);
    expect(commandError(() => setCadence(doc, ctx, 'SEV1', 0))).toMatchObject({ field: 'minutes' });
    expect(commandError(() => setCadence(doc, ctx, 'SEV1', 2.5))).toMatchObject({ field: 'minutes' });
    expect(commandError(() => setCadence(doc, ctx, 'SEV9' as never, 5))).toMatchObject({ field: 'severity' });
  });

  it('logs a snooze on the timeline with its minutes and reason', () => {
    const { doc } = openIncident();
    const clock = fakeClock('2026-11-21T20:20:00.000Z');
    snoozeCadence(doc, { author: 'ben', now: clock.now }, { minutes: 15, reason: ' waiting for restore ETA ' });
    expect(readCadence(doc).snoozes).toEqual([{ by: 'ben', at: '2026-11-21T20:20:00.000Z', until: '2026-11-21T20:35:00.000Z', reason: 'waiting for restore ETA' }]);
    const entry = readEntries(doc).find((e) => e.kind === 'comms');
    expect(entry).toMatchObject({ author: 'ben', occurredAt: '2026-11-21T20:20:00.000Z', text: 'Status update snoozed 15 min: waiting for restore ETA' });
  });

  it('refuses a snooze without a reason or with a silly length, keeping nothing', () => {
    const { doc, ctx } = openIncident();
    expect(commandError(() => snoozeCadence(doc, ctx, { minutes: 15, reason: ' ' }))).toMatchObject({ field: 'reason' });
    expect(commandError(() => snoozeCadence(doc, ctx, { minutes: 0, reason: 'x' }))).toMatchObject({ field: 'minutes' });
    expect(commandError(() => snoozeCadence(doc, ctx, { minutes: 5000, reason: 'x' }))).toMatchObject({ field: 'minutes' });
    expect(readCadence(doc).snoozes).toEqual([]);
  });
});

describe('nextUpdateDue with a fake clock', () => {
  // The fixture incident: SEV2, impact started 2026-11-21T20:00Z.
  function due(doc: Y.Doc): string | null {
    return nextUpdateDue({ incident: readIncident(doc) as Incident, cadence: readCadence(doc), updates: readStatusUpdates(doc) });
  }

  it('counts from the incident start when no update was sent', () => {
    const { doc } = openIncident();
    expect(due(doc)).toBe('2026-11-21T21:00:00.000Z');
  });

  it('counts from the last update sent', () => {
    const { doc } = openIncident();
    const clock = fakeClock('2026-11-21T20:40:00.000Z');
    postStatusUpdate(doc, { author: 'ana', now: clock.now }, { audience: 'internal', template: 'investigating', text: 'first' });
    clock.set('2026-11-21T21:10:00.000Z');
    postStatusUpdate(doc, { author: 'ana', now: clock.now }, { audience: 'customers', template: 'investigating', text: 'second' });
    expect(due(doc)).toBe('2026-11-21T22:10:00.000Z');
  });

  it('uses the current severity when it changes mid-incident', () => {
    const { doc } = openIncident();
    const clock = fakeClock('2026-11-21T20:10:00.000Z');
    postStatusUpdate(doc, { author: 'ana', now: clock.now }, { audience: 'internal', template: 'investigating', text: 'first' });
    expect(due(doc)).toBe('2026-11-21T21:10:00.000Z');
    clock.set('2026-11-21T20:25:00.000Z');
    setSeverity(doc, { author: 'ana', now: clock.now }, 'SEV1');
    expect(due(doc)).toBe('2026-11-21T20:40:00.000Z');
    setSeverity(doc, { author: 'ana', now: clock.now }, 'SEV4');
    expect(due(doc)).toBeNull();
  });

  it('pushes the deadline to a later snooze, and ignores an earlier one', () => {
    const { doc } = openIncident();
    const clock = fakeClock('2026-11-21T20:50:00.000Z');
    snoozeCadence(doc, { author: 'ben', now: clock.now }, { minutes: 30, reason: 'waiting for restore ETA' });
    expect(due(doc)).toBe('2026-11-21T21:20:00.000Z');
    clock.set('2026-11-21T20:55:00.000Z');
    snoozeCadence(doc, { author: 'ben', now: clock.now }, { minutes: 1, reason: 'changed my mind' });
    // The latest snooze ends before the regular deadline, so the deadline stands.
    expect(due(doc)).toBe('2026-11-21T21:00:00.000Z');
  });

  it('treats a snooze made before the last update as spent', () => {
    const { doc } = openIncident();
    const clock = fakeClock('2026-11-21T20:50:00.000Z');
    snoozeCadence(doc, { author: 'ben', now: clock.now }, { minutes: 120, reason: 'waiting' });
    clock.set('2026-11-21T21:00:00.000Z');
    postStatusUpdate(doc, { author: 'ana', now: clock.now }, { audience: 'internal', template: 'identified', text: 'ETA known' });
    expect(due(doc)).toBe('2026-11-21T22:00:00.000Z');
  });

  it('is null once resolved', () => {
    const { doc } = openIncident();
    setStatus(doc, contextFor('ana', '2026-11-21T23:00:00.000Z'), 'resolved');
    expect(due(doc)).toBeNull();
  });

  it('follows a configured cadence', () => {
    const { doc, ctx } = openIncident();
    setCadence(doc, ctx, 'SEV2', 20);
    expect(due(doc)).toBe('2026-11-21T20:20:00.000Z');
  });
});

describe('readers and archive', () => {
  it('round-trips updates and cadence through writeStatusUpdates', () => {
    const { doc } = openIncident();
    const clock = fakeClock('2026-11-21T20:30:00.000Z');
    const ctx = { author: 'ana', now: clock.now };
    postStatusUpdate(doc, ctx, { audience: 'internal', template: 'investigating', text: 'one' });
    clock.set('2026-11-21T20:31:00.000Z');
    setCadence(doc, ctx, 'SEV4', 480);
    snoozeCadence(doc, ctx, { minutes: 10, reason: 'ETA soon' });
    const updates = readStatusUpdates(doc);
    const cadence = readCadence(doc);
    const copy = new Y.Doc();
    copy.transact(() => writeStatusUpdates(copy, updates, cadence));
    expect(readStatusUpdates(copy)).toEqual(updates);
    expect(readCadence(copy)).toEqual(cadence);
  });

  it('writes nothing for a default cadence and no updates', () => {
    const copy = new Y.Doc();
    writeStatusUpdates(copy, [], structuredClone(DEFAULT_CADENCE) as StatusCadence);
    expect(cadenceArray(copy).length).toBe(0);
  });

  it('reads damaged values as empty, sorted by postedAt', () => {
    const doc = new Y.Doc();
    const later: Omit<StatusUpdate, 'id'> = { audience: 'customers', template: 'identified', text: 'b', postedBy: 'x', postedAt: '2026-11-21T21:00:00.000Z', entryId: 'e2' };
    statusUpdatesMap(doc).set('b', JSON.stringify(later));
    statusUpdatesMap(doc).set('a', JSON.stringify({ ...later, audience: 'martians', postedAt: '2026-11-21T20:00:00.000Z' }));
    statusUpdatesMap(doc).set('z', 'not json');
    cadenceArray(doc).push([{ type: 'minutes', severity: 'SEV1', minutes: -3 } as never, 'junk' as never, { type: 'snooze' } as never]);
    expect(readStatusUpdates(doc).map((u) => [u.id, u.audience])).toEqual([
      ['a', 'internal'],
      ['b', 'customers'],
    ]);
    expect(readCadence(doc)).toEqual(DEFAULT_CADENCE);
  });

  it('two replicas changing the cadence at once converge', () => {
    const { doc: left } = openIncident();
    const right = new Y.Doc();
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
    setCadence(left, contextFor('ana'), 'SEV1', 10);
    setCadence(right, contextFor('ben'), 'SEV1', 45);
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left, Y.encodeStateVector(right)));
    Y.applyUpdate(left, Y.encodeStateAsUpdate(right, Y.encodeStateVector(left)));
    expect(readCadence(left)).toEqual(readCadence(right));
    expect(cadenceArray(left).length).toBe(2);
  });
});
