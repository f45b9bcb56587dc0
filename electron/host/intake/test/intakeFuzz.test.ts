// 1,000 fuzzed intake requests (mutated and valid payloads, random JSON and text, wrong content
// types, tokens and paths) against a real host: every answer is 200 or a 4xx with a reason, the
// host keeps serving, and what is on disk is exactly what the accepted requests reported.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../host';
import { eventTexts, onDisk, postIntake, startIntakeHost, type Posted } from './intakeHelpers';

const FUZZ_REQUESTS = 1000;
/** Each accepted request may open an incident; on a loaded two-core machine that is ~20 ms apiece. */
const FUZZ_TIMEOUT_MS = 120_000;
/** Requests in flight at once, as several alerting tools would post. */
const CONCURRENCY = 8;
const SEED = 20_261_207;
const REFUSALS = new Set([400, 401, 405, 413, 429]);

const genericAlert = { title: 'Queue depth high', severity: 'warning', service: 'orders', dedupKey: 'queue', status: 'firing', time: '2026-12-06T20:00:00Z' };
const alertmanagerPayload = JSON.parse(readFileSync(new URL('./fixtures/alertmanager.json', import.meta.url), 'utf8')) as { alerts: Array<Record<string, unknown>> };

interface FuzzRequest {
  source: string;
  token: 'generic' | 'alertmanager' | 'wrong' | 'none';
  contentType: string;
  body: string;
}

function fuzzRequests(): FuzzRequest[] {
  const time = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
  const key = fc.string({ minLength: 1, maxLength: 12 });
  const genericBody = fc.oneof(
    fc.tuple(fc.constantFrom(...Object.keys(genericAlert), 'link', 'labels'), fc.anything()).map(([field, value]) => JSON.stringify({ ...genericAlert, [field]: value })),
    fc.tuple(key, time, fc.constantFrom('firing', 'resolved')).map(([dedupKey, at, status]) => JSON.stringify({ ...genericAlert, dedupKey, time: at, status })),
  );
  const alertmanagerBody = fc.oneof(
    fc.tuple(fc.constantFrom('status', 'labels', 'annotations', 'startsAt', 'endsAt', 'fingerprint', 'generatorURL'), fc.anything()).map(([field, value]) =>
      JSON.stringify({ ...alertmanagerPayload, alerts: [{ ...alertmanagerPayload.alerts[0], [field]: value }] }),
    ),
    fc.tuple(key, time).map(([fingerprint, startsAt]) => JSON.stringify({ ...alertmanagerPayload, alerts: [{ ...alertmanagerPayload.alerts[0], fingerprint, startsAt }] })),
  );
  const anyBody = fc.oneof(
    fc.json(),
    fc.string({ maxLength: 200 }),
    fc.tuple(genericBody, fc.double({ min: 0, max: 1, noNaN: true })).map(([body, cut]) => body.slice(0, Math.floor(body.length * cut))),
  );
  const request = fc.oneof(
    { weight: 3, arbitrary: fc.record({ source: fc.constant('generic'), token: fc.constant('generic' as const), contentType: fc.constant('application/json'), body: genericBody }) },
    { weight: 3, arbitrary: fc.record({ source: fc.constant('alertmanager'), token: fc.constant('alertmanager' as const), contentType: fc.constant('application/json'), body: alertmanagerBody }) },
    {
      weight: 2,
      arbitrary: fc.record({
        source: fc.oneof(fc.constantFrom('generic', 'alertmanager', 'grafana', 'pagerduty'), fc.stringMatching(/^[a-z%./]{0,12}$/)),
        token: fc.constantFrom('generic' as const, 'alertmanager' as const, 'wrong' as const, 'none' as const),
        contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', '', 'application/x-www-form-urlencoded'),
        body: fc.oneof(anyBody, genericBody, alertmanagerBody),
      }),
    },
  );
  return fc.sample(request, { numRuns: FUZZ_REQUESTS, seed: SEED });
}

describe('fuzzing alert intake', () => {
  let host: RunningHost;
  let dataDir: string;
  beforeAll(async () => {
    ({ host, dataDir } = await startIntakeHost({ intakeRateLimit: { max: 1_000_000, windowMs: 1000 } }));
  });
  afterAll(() => host.close());

  it('answers 1,000 fuzzed requests with 200 or a reasoned 4xx, stays up, and writes only what it accepted', async () => {
    const tokens = host.intakeTokens;
    if (!tokens) throw new Error('no intake tokens');
    const secrets = { generic: tokens.create('generic', { route: 'new' }).secret, alertmanager: tokens.create('alertmanager', { route: 'new' }).secret, wrong: 'w'.repeat(43), none: null };
    const requests = fuzzRequests();
    const answers: Posted[] = [];
    for (let i = 0; i < requests.length; i += CONCURRENCY) {
      const batch = requests.slice(i, i + CONCURRENCY).map((r) => postIntake(host.url, r.source, secrets[r.token], r.body, { 'Content-Type': r.contentType }));
      answers.push(...(await Promise.all(batch)));
    }
    const accepted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => REFUSALS.has(a.status));
    const figures = { requests: answers.length, accepted: accepted.length, refused: refused.length, other: answers.length - accepted.length - refused.length };
    console.log(`intake fuzz: ${JSON.stringify(figures)}`);
    expect(figures.other).toBe(0);
    expect(refused.every((a) => typeof a.body.reason === 'string' && a.body.reason.length > 0)).toBe(true);
    // Both kinds are exercised, not just one.
    expect(accepted.length).toBeGreaterThan(FUZZ_REQUESTS / 10);
    expect(refused.length).toBeGreaterThan(FUZZ_REQUESTS / 10);

    // On disk: exactly the incidents and event entries the accepted requests reported, nothing more.
    const disk = onDisk(dataDir);
    const opened = new Set(accepted.flatMap((a) => a.body.opened ?? []));
    expect(disk.summaries.map((s) => s.id).sort()).toEqual([...opened].sort());
    const events = disk.summaries.reduce((n, s) => n + eventTexts(disk.doc(s.id)).length, 0);
    expect(events).toBe(accepted.reduce((n, a) => n + (a.body.entries ?? 0), 0));
    expect((await fetch(`${host.url}/healthz`)).status).toBe(200);
  }, FUZZ_TIMEOUT_MS);
});

describe('intake rate limit', () => {
  let host: RunningHost;
  beforeAll(async () => {
    ({ host } = await startIntakeHost({ intakeRateLimit: { max: 3, windowMs: 60_000 } }));
  });
  afterAll(() => host.close());

  it('answers 429 past the limit for one token, while another token still posts', async () => {
    const tokens = host.intakeTokens;
    if (!tokens) throw new Error('no intake tokens');
    const busy = tokens.create('generic', { route: 'new' }).secret;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await postIntake(host.url, 'generic', busy, { ...genericAlert, dedupKey: `k${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await postIntake(host.url, 'generic', busy, genericAlert);
    expect(limited.body.reason).toMatch(/more than 3 requests a second/);
    expect((await postIntake(host.url, 'generic', tokens.create('generic', { route: 'new' }).secret, genericAlert)).status).toBe(200);
  });
});
