// Alert intake as a real host's local clients see it: told once when an alert opens an incident
// (the desktop notifies from it; a repeat that appends tells nobody), and the tokens with their
// source and routing rule (never a secret), which Settings lists and revokes.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertOpenedNotice, type AlertOpenedIncident } from '../../../../shared/protocol/alertNotice';
import type { RunningHost } from '../../host';
import { RpcClient, waitFor, wsBase } from '../../test/helpers';
import { postIntake, startIntakeHost } from './intakeHelpers';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/alertmanager.json', import.meta.url), 'utf8')) as {
  alerts: Array<{ labels: Record<string, string>; startsAt: string; fingerprint: string }>;
};
const genericAlert = { title: 'Search slow', severity: 'warning', service: 'search', dedupKey: 'search-latency', status: 'firing', time: '2026-12-06T20:15:00Z' };
/** The fixture's alert at severity "error", which maps to SEV2. */
const errorAlert = { ...fixture, alerts: fixture.alerts.map((a) => ({ ...a, labels: { ...a.labels, severity: 'error' } })) };

describe('alert intake seen by local clients', () => {
  let host: RunningHost;
  let rpc: RpcClient;

  beforeAll(async () => {
    ({ host } = await startIntakeHost());
    rpc = await RpcClient.connect(wsBase(host.url), host.token);
  });
  afterAll(async () => {
    rpc.close();
    await host.close();
  });

  const opened = () => rpc.events.filter((e) => e.name === 'onAlertOpenedIncident').map((e) => e.payload as AlertOpenedIncident);

  it('is sent once with the severity, the tool and the title, and not for a repeat that appends', async () => {
    const { secret } = host.intakeTokens!.create('alertmanager', { route: 'new' });
    const first = await postIntake(host.url, 'alertmanager', secret, errorAlert);
    expect(first.status).toBe(200);
    const id = first.body.opened?.[0];
    await waitFor(() => opened().length === 1, 10_000, 'the opened event');
    expect(opened()[0]).toEqual({ incidentId: id, title: 'HighErrorRate on checkout', severity: 'SEV2', source: 'Alertmanager' });
    expect(alertOpenedNotice(opened()[0] as AlertOpenedIncident)).toBe('SEV2 opened from Alertmanager: HighErrorRate on checkout');

    const later = { ...errorAlert, alerts: errorAlert.alerts.map((a) => ({ ...a, startsAt: '2026-12-06T20:30:00Z' })) };
    const repeat = await postIntake(host.url, 'alertmanager', secret, later);
    expect(repeat.body).toMatchObject({ opened: [], appended: [id] });
    // A second alert of another service opens its own incident: its event proves the first repeat sent none.
    const other = { ...errorAlert, alerts: errorAlert.alerts.map((a) => ({ ...a, fingerprint: 'f0f0f0f0f0f0f0f0', labels: { ...a.labels, alertname: 'DiskFull', service: 'search' } })) };
    const second = await postIntake(host.url, 'alertmanager', secret, { ...other, groupKey: '{}:{alertname="DiskFull"}' });
    await waitFor(() => opened().length >= 2, 10_000, 'the second opened event');
    expect(opened().map((o) => o.incidentId)).toEqual([id, second.body.opened?.[0]]);
    expect(opened()[1]?.title).toBe('DiskFull on search');
  });

  it('lists each token with its source and rule, without its secret, and revokes one', async () => {
    const tokens = host.intakeTokens;
    if (!tokens) throw new Error('no intake tokens');
    const am = tokens.create('alertmanager', { route: 'new' });
    const generic = tokens.create('generic', { route: 'append', service: 'search' });

    const listed = await rpc.value<Array<Record<string, unknown>>>('listIntakeTokens');
    expect(listed.slice(-2)).toEqual([
      expect.objectContaining({ id: am.id, source: 'alertmanager', route: 'new', service: null, titleTemplate: '{{alertname}} on {{service}}', revokedAt: null }),
      expect.objectContaining({ id: generic.id, source: 'generic', route: 'append', service: 'search', revokedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(generic.secret);

    expect((await postIntake(host.url, 'generic', generic.secret, genericAlert)).status).toBe(200);
    expect(await rpc.value('revokeIntakeToken', { id: generic.id })).toEqual({ revoked: true });
    expect(await rpc.value('revokeIntakeToken', { id: generic.id })).toEqual({ revoked: false });
    expect((await postIntake(host.url, 'generic', generic.secret, genericAlert)).status).toBe(401);
    const after = await rpc.value<Array<{ id: string; revokedAt: string | null }>>('listIntakeTokens');
    expect(after.find((t) => t.id === generic.id)?.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(after.find((t) => t.id === am.id)?.revokedAt).toBeNull();
  });

  it('mints a token with its rule over RPC, whose secret works once pasted into the tool', async () => {
    const minted = await rpc.value<{ id: string; secret: string; path: string }>('createIntakeToken', { source: 'generic', route: 'append', service: 'payments' });
    expect(minted.path).toBe('/intake/generic');
    const listed = await rpc.value<Array<{ id: string; route: string; service: string | null }>>('listIntakeTokens');
    expect(listed.find((t) => t.id === minted.id)).toMatchObject({ route: 'append', service: 'payments' });
    expect(JSON.stringify(listed)).not.toContain(minted.secret);
    const posted = await postIntake(host.url, 'generic', minted.secret, { ...genericAlert, dedupKey: 'payments-down', service: undefined, title: 'Payments down' });
    expect(posted.status).toBe(200);
    expect(posted.body.opened).toHaveLength(1);
    const unknownSource = await rpc.call('createIntakeToken', { source: 'nagios', route: 'new' });
    expect(unknownSource.ok).toBe(false);
  });
});
