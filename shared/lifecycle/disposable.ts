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

/** A timer that is cleared when disposed. */
export function timeout(run: () => void, ms: number): Disposable {
  const timer = setTimeout(run, ms);
  return toDisposable(() => clearTimeout(timer));
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
