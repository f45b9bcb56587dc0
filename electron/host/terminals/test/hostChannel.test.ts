// The /term channel on a real host: the upgrade gate, the RPC methods, commands logged into the
// incident's real timeline, and host.close() ending every shell before the store closes.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readEntries } from '../../../../shared/model/doc';
import { parseAsciicast } from '../../../../shared/terminal/asciicast';
import type { RecordingInfo, TerminalInfo } from '../../../../shared/terminal/protocol';
import { startHost, type RunningHost } from '../../host';
import { connectSync, RpcClient, tempDir, upgradeStatus, waitFor, wsBase } from '../../test/helpers';
import { quietShellSettings, TermClient } from './termHarness';

const INCIDENT = { title: 'Replica lag', severity: 'SEV2', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC', author: 'Priya' };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('terminals on a real host', () => {
  let host: RunningHost;
  let rpc: RpcClient;
  let incidentId: string;
  let termUrl: string;

  beforeAll(async () => {
    host = await startHost({ dataDir: tempDir(), staticDir: null, log: () => {} });
    rpc = await RpcClient.connect(wsBase(host.url), host.token);
    await rpc.value('setSettings', { terminal: quietShellSettings() });
    incidentId = (await rpc.value<{ id: string }>('createIncident', INCIDENT)).id;
    termUrl = `${wsBase(host.url)}/term`;
  });
  afterAll(async () => {
    rpc.close();
    await host.close();
  });

  it('refuses /term without the host token (401) or from a foreign origin (403)', async () => {
    const query = `incident=${incidentId}&cols=80&rows=24&name=x`;
    expect(await upgradeStatus(`${termUrl}?${query}`)).toBe(401);
    expect(await upgradeStatus(`${termUrl}?${query}&token=wrong`)).toBe(401);
    const foreign = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${termUrl}?${query}&token=${host.token}`, { headers: { Origin: 'https://evil.example' } });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => {});
    });
    expect(foreign).toBe(403);
  });

  it('serves a terminal, logs its commands to the timeline, and lists it and its recording over RPC', async () => {
    const c = await TermClient.open(termUrl, { token: host.token, incident: incidentId, cols: 80, rows: 24, name: 'db-1', author: 'Priya' });
    const ready = await c.waitForFrame('ready');
    c.send({ t: 'logCommands', on: true });
    c.type('echo replicated-$((5*5))\r');
    await c.waitForOutput('replicated-25');

    const listed = await rpc.value<TerminalInfo[]>('listTerminals', { incidentId });
    expect(listed).toEqual([expect.objectContaining({ id: ready.info.id, name: 'db-1', logCommands: true })]);

    const sync = connectSync(wsBase(host.url), host.token, incidentId);
    await sync.synced();
    await waitFor(() => readEntries(sync.doc).some((e) => e.kind === 'terminal'), 10_000, 'a terminal entry on the timeline');
    const entry = readEntries(sync.doc).find((e) => e.kind === 'terminal');
    expect(entry?.text).toContain('echo replicated-$((5*5))');
    expect(entry?.author).toBe('Priya');
    sync.destroy();

    c.send({ t: 'close' });
    await c.waitForClose();
    const recordings = await rpc.value<RecordingInfo[]>('listRecordings', { incidentId });
    expect(recordings.map((r) => r.id)).toEqual([ready.info.recordingId]);
    const read = await rpc.value<{ content: string; fileName: string }>('readRecording', { incidentId, recordingId: ready.info.recordingId });
    expect(parseAsciicast(read.content).header.title).toBe('db-1');
    const missing = await rpc.call('readRecording', { incidentId, recordingId: '../x' });
    expect(!missing.ok && missing.error.code).toBe('not-found');
  });

  it('ends every shell when the host closes', async () => {
    const c = await TermClient.open(termUrl, { token: host.token, incident: incidentId, cols: 80, rows: 24, name: 'db-2' });
    const ready = await c.waitForFrame('ready');
    c.type('sleep 1000 & echo "bg=$!"\r');
    await c.waitForOutput(/bg=\d+/);
    const bg = Number(/bg=(\d+)/.exec(c.output)?.[1]);
    rpc.close();
    await host.close();
    expect(alive(ready.info.pid as number)).toBe(false);
    expect(alive(bg)).toBe(false);
    // afterAll closes again: close() must tolerate that.
    host = { ...host, close: async () => {} };
  });
});
