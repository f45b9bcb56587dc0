// Fuzzed Hocuspocus frames for one document: random bytes, and real sync and awareness frames
// truncated, bit-flipped, padded, or carrying garbage updates. Seeded, so every run sends the same.
import fc from 'fast-check';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { SyncType } from '../roomFrames';
import { frames } from './roomHelpers';

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

export function fuzzFrames(docName: string, count: number): Uint8Array[] {
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

