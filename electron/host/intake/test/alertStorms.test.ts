// A storm through the real endpoint: hundreds of distinct alerts of one Alertmanager group become
// one incident and one entry per minute, each counting every alert it stands for, with nothing
// counted twice on a re-delivery and nothing lost when the host stops.
import { describe, expect, it } from 'vitest';
import { withGroupCount } from '../alertStorms';
import { eventTexts, onDisk, postIntake, startIntakeHost } from './intakeHelpers';

const GROUP_KEY = '{}:{alertname="DiskFull"}';

function stormPayload(from: number, count: number, minute: string) {
  return {
    version: '4',
    status: 'firing',
    groupKey: GROUP_KEY,
    alerts: Array.from({ length: count }, (_, i) => ({
      status: 'firing',
      labels: { alertname: 'DiskFull', service: 'storage', severity: 'critical', instance: `node-${from + i}` },
      annotations: { summary: `disk 99% full on node-${from + i}` },
      startsAt: `2026-12-06T${minute}:${String((from + i) % 60).padStart(2, '0')}.000Z`,
      fingerprint: `fp-${from + i}`,
    })),
  };
}

describe('alert storms', () => {
  it('writes one entry per group per minute, counts every distinct alert once, and shows the counts by the time the host stops', async () => {
    const { host, dataDir } = await startIntakeHost();
    const { secret } = host.intakeTokens?.create('alertmanager', { route: 'new' }) ?? { secret: '' };
    // 300 alerts in 20:15, 200 in 20:16, in batches as Alertmanager sends a group.
    const batches = [stormPayload(0, 150, '20:15'), stormPayload(150, 150, '20:15'), stormPayload(300, 200, '20:16')];
    const replies = [];
    for (const batch of batches) replies.push(await postIntake(host.url, 'alertmanager', secret, batch));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies[0]?.body).toMatchObject({ entries: 1, grouped: 149 });
    expect(replies[0]?.body.opened).toHaveLength(1);
    const incident = replies[0]?.body.opened?.[0] as string;
    expect(replies[1]?.body).toMatchObject({ opened: [], appended: [incident], entries: 0, grouped: 150 });
    expect(replies[2]?.body).toMatchObject({ opened: [], appended: [incident], entries: 1, grouped: 199 });
    // A re-delivery of the first batch adds nothing.
    expect((await postIntake(host.url, 'alertmanager', secret, batches[0])).body).toMatchObject({ entries: 0, grouped: 0 });
    await host.close();

    const disk = onDisk(dataDir);
    expect(disk.summaries).toHaveLength(1);
    const entries = eventTexts(disk.doc(incident));
    expect(entries).toHaveLength(2);
    expect(entries[0]?.text).toContain('**300 alerts** "DiskFull" firing from Alertmanager in the minute from 20:15 UTC');
    expect(entries[1]?.text).toContain('**200 alerts** "DiskFull" firing from Alertmanager in the minute from 20:16 UTC');
    // The first alert's own details stay; the count line sits above them.
    expect(entries[0]?.text).toContain('`instance=node-0`');
  });

  it('replaces the count line instead of adding a second one', () => {
    const group = { incidentId: 'i', groupKey: JSON.stringify(['generic', 'Checkout errors', 'firing']), minute: '2026-12-06T20:15Z', entryId: 'e' };
    const once = withGroupCount('**Alert firing** from a generic webhook: Checkout errors\n\n- Source: generic', group, 2);
    const twice = withGroupCount(once, group, 1234);
    expect(twice.match(/Grouped:/g)).toHaveLength(1);
    expect(twice).toContain('**1,234 alerts** "Checkout errors" firing from a generic webhook in the minute from 20:15 UTC');
    expect(twice.split('\n')[0]).toBe('**Alert firing** from a generic webhook: Checkout errors');
  });
});
