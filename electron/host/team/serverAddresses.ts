// A client of a team server that knows several of its instances: each new connection goes to the
// next address, so a client whose instance died reconnects to another one and re-syncs by state
// vector (the provider's own reconnect loop drives it). With one name behind a load balancer, the
// list has one address and the balancer does the moving.
import WebSocket, { type ClientOptions } from 'ws';

/**
 * A WebSocket class for HocuspocusProviderWebsocket's `WebSocketPolyfill` that ignores the URL it
 * is given and dials `urls` in turn, starting at `start` (spread clients over the instances).
 */
export function failoverWebSocket(
  urls: readonly string[],
  opts: { start?: number; options?: ClientOptions; onDial?: (url: string) => void } = {},
): new (url: string, protocols?: string | string[]) => WebSocket {
  if (urls.length === 0) throw new Error('a team server client needs at least one address');
  const { options = {}, onDial } = opts;
  let next = opts.start ?? 0;
  return class FailoverWebSocket extends WebSocket {
    constructor(_url: string, protocols?: string | string[]) {
      const url = urls[next % urls.length] as string;
      next += 1;
      super(url, protocols, options);
      onDial?.(url);
    }
  };
}
