// 10,000 fuzzed frames from bad room clients while a well-behaved responder keeps editing: it is
// never disconnected, every one of its edits is stored, the host keeps serving, and the stored
// document is exactly the good client's.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addEntry } from '../../../../shared/model/commands';
import { readEntries } from '../../../../shared/model/doc';
import { incidentDocName, MAX_MESSAGE_BYTES } from '../../../../shared/protocol/api';
import { IncidentStore } from '../../store';
import { judgeFrame, roomFramePolicy } from '../frameGate';
import { PresenceStamp } from '../presenceStamp';
import { fuzzFrames } from './fuzzFrames';
import { frames, rawRoomSocket, roomClient, startSharedHost, type SharedHost } from './roomHelpers';

const FUZZ_FRAMES = 10_000;
/** Frames a bad client pipelines per connection; the first refused one ends it. */
const FRAMES_PER_CONNECTION = 10;
const BAD_CLIENTS = 4;
const OVERSIZED_FRAMES = 3;
const GOOD_EDIT_MS = 25;
/** A thousand connections: ~6 s idle, several times that with both cores busy. */
const FUZZ_TEST_TIMEOUT_MS = 180_000;

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
  }, FUZZ_TEST_TIMEOUT_MS);
});
