// Lifetimes after VS Code's Disposable / DisposableStore: whatever opens a listener, socket,
// timer or observer registers it with its owner, and the owner frees them all at once.

export interface Disposable {
  dispose(): void;
}

/** A Disposable that runs `dispose` once, however often it is disposed. */
export function toDisposable(dispose: () => void): Disposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      dispose();
    },
  };
}

/** Anything with lib0/Node-style `on` and `off` (a Y.Doc, an Awareness, a provider, a socket). */
export interface Listenable<Args extends unknown[]> {
  on(event: string, listener: (...args: Args) => void): unknown;
  off(event: string, listener: (...args: Args) => void): unknown;
}

/** Listens until disposed. */
export function listen<Args extends unknown[]>(target: Listenable<Args>, event: string, listener: (...args: Args) => void): Disposable {
  target.on(event, listener);
  return toDisposable(() => target.off(event, listener));
}

/** Anything with DOM-style `addEventListener` and `removeEventListener` (a window, an element), without needing the DOM types here. */
export interface EventTargetLike<E> {
  addEventListener(type: string, listener: (event: E) => void): void;
  removeEventListener(type: string, listener: (event: E) => void): void;
}

/** Listens on a DOM-style target until disposed. */
export function addDisposableListener<E>(target: EventTargetLike<E>, type: string, listener: (event: E) => void): Disposable {
  target.addEventListener(type, listener);
  return toDisposable(() => target.removeEventListener(type, listener));
}

export interface TimerOptions {
  /** In Node, the timer alone does not keep the process running (housekeeping a closing owner clears anyway). */
  unref?: boolean;
}

function unrefIf<T>(timer: T, opts: TimerOptions | undefined): T {
  if (opts?.unref && typeof timer === 'object' && timer !== null && 'unref' in timer) (timer as { unref(): void }).unref();
  return timer;
}

/** Anything with Yjs-style `observe` and `unobserve` (a Y.Map, a Y.Array), without importing Yjs here. */
export interface Observable<E> {
  observe(handler: (event: E) => void): void;
  unobserve(handler: (event: E) => void): void;
}

/** Observes until disposed. */
export function observe<E>(target: Observable<E>, handler: (event: E) => void): Disposable {
  target.observe(handler);
  return toDisposable(() => target.unobserve(handler));
}

/** Disposes every one, in order, even when one throws; then rethrows the first error. */
export function disposeAll(disposables: Iterable<Disposable>): void {
  const errors: unknown[] = [];
  for (const disposable of disposables) {
    try {
      disposable.dispose();
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length > 0) throw errors[0];
}

/** A timer that is cleared when disposed. */
export function timeout(run: () => void, ms: number, opts?: TimerOptions): Disposable {
  const timer = unrefIf(setTimeout(run, ms), opts);
  return toDisposable(() => clearTimeout(timer));
}

/** A repeating timer that is cleared when disposed. */
export function interval(run: () => void, ms: number, opts?: TimerOptions): Disposable {
  const timer = unrefIf(setInterval(run, ms), opts);
  return toDisposable(() => clearInterval(timer));
}

/**
 * Holds at most one disposable that comes and goes during its owner's life (a probe timer that
 * runs only while the store is failing): setting a new one disposes the old, and once the holder
 * itself is disposed anything set is disposed at once.
 */
export class MutableDisposable<T extends Disposable = Disposable> implements Disposable {
  private current: T | undefined;
  private disposed = false;

  get value(): T | undefined {
    return this.current;
  }

  set value(next: T | undefined) {
    if (next === this.current) return;
    this.current?.dispose();
    this.current = next;
    if (this.disposed) this.clear();
  }

  /** Disposes the one held now, if any; the holder stays usable. */
  clear(): void {
    const current = this.current;
    this.current = undefined;
    current?.dispose();
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }
}

/**
 * Owns disposables and frees them together, in the order they were added. One that throws does
 * not keep the others alive: every one is disposed, then the first error is rethrown. Adding to a
 * store that is already disposed disposes the newcomer at once, so nothing outlives its owner.
 */
export class DisposableStore implements Disposable {
  private readonly owned = new Set<Disposable>();
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  add<T extends Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.add(disposable);
    return disposable;
  }

  /** Frees one early and forgets it. */
  delete(disposable: Disposable): void {
    if (this.owned.delete(disposable)) disposable.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const owned = [...this.owned];
    this.owned.clear();
    disposeAll(owned);
  }
}

/**
 * Disposables by key (a retry timer per room): setting a key disposes what it held, and disposing
 * the map disposes every value, and any set afterwards at once.
 */
export class DisposableMap<K, V extends Disposable = Disposable> implements Disposable {
  private readonly values = new Map<K, V>();
  private disposed = false;

  has(key: K): boolean {
    return this.values.has(key);
  }

  get size(): number {
    return this.values.size;
  }

  set(key: K, value: V): void {
    const previous = this.values.get(key);
    if (previous === value) return;
    previous?.dispose();
    if (this.disposed) return void value.dispose();
    this.values.set(key, value);
  }

  /** Frees one early and forgets it. */
  deleteAndDispose(key: K): void {
    const value = this.values.get(key);
    this.values.delete(key);
    value?.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const values = [...this.values.values()];
    this.values.clear();
    disposeAll(values);
  }
}
