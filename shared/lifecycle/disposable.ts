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

/** A timer that is cleared when disposed. */
export function timeout(run: () => void, ms: number): Disposable {
  const timer = setTimeout(run, ms);
  return toDisposable(() => clearTimeout(timer));
}

/** A repeating timer that is cleared when disposed. */
export function interval(run: () => void, ms: number): Disposable {
  const timer = setInterval(run, ms);
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
    const errors: unknown[] = [];
    for (const disposable of this.owned) {
      try {
        disposable.dispose();
      } catch (err) {
        errors.push(err);
      }
    }
    this.owned.clear();
    if (errors.length > 0) throw errors[0];
  }
}
