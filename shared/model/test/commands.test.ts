import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_ORIGIN,
  addEntry,
  createIncident,
  editEntry,
  retractEntry,
  setPostmortemSection,
  setSeverity,
  setStatus,
  updateIncident } from '../commands';
import { DOC_SCHEMA_VERSION, entriesMap, metaMap, readEntries, readIncident } from '../doc';
import { readSnapshot } from '../snapshot';
import { contextFor, openIncident, commandError } from './fixtures';

function updatesWhile(doc: Y.Doc, run: () => void): { count: number; origins: unknown[] } {
  const origins: unknown[] = [];
  const onUpdate = (_update: Uint8Array, origin: unknown) => origins.push(origin);
  doc.on('update', onUpdate);
  try {
    run();
  } finally {
    doc.off('update', onUpdate);
  }
  return { count: origins.length, origins };
}

describe('createIncident', () => {
  it('writes meta and an opening status entry in one update', () => {
    const doc = new Y.Doc();
    let id = '';
    const seen = updatesWhile(doc, () => {
      id = createIncident(doc, contextFor('ana'), {
        title: '  DB outage ',
        severity: 'SEV1',
        startedAt: '2026-11-21T19:45:00Z',
        timeZone: 'America/Denver',
        commander: 'ana',
      });
    });
    expect(seen).toEqual({ count: 1, origins: [LOCAL_ORIGIN] });
    const incident = readIncident(doc);
    expect(incident).toMatchObject({
      id,
      title: 'DB outage',
      severity: 'SEV1',
      status: 'investigating',
      createdAt: '2026-11-21T20:00:00.000Z',
      // Detected when declared: a backdated impact start is not when anyone noticed.
      detectedAt: '2026-11-21T20:00:00.000Z',
      impactStartedAt: '2026-11-21T19:45:00.000Z',
      mitigatedAt: null,
      resolvedAt: null,
      timeZone: 'America/Denver',
      commander: 'ana',
      postmortem: { rootCause: '', wentWell: '', wentWrong: '', gotLucky: '' },
    });
    expect(metaMap(doc).get('schemaVersion')).toBe(DOC_SCHEMA_VERSION);
    const entries = readEntries(doc);
    expect(entries.map((e) => [e.occurredAt, e.text])).toEqual([
      ['2026-11-21T19:45:00.000Z', 'Impact started'],
      ['2026-11-21T20:00:00.000Z', 'Incident opened: SEV1, investigating'],
    ]);
    expect(entries[1]).toMatchObject({ kind: 'status', author: 'ana' });
  });

  it('uses the given id and refuses a second incident in the same document', () => {
    const doc = new Y.Doc();
    const input = { id: 'inc-1', title: 'x', severity: 'SEV3' as const, startedAt: '2026-11-21T19:45:00.000Z', timeZone: 'UTC' };
    expect(createIncident(doc, contextFor('ana'), input)).toBe('inc-1');
    expect(commandError(() => createIncident(doc, contextFor('ana'), { ...input, id: 'inc-2' }))).toMatchObject({ code: 'invalid', field: 'id' });
  });

  it.each([
    [{ title: '   ' }, 'title'],
    [{ severity: 'SEV9' }, 'severity'],
    [{ startedAt: '21 Nov 2026' }, 'startedAt'],
    [{ startedAt: '2026-11-21T19:45:00+01:00' }, 'startedAt'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
  ])('rejects bad input %o naming the field', (bad, field) => {
    const doc = new Y.Doc();
    const input = { title: 'x', severity: 'SEV3', startedAt: '2026-11-21T19:45:00.000Z', timeZone: 'UTC', ...bad };
    const error = commandError(() => createIncident(doc, contextFor('ana'), input as never));
    expect(error).toMatchObject({ code: 'invalid', field });
    expect(error.message.length).toBeGreaterThan(0);
    expect(readIncident(doc)).toBeNull();
  });
});

describe('commands need an incident', () => {
  it('refuses writes to an empty document', () => {
    const doc = new Y.Doc();
    const ctx = contextFor('ana');
    expect(commandError(() => addEntry(doc, ctx, { text: 'x' })).code).toBe('no-incident');
    expect(commandError(() => setStatus(doc, ctx, 'resolved')).code).toBe('no-incident');
    expect(commandError(() => updateIncident(doc, ctx, { title: 'y' })).code).toBe('no-incident');
    expect(readSnapshot(doc)).toBeNull();
  });
});

describe('updateIncident', () => {
  it('writes only changed fields and nothing for a no-op', () => {
    const { doc, ctx } = openIncident();
    updateIncident(doc, ctx, { summary: 'Replica fell behind', mitigatedAt: '2026-11-22T04:16:00Z', timeZone: 'Australia/Sydney' });
    expect(readIncident(doc)).toMatchObject({ summary: 'Replica fell behind', mitigatedAt: '2026-11-22T04:16:00.000Z', timeZone: 'Australia/Sydney' });
    expect(updatesWhile(doc, () => updateIncident(doc, ctx, { summary: 'Replica fell behind', title: 'Primary database outage' })).count).toBe(0);
    updateIncident(doc, ctx, { mitigatedAt: null });
    expect(readIncident(doc)?.mitigatedAt).toBeNull();
  });

  it('rejects unknown fields and bad zones', () => {
    const { doc, ctx } = openIncident();
    expect(commandError(() => updateIncident(doc, ctx, { timeZone: 'Nowhere' })).field).toBe('timeZone');
    expect(commandError(() => updateIncident(doc, ctx, { status: 'resolved' } as never)).code).toBe('invalid');
    expect(readIncident(doc)?.status).toBe('investigating');
  });
});

describe('status and severity', () => {
  it('writes the meta change and a status entry in one transaction', () => {
    const { doc, ctx } = openIncident();
    const seen = updatesWhile(doc, () => setStatus(doc, { ...ctx, origin: 'test-origin' }, 'identified'));
    expect(seen).toEqual({ count: 1, origins: ['test-origin'] });
    expect(readIncident(doc)?.status).toBe('identified');
    expect(readEntries(doc).at(-1)).toMatchObject({ kind: 'status', text: 'Status changed: investigating → identified' });

    setSeverity(doc, ctx, 'SEV1');
    expect(readIncident(doc)?.severity).toBe('SEV1');
    expect(readEntries(doc).at(-1)).toMatchObject({ kind: 'status', text: 'Severity changed: SEV2 → SEV1' });
  });

  it('writes nothing when the value is unchanged', () => {
    const { doc, ctx } = openIncident();
    const before = readEntries(doc).length;
    expect(updatesWhile(doc, () => setStatus(doc, ctx, 'investigating')).count).toBe(0);
    expect(updatesWhile(doc, () => setSeverity(doc, ctx, 'SEV2')).count).toBe(0);
    expect(readEntries(doc)).toHaveLength(before);
  });

  it('stamps mitigatedAt and resolvedAt the first time those stages are reached', () => {
    const { doc } = openIncident();
    const ctx = contextFor('ben', '2026-11-22T10:00:00.000Z');
    setStatus(doc, ctx, 'monitoring');
    const mitigatedAt = readIncident(doc)?.mitigatedAt;
    expect(mitigatedAt).toBe('2026-11-22T10:00:00.000Z');
    setStatus(doc, ctx, 'identified');
    setStatus(doc, ctx, 'resolved');
    const incident = readIncident(doc);
    expect(incident?.mitigatedAt).toBe(mitigatedAt);
    expect(incident?.resolvedAt).toBe('2026-11-22T10:00:02.000Z');
  });

  it('treats resolving straight away as mitigated too', () => {
    const { doc, ctx } = openIncident();
    setStatus(doc, ctx, 'resolved');
    const incident = readIncident(doc);
    expect(incident?.resolvedAt).not.toBeNull();
    expect(incident?.mitigatedAt).toBe(incident?.resolvedAt);
  });

  it('rejects unknown values', () => {
    const { doc, ctx } = openIncident();
    expect(commandError(() => setStatus(doc, ctx, 'done' as never))).toMatchObject({ code: 'invalid', field: 'status' });
    expect(commandError(() => setSeverity(doc, ctx, 'P1' as never))).toMatchObject({ code: 'invalid', field: 'severity' });
  });
});

describe('addEntry', () => {
  it('stores every field and defaults to a note occurring now', () => {
    const { doc, ctx } = openIncident();
    const id = addEntry(doc, ctx, { text: 'Paged the DBA', workstream: ' db ' });
    const entry = readEntries(doc).find((e) => e.id === id);
    expect(entry).toEqual({
      id,
      occurredAt: entry?.recordedAt,
      recordedAt: expect.stringMatching(/^2026-11-21T20:00:0\d\.000Z$/),
      author: 'ana',
      kind: 'note',
      text: 'Paged the DBA',
      workstream: 'db',
      key: false,
      retraction: null,
      history: [],
    });
  });

  it('keeps a backdated occurredAt and sorts by it', () => {
    const { doc, ctx } = openIncident();
    const late = addEntry(doc, ctx, { text: 'restore started', occurredAt: '2026-11-21T21:00:00.000Z' });
    const early = addEntry(doc, ctx, { text: 'rsync started', occurredAt: '2026-11-21T20:30:00Z', kind: 'event', key: true });
    const ids = readEntries(doc).map((e) => e.id);
    expect(ids.indexOf(early)).toBeLessThan(ids.indexOf(late));
    expect(readEntries(doc).find((e) => e.id === early)).toMatchObject({ kind: 'event', key: true, occurredAt: '2026-11-21T20:30:00.000Z' });
  });

  it('is idempotent on id', () => {
    const { doc, ctx } = openIncident();
    const id = addEntry(doc, ctx, { id: '01JDX0000000000000000000AA', text: 'first' });
    editEntry(doc, ctx, id, { text: 'first, edited' });
    const seen = updatesWhile(doc, () => expect(addEntry(doc, ctx, { id, text: 'retry' })).toBe(id));
    expect(seen.count).toBe(0);
    expect(readEntries(doc).filter((e) => e.id === id).map((e) => e.text)).toEqual(['first, edited']);
  });

  it.each([
    [{ text: '' }, 'text'],
    [{ text: ' \n\t ' }, 'text'],
    [{ text: 'x', kind: 'gossip' }, 'kind'],
    [{ text: 'x', occurredAt: 'yesterday' }, 'occurredAt'],
    [{ text: 'x', id: 'has space' }, 'id'],
  ])('rejects %o', (input, field) => {
    const { doc, ctx } = openIncident();
    const before = readEntries(doc).length;
    expect(commandError(() => addEntry(doc, ctx, input as never))).toMatchObject({ code: 'invalid', field });
    expect(readEntries(doc)).toHaveLength(before);
  });
});

describe('editEntry', () => {
  it('records one history item per changed field with the previous value', () => {
    const { doc, ctx } = openIncident();
    const id = addEntry(doc, ctx, { text: 'rsync started', occurredAt: '2026-11-21T20:10:00.000Z' });
    const seen = updatesWhile(doc, () =>
      editEntry(doc, { ...ctx, author: 'ben' }, id, { text: 'rsync started on standby', occurredAt: '2026-11-21T20:05:00.000Z', key: true, kind: 'note' }),
    );
    expect(seen.count).toBe(1);
    const entry = readEntries(doc).find((e) => e.id === id);
    expect(entry).toMatchObject({ text: 'rsync started on standby', occurredAt: '2026-11-21T20:05:00.000Z', key: true, author: 'ana' });
    expect(entry?.history.map(({ by, field, previous }) => ({ by, field, previous }))).toEqual([
      { by: 'ben', field: 'text', previous: 'rsync started' },
      { by: 'ben', field: 'occurredAt', previous: '2026-11-21T20:10:00.000Z' },
      { by: 'ben', field: 'key', previous: false },
    ]);
    expect(new Set(entry?.history.map((h) => h.at)).size).toBe(1);
  });

  it('writes nothing when nothing changes', () => {
    const { doc, ctx } = openIncident();
    const id = addEntry(doc, ctx, { text: 'same' });
    expect(updatesWhile(doc, () => editEntry(doc, ctx, id, { text: 'same', workstream: '' })).count).toBe(0);
  });

  it('refuses unknown entries, empty text and retracted entries', () => {
    const { doc, ctx } = openIncident();
    const id = addEntry(doc, ctx, { text: 'wrong host' });
    expect(commandError(() => editEntry(doc, ctx, 'nope', { text: 'x' })).code).toBe('not-found');
    expect(commandError(() => editEntry(doc, ctx, id, { text: '  ' }))).toMatchObject({ code: 'invalid', field: 'text' });
    retractEntry(doc, ctx, id, 'typed into the wrong incident');
    expect(commandError(() => editEntry(doc, ctx, id, { text: 'x' })).code).toBe('invalid');
    expect(readEntries(doc).find((e) => e.id === id)?.text).toBe('wrong host');
  });
});

describe('retractEntry', () => {
  it('keeps the entry and records who, when and why', () => {
    const { doc, ctx } = openIncident();
    const id = addEntry(doc, ctx, { text: 'DROP TABLE replicated' });
    retractEntry(doc, { ...ctx, author: 'cy' }, id, '  duplicate of 14:25 entry ');
    const entry = readEntries(doc).find((e) => e.id === id);
    expect(entry?.text).toBe('DROP TABLE replicated');
    expect(entry?.retraction).toEqual({ by: 'cy', at: expect.stringMatching(/Z$/), reason: 'duplicate of 14:25 entry' });
    expect(entriesMap(doc).has(id)).toBe(true);
  });

  it('requires a reason and an existing, unretracted entry', () => {
    const { doc, ctx } = openIncident();
    const id = addEntry(doc, ctx, { text: 'x' });
    expect(commandError(() => retractEntry(doc, ctx, id, ' '))).toMatchObject({ code: 'invalid', field: 'reason' });
    expect(commandError(() => retractEntry(doc, ctx, 'missing', 'why')).code).toBe('not-found');
    retractEntry(doc, ctx, id, 'dup');
    expect(commandError(() => retractEntry(doc, ctx, id, 'again')).code).toBe('invalid');
    expect(readEntries(doc).find((e) => e.id === id)?.retraction?.reason).toBe('dup');
  });
});

describe('setPostmortemSection', () => {
  it('stores Markdown per section and skips no-ops', () => {
    const { doc, ctx } = openIncident();
    setPostmortemSection(doc, ctx, 'rootCause', '## Trigger\nThe link was not severed.');
    expect(readIncident(doc)?.postmortem.rootCause).toBe('## Trigger\nThe link was not severed.');
    expect(updatesWhile(doc, () => setPostmortemSection(doc, ctx, 'rootCause', '## Trigger\nThe link was not severed.')).count).toBe(0);
    expect(commandError(() => setPostmortemSection(doc, ctx, 'lessons' as never, 'x')).field).toBe('section');
  });
});

describe('clock', () => {
  it('refuses a clock that does not give a UTC instant', () => {
    const { doc } = openIncident();
    expect(commandError(() => addEntry(doc, { author: 'a', now: () => 'soon' }, { text: 'x' })).field).toBe('now');
  });

  it('uses the real clock when none is given', () => {
    const { doc } = openIncident();
    const before = new Date().toISOString();
    const id = addEntry(doc, { author: 'a' }, { text: 'x' });
    const recordedAt = readEntries(doc).find((e) => e.id === id)?.recordedAt ?? '';
    expect(recordedAt >= before && recordedAt <= new Date().toISOString()).toBe(true);
  });
});
