import { beforeEach, describe, expect, it } from 'vitest';
import { useSyncState, waitForSaved } from '../syncState';

beforeEach(() => useSyncState.setState({ connection: 'online', unsynced: 0, storeError: null }));

describe('waitForSaved', () => {
  it('resolves at once when online with nothing unsynced', async () => {
    await expect(waitForSaved(1000)).resolves.toBe('saved');
  });

  it('waits until the host has acknowledged every change', async () => {
    useSyncState.setState({ unsynced: 2 });
    let settled: unknown = null;
    const result = waitForSaved(1000).then((r) => (settled = r));
    useSyncState.setState({ unsynced: 1 });
    await Promise.resolve();
    expect(settled).toBeNull();
    useSyncState.setState({ unsynced: 0 });
    await expect(result).resolves.toBe('saved');
  });

  it('does not report saved while offline even with a zero count', async () => {
    useSyncState.setState({ connection: 'offline', unsynced: 0 });
    const result = await waitForSaved(30);
    expect(result).toEqual({ error: expect.stringContaining('Not connected') });
  });

  it('reports a store error naming the file', async () => {
    useSyncState.setState({ unsynced: 1 });
    const result = waitForSaved(1000);
    useSyncState.setState({ storeError: { file: '/data/warroom.db', reason: 'disk full' } });
    await expect(result).resolves.toEqual({ error: "Can't save: disk full (/data/warroom.db)" });
  });

  it('times out when the host never acknowledges', async () => {
    useSyncState.setState({ unsynced: 3 });
    await expect(waitForSaved(30)).resolves.toEqual({ error: expect.stringContaining('3 change') });
  });
});
