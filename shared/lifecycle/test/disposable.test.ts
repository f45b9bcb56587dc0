import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDisposableListener, DisposableMap, DisposableStore, interval, listen, MutableDisposable, observe, timeout, toDisposable } from '../disposable';

describe('DisposableStore', () => {
  it('disposes everything it owns once, in the order added', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push('socket')));
    store.add(toDisposable(() => order.push('timer')));
    store.dispose();
    store.dispose();
    expect(order).toEqual(['socket', 'timer']);
    expect(store.isDisposed).toBe(true);
  });

  it('disposes the rest when one throws, then rethrows the first error', () => {
    const store = new DisposableStore();
    let freed = false;
    store.add(toDisposable(() => {
      throw new Error('socket already gone');
    }));
    store.add(toDisposable(() => (freed = true)));
    expect(() => store.dispose()).toThrow('socket already gone');
    expect(freed).toBe(true);
  });

  it('disposes a newcomer at once when the owner is already gone', () => {
    const store = new DisposableStore();
    store.dispose();
    let freed = false;
    store.add(toDisposable(() => (freed = true)));
    expect(freed).toBe(true);
  });

  it('delete frees one early and does not free it again later', () => {
    const store = new DisposableStore();
    let count = 0;
    const one = store.add(toDisposable(() => (count += 1)));
    store.delete(one);
    store.dispose();
    expect(count).toBe(1);
  });
});

describe('listen and timeout', () => {
  it('stops hearing a Y.Doc once disposed', () => {
    const doc = new Y.Doc();
    let heard = 0;
    const listening = listen(doc, 'update', () => (heard += 1));
    doc.getMap('meta').set('title', 'one');
    listening.dispose();
    doc.getMap('meta').set('title', 'two');
    expect(heard).toBe(1);
  });

  it('stops observing a Y type once disposed', () => {
    const doc = new Y.Doc();
    const entries = doc.getMap<string>('entries');
    const changed: string[] = [];
    const observing = observe(entries, (event: Y.YMapEvent<string>) => changed.push(...event.keysChanged));
    entries.set('e1', 'first');
    observing.dispose();
    entries.set('e2', 'second');
    expect(changed).toEqual(['e1']);
  });

  it('a disposed timeout never runs, and an undisposed one does', async () => {
    let cancelled = false;
    timeout(() => (cancelled = true), 0).dispose();
    await new Promise<void>((resolve) => timeout(resolve, 5));
    expect(cancelled).toBe(false);
  });
});

describe('interval and MutableDisposable', () => {
  it('a disposed interval stops repeating', async () => {
    let runs = 0;
    await new Promise<void>((resolve) => {
      const repeating = interval(() => {
        runs += 1;
        if (runs === 2) {
          repeating.dispose();
          resolve();
        }
      }, 1);
    });
    // Disposed on its second run: the next tick of a live interval would have run it a third time.
    await new Promise<void>((resolve) => timeout(resolve, 10));
    expect(runs).toBe(2);
  });

  it('setting a new value disposes the old one; clear frees it and keeps the holder usable', () => {
    const freed: string[] = [];
    const holder = new MutableDisposable();
    holder.value = toDisposable(() => freed.push('first probe'));
    holder.value = toDisposable(() => freed.push('second probe'));
    expect(freed).toEqual(['first probe']);
    holder.clear();
    expect(freed).toEqual(['first probe', 'second probe']);
    expect(holder.value).toBeUndefined();
    holder.value = toDisposable(() => freed.push('third probe'));
    expect(holder.value).toBeDefined();
  });

  it('once disposed, a value set later is disposed at once', () => {
    const holder = new MutableDisposable();
    let freed = false;
    holder.dispose();
    holder.value = toDisposable(() => (freed = true));
    expect(freed).toBe(true);
    expect(holder.value).toBeUndefined();
  });
});

describe('addDisposableListener', () => {
  it('stops hearing a DOM-style target once disposed', () => {
    const target = new EventTarget();
    let heard = 0;
    const listening = addDisposableListener(target, 'offline', () => (heard += 1));
    target.dispatchEvent(new Event('offline'));
    listening.dispose();
    target.dispatchEvent(new Event('offline'));
    expect(heard).toBe(1);
  });
});

describe('DisposableMap', () => {
  it('setting a key disposes what it held; deleteAndDispose frees one; dispose frees the rest and any set later', () => {
    const freed: string[] = [];
    const retries = new DisposableMap<string>();
    retries.set('room-a', toDisposable(() => freed.push('a first')));
    retries.set('room-a', toDisposable(() => freed.push('a second')));
    retries.set('room-b', toDisposable(() => freed.push('b')));
    expect(freed).toEqual(['a first']);
    retries.deleteAndDispose('room-b');
    expect(freed).toEqual(['a first', 'b']);
    expect(retries.has('room-b')).toBe(false);
    retries.dispose();
    expect(freed).toEqual(['a first', 'b', 'a second']);
    retries.set('room-c', toDisposable(() => freed.push('c')));
    expect(freed.at(-1)).toBe('c');
    expect(retries.size).toBe(0);
  });
});
