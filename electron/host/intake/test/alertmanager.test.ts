// A real Prometheus Alertmanager (Debian's prometheus-alertmanager, installed by .ci/run) posts to
// a real host's /intake/alertmanager, with a token and receiver minted by the built CLI. Alerts go
// in through Alertmanager's own API; the host's incident list and an open timeline are watched
// through their change events.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Disposable } from '../../../../shared/lifecycle/disposable';
import { readDecisions } from '../../../../shared/model/decisions';
import { readIncident } from '../../../../shared/model/doc';
import type { RunningHost } from '../../host';
import { startChild, stopChild } from '../../test/childProcess';
import { buildCli, connectSync, freePort, tempDir, wsBase } from '../../test/helpers';
import { eventTexts, onDisk, startIntakeHost } from './intakeHelpers';

const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';
/** Generous: the machine is shared, and Alertmanager flushes a group at most every GROUP_INTERVAL. */
const EVENT_TIMEOUT_MS = 30_000;
const GROUP_INTERVAL = '1s';
/** A Go binary's start on a loaded 2-core machine. */
const ALERTMANAGER_START_MS = 60_000;

/** Resolves once check() holds, re-checking on each event subscribe() reports (never by sleeping). */
function untilEvent(subscribe: (listener: () => void) => Disposable, check: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let subscription: Disposable | null = null;
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`timed out after ${EVENT_TIMEOUT_MS} ms waiting for ${what}`));
    }, EVENT_TIMEOUT_MS);
    const test = () => {
      if (!check()) return;
      clearTimeout(timer);
      subscription?.dispose();
      resolve();
    };
    subscription = subscribe(test);
    test();
  });
}

interface Alertmanager {
  url: string;
  process: ChildProcess;
  output: string[];
}

