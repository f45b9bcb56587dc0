// An event after VS Code's Emitter: the owner fires it, anyone subscribes through `event` and
// gets a Disposable back, so a subscription is freed like any other resource its owner holds.
// Disposing the emitter drops every listener: nothing hears an owner that is gone.
import { toDisposable, type Disposable } from './disposable';

export type Listener<T> = (value: T) => void;

/** Subscribes until the returned Disposable is disposed. */
export type Event<T> = (listener: Listener<T>) => Disposable;

export class Emitter<T = void> implements Disposable {
  private readonly listeners = new Set<Listener<T>>();
  private disposed = false;

  /** The subscribe side, to hand out (`onStatus = this.statusChanged.event`). */
  readonly event: Event<T> = (listener) => {
    if (this.disposed) return toDisposable(() => {});
    // A wrapper per subscription, so the same function subscribed twice is heard twice and freed once each.
    const entry: Listener<T> = (value) => listener(value);
    this.listeners.add(entry);
    return toDisposable(() => this.listeners.delete(entry));
  };

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  /** Tells every listener subscribed now: one that subscribes during this round waits for the next, one that leaves is not told. */
  fire(value: T): void {
    for (const listener of [...this.listeners]) if (this.listeners.has(listener)) listener(value);
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
