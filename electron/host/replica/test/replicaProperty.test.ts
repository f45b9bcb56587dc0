// Property: whatever mix of edits, cut links, restored links and a host loss (A vanishes: B re-hosts,
// C re-points, and A later comes back and re-points too), all three replicas end identical and hold
// every entry anyone wrote. In-process hosts, a fresh incident per run, links through cuttable relays.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry } from '../../../../shared/model/commands';
import { connectSync, waitFor, wsBase, type SyncClient } from '../../test/helpers';
import { Relay } from './relay';
import { converged, createIncident, joinLink, startPeer, startSharingPeer, texts, type Peer } from './replicaHelpers';

const RUNS = 200;
/** About a minute on a quiet two-core machine; three times that while other work loads both cores. */
const REPLICA_PROPERTY_TIMEOUT_MS = 600_000;

/** The name each peer writes under: A hosts, B and C join as 'b' and 'c'. */
const WRITERS = ['a', 'b', 'c'] as const;
type Op = { t: 'add'; who: 0 | 1 | 2; n: number } | { t: 'cut'; who: 1 | 2 } | { t: 'mend'; who: 1 | 2 } | { t: 'kill' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('add' as const), who: fc.constantFrom(0 as const, 1 as const, 2 as const), n: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('cut' as const), who: fc.constantFrom(1 as const, 2 as const) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('mend' as const), who: fc.constantFrom(1 as const, 2 as const) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'kill' as const }) },
);

const stateVector = (doc: Y.Doc) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([x], [y]) => x - y));

describe('replicas under random edits, outages and a host loss (fast-check)', () => {
  let peers: [Peer, Peer, Peer];

  beforeAll(async () => {
    // B shares from the start (idle) so that re-hosting reuses a listener with the lenient rate limit.
    peers = (await Promise.all([startSharingPeer('a'), startSharingPeer('b'), startPeer('c')])) as [Peer, Peer, Peer];
  });
  afterAll(async () => {
    await Promise.all(peers.map((p) => p.close()));
  });

  it(`${RUNS} runs end with identical documents and no lost entry`, async () => {
    const [a, b, c] = peers;
    let run = 0;
    let handovers = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 6 }), async (ops) => {
        run++;
        const incidentId = await createIncident(a);
        const relays: Record<1 | 2, Relay> = { 1: await Relay.start(a.host.room!.port), 2: await Relay.start(a.host.room!.port) };
        const locals: SyncClient[] = [];
        try {
          for (const p of peers) locals.push(connectSync(wsBase(p.host.url), p.host.token, incidentId));
          await Promise.all([
            b.rpc.value('joinRoom', { link: joinLink(a, incidentId, 'responder', relays[1].port), name: 'b' }),
            c.rpc.value('joinRoom', { link: joinLink(a, incidentId, 'responder', relays[2].port), name: 'c' }),
          ]);
          await Promise.all(locals.map((l) => l.synced()));
          await waitFor(() => locals.every((l) => texts(l.doc).length > 0), 10_000, 'the incident everywhere');
          const expected = texts(locals[0]!.doc);
          let killed = false;
          let aLinkAfterKill = '';
          let seq = 0;
          for (const op of ops) {
            if (op.t === 'add') {
              if (killed && op.who === 0) continue; // A is gone; what it wrote before the loss still counts.
              for (let i = 0; i < op.n; i++) {
                const text = `run ${run} ${op.who} #${seq++}`;
                // Each writes under the name it joined with: the room takes records only under that name.
                addEntry(locals[op.who]!.doc, { author: WRITERS[op.who] }, { text });
                expected.push(text);
              }
            } else if (op.t === 'cut') {
              if (!(killed && op.who === 1)) relays[op.who].cut();
            } else if (op.t === 'mend') {
              relays[op.who].mend();
            } else if (!killed) {
              killed = true;
              handovers++;
              relays[1].cut();
              relays[2].cut();
              const hosted = await b.rpc.value<{ link: string; port: number }>('hostRoom', { incidentId, hostname: '127.0.0.1', port: 0 });
              await relays[2].close();
              relays[2] = await Relay.start(hosted.port);
              const viaRelay = hosted.link.replace(/port=\d+/, `port=${relays[2].port}`);
              await c.rpc.value('joinRoom', { link: viaRelay, name: 'c' });
              // A returns later and re-points to the new room, bringing what only it had.
              aLinkAfterKill = hosted.link;
            }
          }
          relays[1].mend();
          relays[2].mend();
          if (killed) await a.rpc.value('joinRoom', { link: aLinkAfterKill, name: 'a' });
          await Promise.all(locals.map((l) => l.synced()));
          await converged(locals.map((l) => l.doc), expected, 20_000);
          await waitFor(() => new Set(locals.map((l) => stateVector(l.doc))).size === 1, 10_000, 'identical state vectors');
          expect(texts(locals[1]!.doc)).toEqual(texts(locals[0]!.doc));
        } finally {
          locals.forEach((l) => l.destroy());
          // Leave, so replicas do not pile up over 200 runs (leaveRoom answers not-found when not joined).
          await Promise.all(peers.map((p) => p.rpc.call('leaveRoom', { incidentId })));
          await Promise.all([relays[1].close(), relays[2].close()]);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The generator really exercised the host loss, not only edits and outages.
    expect(handovers).toBeGreaterThan(RUNS / 10);
  }, REPLICA_PROPERTY_TIMEOUT_MS);
});
