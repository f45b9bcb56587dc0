// The share panel's form, kept as typed text so nothing the user entered is lost on an error,
// and turned into startSharing arguments here (pure, so it is tested without a DOM).
import type { MethodArgs, NetworkInterfaceInfo } from '../../shared/protocol/api';

/** The port the panel offers first: unprivileged, easy to say over a bridge call. */
export const DEFAULT_SHARE_PORT = 7420;
const MAX_PORT = 65535;
/** Listen on every IPv4 interface; links then carry the first external address. */
export const ALL_INTERFACES = '0.0.0.0';

export interface ShareDraft {
  hostname: string;
  port: string;
  tlsCertPath: string;
  tlsKeyPath: string;
}

export function initialDraft(interfaces: readonly NetworkInterfaceInfo[]): ShareDraft {
  // The host lists external addresses first; loopback is only the fallback for a lone machine.
  return { hostname: interfaces[0]?.address ?? '127.0.0.1', port: String(DEFAULT_SHARE_PORT), tlsCertPath: '', tlsKeyPath: '' };
}

export function interfaceLabel(i: NetworkInterfaceInfo): string {
  return `${i.name} — ${i.address}${i.internal ? ' (this machine only)' : ''}`;
}

export type StartArgs = MethodArgs<'startSharing'>;

/** The arguments, or the first problem and the field to blame. */
export function startArgsFromDraft(draft: ShareDraft): { ok: true; args: StartArgs } | { ok: false; field: keyof ShareDraft; message: string } {
  const hostname = draft.hostname.trim();
  if (!hostname) return { ok: false, field: 'hostname', message: 'Choose the interface to share on.' };
  const portText = draft.port.trim();
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > MAX_PORT) return { ok: false, field: 'port', message: `The port must be a number from 1 to ${MAX_PORT}.` };
  const cert = draft.tlsCertPath.trim();
  const key = draft.tlsKeyPath.trim();
  if (Boolean(cert) !== Boolean(key)) {
    return { ok: false, field: cert ? 'tlsKeyPath' : 'tlsCertPath', message: 'TLS needs both the certificate file and its key file (or neither).' };
  }
  return { ok: true, args: { hostname, port, ...(cert ? { tlsCertPath: cert, tlsKeyPath: key } : {}) } };
}

/** "since 14:05" in the viewer's clock; connections are short-lived, the date adds nothing. */
export function sinceLabel(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : `since ${at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}
