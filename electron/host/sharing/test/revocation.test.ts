// Revocation across processes: `warroom token revoke`, run as its own process while a holder is
// connected, closes the holder within a second of the command returning; and once a revocation is
// committed by any other connection to the store, nothing more the holder sends is stored.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry } from '../../../../shared/model/commands';
import { incidentDocName } from '../../../../shared/protocol/api';
import { ROOM_CLOSE } from '../../../../shared/protocol/room';
import { IncidentStore } from '../../store';
import { buildCli, entryTextsOnDisk, waitFor } from '../../test/helpers';
import { RoomTokens } from '../roomTokens';
import { roomClient, startSharedHost, type SharedHost } from './roomHelpers';

/** The bound a revocation made by another process must meet: the same second the team server holds across instances (the measured latency is printed; tens of ms when the machine is quiet). */
const REVOCATION_LATENCY_LIMIT_MS = 1_000;
const TRIALS = 5;
const WRITES_AFTER_REVOKE = 20;

describe('revocation by another process', () => {
  let shared: SharedHost;
  let cli = '';

  beforeAll(async () => {
    [shared, cli] = await Promise.all([startSharedHost(), buildCli()]);
  });
  afterAll(async () => {
    rmSync(cli, { force: true });
    await shared.host.close();
  });

  it('closes the holder within a second of `warroom token revoke` reporting the revocation', async () => {
    const latencies: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const { id, secret } = shared.tokens.create({ role: 'responder', incidentId: shared.incidentId, name: `Holder ${trial}` });
      const holder = roomClient(shared.roomWs, secret, shared.incidentId);
      await holder.synced();
      let closedAt = 0;
      holder.provider.configuration.websocketProvider.on('close', () => (closedAt ||= performance.now()));
      // The command prints "revoked ID" right after its commit: from then on the user holds it done.
      const printed = await new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, [cli, 'token', 'revoke', id, '--data-dir', shared.dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
        child.once('error', reject);
        child.stdout.once('data', () => resolve(performance.now()));
        child.once('exit', (code) => code !== 0 && reject(new Error(`token revoke exited ${code}`)));
      });
      await waitFor(() => holder.closes.length > 0, 5000, 'the holder closed');
      expect(holder.closes[0]).toEqual(ROOM_CLOSE.tokenRevoked);
      // The close can even be handled before the output is: that counts as no delay.
      latencies.push(Math.max(0, closedAt - printed));
      holder.destroy();
    }
    process.stdout.write(`revocation latency after \`warroom token revoke\` printed its result, ms: ${latencies.map((l) => l.toFixed(1)).join(', ')}\n`);
    expect(Math.max(...latencies)).toBeLessThan(REVOCATION_LATENCY_LIMIT_MS);
  });

  it('closes an idle holder within a second of another connection committing the revocation', async () => {
    const latencies: number[] = [];
    for (let trial = 0; trial < TRIALS * 2; trial++) {
      const { id, secret } = shared.tokens.create({ role: 'observer', incidentId: shared.incidentId });
      const holder = roomClient(shared.roomWs, secret, shared.incidentId);
      await waitFor(() => holder.provider.isSynced, 10_000, 'holder sync');
      let closedAt = 0;
      holder.provider.configuration.websocketProvider.on('close', () => (closedAt ||= performance.now()));
      const other = IncidentStore.open(shared.dataDir);
      new RoomTokens(other).revoke(id);
      const committed = performance.now();
      // Closed only afterwards: closing checkpoints the WAL, which here would block the host's thread too.
      await waitFor(() => holder.closes.length > 0, 5000, 'the holder closed').finally(() => other.close());
      latencies.push(closedAt - committed);
      holder.destroy();
    }
    const sorted = [...latencies].sort((x, y) => x - y);
    process.stdout.write(`revocation latency after another connection's commit, ms: median ${sorted[sorted.length >> 1]?.toFixed(1)}, max ${sorted.at(-1)?.toFixed(1)}\n`);
    expect(Math.max(...latencies)).toBeLessThan(REVOCATION_LATENCY_LIMIT_MS);
  });

  it('stores nothing a holder sends once another connection has committed the revocation', async () => {
    const { id, secret } = shared.tokens.create({ role: 'responder', incidentId: shared.incidentId, name: 'Holder' });
    const holder = roomClient(shared.roomWs, secret, shared.incidentId);
    await holder.synced();
    addEntry(holder.doc, { author: 'Holder' }, { text: 'before the revocation' });
    await holder.synced();

    const other = IncidentStore.open(shared.dataDir);
    try {
      expect(new RoomTokens(other).revoke(id)).toBe(true);
    } finally {
      other.close();
    }
    // Sent at once, before the host's watch can have closed the socket.
    for (let i = 0; i < WRITES_AFTER_REVOKE; i++) addEntry(holder.doc, { author: 'Holder' }, { text: `after the revocation ${i}` });
    await waitFor(() => holder.closes.length > 0, 5000, 'the holder closed');
    expect(holder.closes[0]).toEqual(ROOM_CLOSE.tokenRevoked);
    holder.destroy();

    const stored = entryTextsOnDisk(`${shared.dataDir}/warroom.db`, incidentDocName(shared.incidentId));
    expect(stored).toContain('before the revocation');
    expect(stored.filter((t) => t.startsWith('after the revocation'))).toEqual([]);
  });
});
