import { describe, expect, it } from 'vitest';
import { savedLabel } from '../savedLabel';

describe('savedLabel', () => {
  it('says Saved only when online with nothing pending', () => {
    expect(savedLabel({ connection: 'online', unsynced: 0, storeError: null })).toEqual({ text: 'Saved', tone: 'ok' });
    expect(savedLabel({ connection: 'online', unsynced: 3, storeError: null })).toEqual({ text: 'Saving… (3)', tone: 'busy' });
    expect(savedLabel({ connection: 'connecting', unsynced: 0, storeError: null }).text).not.toBe('Saved');
    expect(savedLabel({ connection: 'offline', unsynced: 0, storeError: null }).text).not.toBe('Saved');
  });

  it('counts unsaved changes while offline', () => {
    expect(savedLabel({ connection: 'offline', unsynced: 3, storeError: null })).toEqual({ text: 'Offline — 3 changes not saved', tone: 'danger' });
    expect(savedLabel({ connection: 'offline', unsynced: 1, storeError: null }).text).toBe('Offline — 1 change not saved');
  });

  it('puts a store error above everything else', () => {
    const state = { connection: 'online', unsynced: 0, storeError: { file: '/d/warroom.db', reason: 'disk full' } } as const;
    expect(savedLabel(state)).toEqual({ text: 'Not saved: disk full', tone: 'danger' });
  });
});
