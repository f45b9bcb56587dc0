import { describe, expect, it } from 'vitest';
import { DisposableStore } from '../disposable';
import { Emitter } from '../emitter';

describe('Emitter', () => {
  it('tells each subscriber until its subscription is disposed', () => {
    const statusChanged = new Emitter<string>();
    const heard: string[] = [];
    const subscription = statusChanged.event((status) => heard.push(status));
    statusChanged.fire('disk full');
    subscription.dispose();
    statusChanged.fire('writable again');
    expect(heard).toEqual(['disk full']);
    expect(statusChanged.hasListeners).toBe(false);
  });

  it('the same function subscribed twice is heard twice, and each subscription frees only itself', () => {
    const changed = new Emitter();
    let heard = 0;
    const listener = () => (heard += 1);
    const first = changed.event(listener);
    changed.event(listener);
    changed.fire();
    first.dispose();
    changed.fire();
    expect(heard).toBe(3);
  });

  it('a listener that leaves during a round is not told; one that joins waits for the next round', () => {
    const changed = new Emitter();
    const heard: string[] = [];
    const owner = new DisposableStore();
    changed.event(() => {
      heard.push('first');
      later.dispose();
      owner.add(changed.event(() => heard.push('joined')));
    });
    const later = changed.event(() => heard.push('left'));
    changed.fire();
    expect(heard).toEqual(['first']);
    changed.fire();
    expect(heard).toEqual(['first', 'first', 'joined']);
  });

  it('a disposed emitter drops its listeners and hears no new ones', () => {
    const changed = new Emitter();
    let heard = 0;
    changed.event(() => (heard += 1));
    changed.dispose();
    changed.event(() => (heard += 1));
    changed.fire();
    expect(heard).toBe(0);
    expect(changed.hasListeners).toBe(false);
  });
});
