// Where the host is and which token opens it. Electron hands both over through the
// preload; a browser tab gets the token in the URL fragment (`#token=…`) printed by
// `warroom serve`. The fragment never reaches the server, and we wipe it from the
// address bar at once so a copied link does not leak the token.
import { desktopBridge } from './desktop';

export interface HostEndpoint {
  /** http(s) origin of the host, e.g. "http://127.0.0.1:4321". */
  hostUrl: string;
  token: string;
}

const TOKEN_STORAGE_KEY = 'warroom.hostToken';
const TOKEN_PARAM = 'token';

/**
 * Splits a location hash into the token (if any) and the hash that remains
 * (the route), e.g. "#token=abc&/incident/01J" → { token: "abc", rest: "#/incident/01J" }.
 */
export function splitTokenFragment(hash: string): { token: string | null; rest: string } {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${TOKEN_PARAM}=`;
  if (!body.startsWith(prefix)) return { token: null, rest: hash };
  const amp = body.indexOf('&');
  const raw = amp === -1 ? body.slice(prefix.length) : body.slice(prefix.length, amp);
  const rest = amp === -1 ? '' : body.slice(amp + 1);
  const token = decodeURIComponent(raw);
  return { token: token === '' ? null : token, rest: rest === '' ? '' : `#${rest}` };
}

/** ws(s):// form of an http(s):// host URL, without a trailing slash. */
export function toWebSocketUrl(hostUrl: string): string {
  // URL refuses to switch a special scheme like http: to ws:, so build the string.
  const url = new URL(hostUrl);
  const scheme = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  return `${scheme}//${url.host}`;
}

/** Finds the host for this window; null when the app was opened without a token. */
export function discoverEndpoint(): HostEndpoint | null {
  const bridge = desktopBridge();
  if (bridge) return { hostUrl: bridge.hostUrl, token: bridge.token };

  const { token, rest } = splitTokenFragment(window.location.hash);
  if (token) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    const clean = `${window.location.pathname}${window.location.search}${rest}`;
    window.history.replaceState(null, '', clean);
  }
  const kept = token ?? sessionStorage.getItem(TOKEN_STORAGE_KEY);
  return kept ? { hostUrl: window.location.origin, token: kept } : null;
}
