import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDecisions } from '../../../../shared/model/decisions';
import { readIncident } from '../../../../shared/model/doc';
import { connectSync, waitFor, wsBase } from '../../test/helpers';
import type { RunningHost } from '../../host';
import type { IntakeTokens } from '../intakeTokens';
import { MAX_INTAKE_BODY_BYTES } from '../intakeEndpoint';
import { eventTexts, onDisk, postIntake, startIntakeHost } from './intakeHelpers';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

const generic = (over: Record<string, unknown> = {}) => ({
  title: 'Checkout error rate over 5%',
  severity: 'critical',
  service: 'checkout',
  dedupKey: 'checkout-errors',
  status: 'firing',
  time: '2026-12-06T20:15:00Z',
  link: 'https://grafana.example.com/d/checkout',
  labels: { region: 'eu-west-1' },
  annotations: { runbook: 'https://runbooks.example.com/checkout' },
  ...over,
});

describe('alert intake endpoint', () => {
  let host: RunningHost;
  let dataDir: string;
  let tokens: IntakeTokens;

  beforeAll(async () => {
    ({ host, dataDir } = await startIntakeHost());
    if (!host.intakeTokens) throw new Error('no intake tokens');
    tokens = host.intakeTokens;
  });
  afterAll(() => host.close());

  it('opens an incident from a generic alert, then appends repeats and the resolution to it, live', async () => {
    const { secret } = tokens.create('generic', { route: 'new' });
    const first = await postIntake(host.url, 'generic', secret, generic());
    expect(first.status).toBe(200);
    expect(first.body.opened).toHaveLength(1);
    const id = first.body.opened?.[0] as string;
    const opened = onDisk(dataDir).summaries.find((s) => s.id === id);
    expect(opened).toMatchObject({ title: 'Checkout error rate over 5%', severity: 'SEV1', status: 'investigating', startedAt: '2026-12-06T20:15:00.000Z' });

    // A timeline open in a client sees what intake writes next, without reloading.
    const client = connectSync(wsBase(host.url), host.token, id);
    await client.synced();
    const [entry] = eventTexts(client.doc);
    expect(entry?.occurredAt).toBe('2026-12-06T20:15:00.000Z');
    expect(entry?.text).toContain('`region=eu-west-1`');
    expect(entry?.text).toContain('Runbook: https://runbooks.example.com/checkout');
    expect(entry?.text).toContain('<https://grafana.example.com/d/checkout>');
    expect(entry?.text).toMatch(/Source: generic, fingerprint `checkout-errors`/);

    // The same delivery again (a retry) writes nothing; the same key firing again appends.
    expect((await postIntake(host.url, 'generic', secret, generic())).body).toMatchObject({ opened: [], appended: [id], entries: 0 });
    const again = await postIntake(host.url, 'generic', secret, generic({ time: '2026-12-06T20:45:00Z' }));
    expect(again.body).toMatchObject({ opened: [], appended: [id], entries: 1 });
    await waitFor(() => eventTexts(client.doc).length === 2, 10_000, 'the repeat to reach the open timeline');

    const resolved = await postIntake(host.url, 'generic', secret, generic({ status: 'resolved', time: '2026-12-06T21:05:00Z' }));
    expect(resolved.body).toMatchObject({ opened: [], appended: [id], entries: 1 });
    await waitFor(() => readDecisions(client.doc).length === 1, 10_000, 'the mitigation proposal to reach the open timeline');
    const resolution = eventTexts(client.doc).at(-1);
    expect(resolution?.occurredAt).toBe('2026-12-06T21:05:00.000Z');
    expect(resolution?.text).toMatch(/^\*\*Alert resolved\*\*/);
    // Proposed, never forced: the incident stays where the people left it.
    expect(readDecisions(client.doc)[0]).toMatchObject({ status: 'proposed' });
    expect(readDecisions(client.doc)[0]?.question).toMatch(/^Mark the incident mitigated\?/);
    expect(readIncident(client.doc)).toMatchObject({ status: 'investigating', mitigatedAt: null, detectedAt: '2026-12-06T20:15:00.000Z' });
    client.destroy();
    expect(onDisk(dataDir).summaries.filter((s) => s.title === 'Checkout error rate over 5%')).toHaveLength(1);
  });

  it('route "append" gathers alerts of one service into its open incident', async () => {
    const { secret } = tokens.create('generic', { route: 'append' });
    const a = await postIntake(host.url, 'generic', secret, generic({ dedupKey: 'search-latency', service: 'search', title: 'Search slow' }));
    const b = await postIntake(host.url, 'generic', secret, generic({ dedupKey: 'search-5xx', service: 'search', title: 'Search 5xx' }));
    expect(a.body.opened).toHaveLength(1);
    expect(b.body).toMatchObject({ opened: [], appended: a.body.opened });
    // Route "new" opens one incident per dedup key, even for the same service.
    const own = tokens.create('generic', { route: 'new' }).secret;
    const c = await postIntake(host.url, 'generic', own, generic({ dedupKey: 'search-disk', service: 'search', title: 'Search disk' }));
    expect(c.body.opened).toHaveLength(1);
    // A resolution with no open incident has nothing to resolve.
    expect((await postIntake(host.url, 'generic', own, generic({ dedupKey: 'never-fired', status: 'resolved' }))).body).toMatchObject({ ignored: 1, entries: 0 });
  });

  it('reads Grafana and PagerDuty payloads written from their documentation', async () => {
    const grafana = await postIntake(host.url, 'grafana', tokens.create('grafana', { route: 'new' }).secret, fixture('grafana.json'));
    expect(grafana.status).toBe(200);
    const g = onDisk(dataDir);
    const gid = grafana.body.opened?.[0] as string;
    expect(g.summaries.find((s) => s.id === gid)).toMatchObject({ title: 'DiskFull on ledger-db', severity: 'SEV1' });
    // +01:00 in the payload: stored in UTC.
    expect(eventTexts(g.doc(gid))[0]).toMatchObject({ occurredAt: '2026-12-06T21:14:30.000Z' });
    expect(eventTexts(g.doc(gid))[0]?.text).toContain('<https://grafana.example.com/alerting/grafana/aaa/view>');

    const pd = await postIntake(host.url, 'pagerduty', tokens.create('pagerduty', { route: 'new' }).secret, fixture('pagerduty.json'));
    expect(pd.status).toBe(200);
    const pid = pd.body.opened?.[0] as string;
    const p = onDisk(dataDir);
    expect(p.summaries.find((s) => s.id === pid)).toMatchObject({ title: 'Payments API latency over 2 s', severity: 'SEV1' });
    expect(eventTexts(p.doc(pid))[0]?.text).toContain('fingerprint `d3640fbd41094207a1c11e58e46b1662`');
  });

  it('takes alerts on the room listener too', async () => {
    const base = host.room?.url as string;
    const posted = await postIntake(base, 'generic', tokens.create('generic', { route: 'new' }).secret, generic({ dedupKey: 'via-room', title: 'Via room' }));
    expect(posted.status).toBe(200);
    expect(posted.body.opened).toHaveLength(1);
  });

  it('refuses bad requests with a reason, writes nothing for them, and stays up', async () => {
    const good = tokens.create('generic', { route: 'new' }).secret;
    const revoked = tokens.create('generic', { route: 'new' });
    tokens.revoke(revoked.id);
    const otherSource = tokens.create('alertmanager', { route: 'new' }).secret;
    const before = onDisk(dataDir);
    const cases: Array<[string, () => Promise<{ status: number; body: { reason?: string } }>, number, RegExp]> = [
      ['no token', () => postIntake(host.url, 'generic', null, generic()), 401, /Bearer/],
      ['an unknown token', () => postIntake(host.url, 'generic', 'x'.repeat(43), generic()), 401, /unknown or revoked/],
      ['a revoked token', () => postIntake(host.url, 'generic', revoked.secret, generic()), 401, /unknown or revoked/],
      ["another source's token", () => postIntake(host.url, 'generic', otherSource, generic()), 401, /for \/intake\/alertmanager/],
      ['an unknown source', () => postIntake(host.url, 'nagios', good, generic()), 400, /unknown source "nagios"/],
      ['a wrong content type', () => postIntake(host.url, 'generic', good, generic(), { 'Content-Type': 'text/plain' }), 400, /Content-Type must be application\/json/],
      ['malformed JSON', () => postIntake(host.url, 'generic', good, '{"title": '), 400, /not JSON/],
      ['a bad time', () => postIntake(host.url, 'generic', good, generic({ time: 'yesterday' })), 400, /^not a generic payload: time: "yesterday" is not an ISO-8601 time/],
      ['a missing field', () => postIntake(host.url, 'generic', good, generic({ dedupKey: undefined })), 400, /dedupKey/],
      ['a bad status', () => postIntake(host.url, 'generic', good, generic({ status: 'exploded' })), 400, /status: status is "firing" or "resolved"/],
      ['a body over 1 MiB', () => postIntake(host.url, 'generic', good, generic({ title: 'x'.repeat(MAX_INTAKE_BODY_BYTES) })), 413, /over 1048576 bytes/],
    ];
    for (const [what, send, status, reason] of cases) {
      const res = await send();
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(res.body.reason, what).toMatch(reason);
    }
    const after = onDisk(dataDir);
    expect(after.summaries).toHaveLength(before.summaries.length);
    expect(after.updates).toBe(before.updates);
    expect((await fetch(`${host.url}/healthz`)).status).toBe(200);
  });
});
