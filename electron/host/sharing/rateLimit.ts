// Per-address limit on connection attempts to the room listener: a flood from one machine (or a
// token-guessing loop) is answered 429 while everyone else keeps connecting. A fixed window per
// address is enough here: the aim is to bound work per address, not to shape traffic.

export interface RateLimitOptions {
  /** Attempts allowed per address per window. */
  max: number;
  windowMs: number;
  /** Test seam. */
  now?: () => number;
}

/** 20 attempts per 10 s: a browser tab reconnecting with back-off never comes near it. */
export const DEFAULT_ROOM_RATE_LIMIT: RateLimitOptions = { max: 20, windowMs: 10_000 };
/** Forget idle addresses once the table is this large, so a spoofed-address sweep cannot grow it unbounded. */
const PRUNE_ABOVE_ADDRESSES = 10_000;

export class ConnectionRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly now: () => number;

  constructor(private readonly opts: RateLimitOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Records an attempt from `address`; false when it is over the limit. */
  attempt(address: string): boolean {
    const now = this.now();
    if (this.windows.size > PRUNE_ABOVE_ADDRESSES) this.prune(now);
    const current = this.windows.get(address);
    if (!current || now - current.start >= this.opts.windowMs) {
      this.windows.set(address, { start: now, count: 1 });
      return true;
    }
    current.count++;
    return current.count <= this.opts.max;
  }

  private prune(now: number): void {
    for (const [address, w] of this.windows) if (now - w.start >= this.opts.windowMs) this.windows.delete(address);
  }
}
