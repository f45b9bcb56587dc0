// 10,000 fuzzed frames from bad room clients while a well-behaved responder keeps editing: it is
// never disconnected, every one of its edits is stored, the host keeps serving, and the stored
// document is exactly the good client's.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addEntry } from '../../../../shared/model/commands';
import { readEntries } from '../../../../shared/model/doc';
import { incidentDocName, MAX_MESSAGE_BYTES } from '../../../../shared/protocol/api';
import { IncidentStore } from '../../store';
import { judgeFrame, roomFramePolicy } from '../frameGate';
import { PresenceStamp } from '../presenceStamp';
import { SyncType } from '../roomFrames';
import { frames, rawRoomSocket, roomClient, startSharedHost, type SharedHost } from './roomHelpers';

const FUZZ_FRAMES = 10_000;
/** Frames a bad client pipelines per connection; the first refused one ends it. */
const FRAMES_PER_CONNECTION = 10;
const BAD_CLIENTS = 4;
const OVERSIZED_FRAMES = 3;
const GOOD_EDIT_MS = 25;
const SEED = 20_261_121;

/** Real frames to truncate and mutate: sync steps, updates and awareness from an unrelated doc. */
function realFrames(docName: string): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [frames.step1(docName, doc)];
  doc.on('update', (u: Uint8Array) => out.push(frames.update(docName, u)));
  const fuzz = doc.getMap('fuzz');
  for (let i = 0; i < 8; i++) doc.transact(() => fuzz.set(`k${i}`, new Y.Text(`text ${i}`)));
  fuzz.delete('k1');
  out.push(frames.sync(docName, SyncType.Step2, Y.encodeStateAsUpdate(doc)));
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name: 'Fuzzer', roomRole: 'responder' }, view: 'timeline' });
  out.push(frames.awareness(docName, encodeAwarenessUpdate(awareness, [doc.clientID])));
  awareness.destroy();
  return out;
}

function fuzzFrames(docName: string, count: number): Uint8Array[] {
  const real = realFrames(docName);
  const bytes = (n: number) => fc.uint8Array({ minLength: 0, maxLength: n });
  const pick = fc.integer({ min: 0, max: real.length - 1 }).map((i) => real[i] as Uint8Array);
  const frame = fc.oneof(
    bytes(300),
    fc.tuple(pick, fc.double({ min: 0, max: 1, noNaN: true })).map(([f, cut]) => f.slice(0, Math.floor(f.length * cut))),
    fc.tuple(pick, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })).map(([f, flips]) => {
      const copy = f.slice();
      for (const [at, value] of flips) copy[at % copy.length] = value;
      return copy;
    }),
    // Well-framed sync messages whose update is garbage or has garbage appended.
    fc.tuple(fc.constantFrom(SyncType.Step2, SyncType.Update), bytes(200)).map(([t, junk]) => frames.sync(docName, t, junk)),
    fc.tuple(pick, bytes(16)).map(([f, junk]) => Uint8Array.from([...f, ...junk])),
  );
  return fc.sample(frame, { numRuns: count, seed: SEED });
}

describe('fuzzing the room listener', () => {
  let shared: SharedHost;
  beforeAll(async () => {
    shared = await startSharedHost();
  });
  afterAll(() => shared.host.close());

  it('judges every fuzzed frame without throwing', () => {
    const docName = incidentDocName(shared.incidentId);
    const grant = { tokenId: 't', role: 'responder' as const, incidentId: shared.incidentId, name: 'Fuzzer' };
    const policy = roomFramePolicy(docName, new PresenceStamp(grant), () => ({ stateOf: () => undefined, ownedElsewhere: () => false }));
    const verdicts = fuzzFrames(docName, FUZZ_FRAMES).map((f) => judgeFrame(f, policy));
    expect(verdicts.filter((v) => !v.ok).length).toBeGreaterThan(FUZZ_FRAMES / 2);
  });

  it('keeps a good client undisturbed and the stored document intact under 10,000 fuzzed frames', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const docName = incidentDocName(shared.incidentId);
    const good = roomClient(shared.roomWs, shared.tokens.create({ role: 'responder', incidentId: shared.incidentId, name: 'Good' }).secret, shared.incidentId);
    await good.synced();
    const written: string[] = [];
    let editing = true;
    const editor = (async () => {
      while (editing) {
        const text = `good ${written.length}`;
        addEntry(good.doc, { author: 'Good' }, { text });
        written.push(text);
        await new Promise((r) => setTimeout(r, GOOD_EDIT_MS));
      }
    })();

    const { secret } = shared.tokens.create({ role: 'responder', incidentId: shared.incidentId, name: 'Fuzzer' });
    const queue = fuzzFrames(docName, FUZZ_FRAMES);
    let sent = 0;
    const badClient = async () => {
      while (queue.length > 0) {
        const batch = queue.splice(0, FRAMES_PER_CONNECTION);
        const ws = await rawRoomSocket(shared.roomWs, secret, shared.incidentId);
        ws.on('error', () => {});
        const done = new Promise<void>((resolve) => ws.once('close', () => resolve()));
        for (const f of batch) if (ws.readyState === ws.OPEN) ws.send(f);
        sent += batch.length;
        // Frames that all passed leave the socket open: end it and move on.
        setTimeout(() => ws.terminate(), 200).unref();
        await done;
      }
    };
    await Promise.all(Array.from({ length: BAD_CLIENTS }, badClient));
    for (let i = 0; i < OVERSIZED_FRAMES; i++) {
      const ws = await rawRoomSocket(shared.roomWs, secret, shared.incidentId);
      const code = new Promise<number>((resolve) => ws.once('close', (c) => resolve(c)));
      ws.on('error', () => {});
      ws.send(frames.update(docName, new Uint8Array(MAX_MESSAGE_BYTES + 1)));
      expect(await code).toBe(1009);
      sent++;
    }
    editing = false;
    await editor;
    await good.synced();
    quiet.mockRestore();

    expect(sent).toBeGreaterThanOrEqual(FUZZ_FRAMES);
    expect(good.closes).toEqual([]);
    expect((await fetch(`${shared.host.url}/healthz`)).status).toBe(200);
    const goodTexts = readEntries(good.doc).map((e) => e.text);
    for (const text of written) expect(goodTexts).toContain(text);

    // What is stored, read back by a fresh store, is the good client's document.
    good.destroy();
    await shared.host.close();
    const store = IncidentStore.open(shared.dataDir);
    const stored = store.loadDoc(docName) as Y.Doc;
    store.close();
    expect(Y.equalSnapshots(Y.snapshot(stored), Y.snapshot(good.doc))).toBe(true);
    const storedTexts = readEntries(stored).map((e) => e.text);
    for (const text of written) expect(storedTexts).toContain(text);
    shared = await startSharedHost();
  });
});
