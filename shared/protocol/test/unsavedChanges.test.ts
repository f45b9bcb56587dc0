// The saved count against real Y.Docs: a replica's own changes stay unsaved until a persisted state
// vector covers them; a reconnect or a re-sync alone never clears them.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseSavedVector, SavedVectorFeed } from '../savedVector';
import { UnsavedChanges } from '../unsavedChanges';

const FROM_HOST = Symbol('host');
const track = (doc: Y.Doc, includeExisting = false) => new UnsavedChanges(doc, { isFromHost: (origin) => origin === FROM_HOST, includeExisting });
const stateOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));
/** One local transaction, as a command makes one. */
const write = (doc: Y.Doc, text: string) => doc.getMap<string>('entries').set(text, text);

describe('UnsavedChanges', () => {
  it('counts each local change until the persisted vector reaches it, one change at a time', () => {
    const doc = new Y.Doc();
    const unsaved = track(doc);
    write(doc, 'failover started');
    const afterFirst = stateOf(doc);
    write(doc, 'replica promoted');
    expect(unsaved.count).toBe(2);
    unsaved.confirm(afterFirst);
    expect(unsaved.count).toBe(1);
    unsaved.confirm(stateOf(doc));
    expect(unsaved.count).toBe(0);
  });

  it('does not count what the host sent, and a host that holds less confirms nothing', () => {
    const host = new Y.Doc();
    write(host, 'from the room');
    const doc = new Y.Doc();
    const unsaved = track(doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(host), FROM_HOST);
    expect(unsaved.count).toBe(0);
    write(doc, 'mine');
    unsaved.confirm(stateOf(host));
    expect(unsaved.count).toBe(1);
  });

  it('keeps a change unsaved across a reconnect, and trusts only what the next connection says', () => {
    const doc = new Y.Doc();
    const unsaved = track(doc);
    const counts: number[] = [];
    unsaved.onChange((n) => counts.push(n));
    write(doc, 'written while the host was down');
    unsaved.connectionLost();
    expect(unsaved.count).toBe(1);
    const persisted = stateOf(doc);
    unsaved.confirm(persisted);
    expect(counts).toEqual([1, 0]);
    // Said on an earlier connection: a later change at the same client is not taken as covered.
    unsaved.connectionLost();
    write(doc, 'next');
    unsaved.confirm(persisted);
    expect(unsaved.count).toBe(1);
  });

  it('counts everything a replica already held when asked to, until the room confirms it', () => {
    const doc = new Y.Doc();
    write(doc, 'made offline, before the room was joined');
    const unsaved = track(doc, true);
    expect(unsaved.count).toBe(1);
    unsaved.confirm(stateOf(doc));
    expect(unsaved.count).toBe(0);
  });

  it('keeps a change that only deletes unsaved until a later change of this client is confirmed', () => {
    const doc = new Y.Doc();
    const list = doc.getArray<string>('scratch');
    list.push(['a']);
    const unsaved = track(doc);
    list.delete(0, 1);
    expect(unsaved.count).toBe(1);
    unsaved.confirm(stateOf(doc));
    expect(unsaved.count).toBe(1);
    list.push(['b']);
    unsaved.confirm(stateOf(doc));
    expect(unsaved.count).toBe(0);
  });

  it('stops counting once disposed', () => {
    const doc = new Y.Doc();
    const unsaved = track(doc);
    unsaved.dispose();
    write(doc, 'after');
    expect(unsaved.count).toBe(0);
  });
});

describe('SavedVectorFeed', () => {
  it('sends only what grew since the last message on the connection, and nothing when nothing did', () => {
    const feed = new SavedVectorFeed();
    const first = feed.next(new Map([[7, 3], [9, 1]]));
    expect(parseSavedVector(first!)).toEqual(new Map([[7, 3], [9, 1]]));
    expect(feed.next(new Map([[7, 3], [9, 1]]))).toBeNull();
    expect(parseSavedVector(feed.next(new Map([[7, 5], [9, 1]]))!)).toEqual(new Map([[7, 5]]));
  });

  it('reads nothing from a welcome, junk or a vector with a negative clock', () => {
    expect(parseSavedVector('{"type":"room-welcome","roomRole":"responder","name":null}')).toBeNull();
    expect(parseSavedVector('not json')).toBeNull();
    expect(parseSavedVector('{"type":"saved-vector","clocks":[[1,-2]]}')).toBeNull();
  });
});