async function startAlertmanager(dir: string, receiver: string): Promise<Alertmanager> {
  const port = await freePort();
  const config = path.join(dir, 'alertmanager.yml');
  writeFileSync(
    config,
    [
      'route:',
      '  receiver: warroom',
      "  group_by: ['alertname', 'service']",
      '  group_wait: 100ms',
      `  group_interval: ${GROUP_INTERVAL}`,
      '  repeat_interval: 1h',
      receiver,
      '',
    ].join('\n'),
  );
  mkdirSync(path.join(dir, 'storage'));
  // --cluster.listen-address= turns gossip off: no second port, nothing shared with other runs.
  const output: string[] = [];
  // Ready when it says it listens (its log line), or failed when it exits first.
  const { child, ready } = startChild([ALERTMANAGER, `--config.file=${config}`, `--storage.path=${path.join(dir, 'storage')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='], {
    what: 'alertmanager',
    timeoutMs: ALERTMANAGER_START_MS,
    ready: (line) => (/Listening on/.test(line) ? true : undefined),
    onLine: (line) => output.push(line),
  });
  await ready;
  return { url: `http://127.0.0.1:${port}`, process: child, output };
}

async function postAlerts(am: Alertmanager, alerts: unknown[]): Promise<void> {
  const res = await fetch(`${am.url}/api/v2/alerts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(alerts) });
  if (res.status !== 200) throw new Error(`alertmanager refused the alerts: ${res.status} ${await res.text()}`);
}

const alert = (instance: string, startsAt: string, endsAt?: string) => ({
  labels: { alertname: 'HighErrorRate', service: 'checkout', severity: 'critical', instance },
  annotations: { summary: `5xx over 5% on ${instance}` },
  startsAt,
  ...(endsAt ? { endsAt } : {}),
  generatorURL: 'http://prometheus.example:9090/graph?g0.expr=rate',
});

describe('a real Alertmanager posting to the host', () => {
  let host: RunningHost;
  let dataDir: string;
  let cli = '';
  let am: Alertmanager | null = null;

  beforeAll(async () => {
    if (!existsSync(ALERTMANAGER)) throw new Error(`${ALERTMANAGER} is missing: install the Debian package prometheus-alertmanager (.ci/run does)`);
    ({ host, dataDir } = await startIntakeHost());
    cli = await buildCli();
  });
  afterAll(async () => {
    if (am) await stopChild(am.process, 'SIGTERM');
    await host.close();
    rmSync(cli, { force: true });
  });

  it('opens the incident once, appends the next alert of the service, and appends the resolution', async () => {
    const created = spawnSync(process.execPath, [cli, 'intake', 'token', 'create', '--source', 'alertmanager', '--route', 'append', '--url', host.url, '--data-dir', dataDir], {
      encoding: 'utf8',
    });
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain(`url: ${host.url}/intake/alertmanager`);
    // The receiver exactly as the CLI prints it for pasting into alertmanager.yml.
    const receiver = created.stdout.split('Alertmanager receiver:\n')[1] as string;
    expect(receiver).toMatch(/credentials: [A-Za-z0-9_-]{43}/);
    am = await startAlertmanager(tempDir('warroom-am-'), receiver);

    // The two firings start in different minutes, so each gets its own entry; the two resolutions
    // end in the same minute, so they are one group: one entry that counts both.
    const thisMinute = Math.floor(Date.now() / 60_000) * 60_000;
    const first = new Date(thisMinute - 120_000 + 5_000).toISOString();
    const opened = () => onDisk(dataDir).summaries.filter((s) => s.title === 'HighErrorRate on checkout');
    await postAlerts(am, [alert('web-1', first)]);
    await untilEvent((l) => host.onIncidentsChanged(l), () => opened().length === 1, 'Alertmanager to open the incident');
    const [incident] = opened();
    expect(incident).toMatchObject({ severity: 'SEV1', status: 'investigating' });

    const timeline = connectSync(wsBase(host.url), host.token, incident?.id as string);
    await timeline.synced();
    const onDoc = (listener: () => void) => listen(timeline.doc, 'update', listener);
    expect(eventTexts(timeline.doc).map((e) => e.occurredAt)).toEqual([first]);

    // A second instance of the same alert: Alertmanager re-sends web-1 in the group with web-2.
    const second = new Date(thisMinute - 60_000 + 5_000).toISOString();
    await postAlerts(am, [alert('web-2', second)]);
    await untilEvent(onDoc, () => eventTexts(timeline.doc).length === 2, 'the second alert on the open timeline');
    expect(eventTexts(timeline.doc)[1]?.text).toContain('`instance=web-2`');
    expect(opened()).toHaveLength(1);

    // Resolving both: Alertmanager sends the resolution on its next flush.
    const now = new Date().toISOString();
    await postAlerts(am, [alert('web-1', first, now), alert('web-2', second, now)]);
    const resolutions = () => eventTexts(timeline.doc).filter((e) => e.text.startsWith('**Alert resolved**'));
    await untilEvent(onDoc, () => resolutions()[0]?.text.includes('**2 alerts** "HighErrorRate" resolved') === true, 'both resolutions, counted in one entry');
    expect(resolutions()).toHaveLength(1);
    expect(resolutions()[0]?.text).toMatch(/instance=web-[12]/);
    expect(resolutions()[0]?.text).toMatch(/Source: alertmanager, fingerprint `[0-9a-f]+`/);
    expect(resolutions()[0]?.text).toContain('<http://prometheus.example:9090/graph?g0.expr=rate>');
    // Two resolutions, one proposal: people decide whether the impact ended.
    expect(readDecisions(timeline.doc).map((d) => d.status)).toEqual(['proposed']);
    expect(readIncident(timeline.doc)).toMatchObject({ status: 'investigating', mitigatedAt: null });
    expect(opened()).toHaveLength(1);
    timeline.destroy();
    // Three Alertmanager flushes and one count flush (STORM_FLUSH_MS) on a shared machine.
  }, 90_000);
});
