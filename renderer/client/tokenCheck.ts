// Asks the host whether the token this page holds still opens it. A socket refused for a wrong
// token looks, from a browser, like any dropped connection; this one HTTP answer tells them apart,
// so a stale or mistyped link gets a screen that says so instead of "connecting…" forever.
import { TOKEN_CHECK_HEADER, TOKEN_CHECK_PATH } from '../../shared/protocol/api';
import type { HostEndpoint } from './endpoint';

export type TokenVerdict = 'ok' | 'refused' | 'unreachable';

const HTTP_UNAUTHORIZED = 401;

export async function checkHostToken(endpoint: HostEndpoint, fetchImpl: typeof fetch = fetch): Promise<TokenVerdict> {
  try {
    const res = await fetchImpl(new URL(TOKEN_CHECK_PATH, endpoint.hostUrl), { headers: { [TOKEN_CHECK_HEADER]: endpoint.token }, cache: 'no-store' });
    if (res.status === HTTP_UNAUTHORIZED) return 'refused';
    return res.ok ? 'ok' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}
