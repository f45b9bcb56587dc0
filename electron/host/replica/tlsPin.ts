// Certificate pinning for a room that speaks TLS. A join link carries the SHA-256 fingerprint of
// the listener's (usually self-signed) certificate instead of relying on a CA. Node only calls
// checkServerIdentity once the chain verifies, which a self-signed certificate never does, and the
// room token travels in the upgrade request's URL; so pinning must be settled before that request:
//  1. fetchPinnedCertificate opens a bare TLS connection (nothing is sent), reads the peer
//     certificate and keeps it only when its fingerprint equals the link's;
//  2. every WebSocket then trusts exactly that certificate (`ca`) and re-checks the fingerprint in
//     checkServerIdentity, so a different certificate fails the handshake before the URL is sent.
import { X509Certificate } from 'node:crypto';
import { connect as tlsConnect, type ConnectionOptions, type PeerCertificate } from 'node:tls';
import type { ClientOptions } from 'ws';

/** Long enough for a slow LAN or VPN, short enough that a dead host is reported promptly. */
const CERT_FETCH_TIMEOUT_MS = 5000;

const normalize = (fingerprint256: string) => fingerprint256.replace(/:/g, '').toLowerCase();

export class PinMismatch extends Error {
  constructor(readonly expected: string, readonly seen: string) {
    super(`the room's certificate (${seen.slice(0, 16)}…) is not the one in the join link (${expected.slice(0, 16)}…)`);
  }
}

function toPem(raw: Buffer): string {
  const body = raw.toString('base64').match(/.{1,64}/g)?.join('\n') ?? '';
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

/** The listener's certificate as PEM, when its fingerprint is the pinned one; rejects otherwise. */
export function fetchPinnedCertificate(host: string, port: number, fingerprint: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host, port, servername: isIp(host) ? undefined : host, rejectUnauthorized: false });
    const timer = setTimeout(() => socket.destroy(new Error(`no TLS answer from ${host}:${port}`)), CERT_FETCH_TIMEOUT_MS);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate(true);
      socket.destroy();
      const seen = normalize(cert.fingerprint256 ?? '');
      if (seen !== fingerprint) return reject(new PinMismatch(fingerprint, seen));
      resolve(toPem(cert.raw));
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

/** ws options that accept only the pinned certificate. */
export function pinnedSocketOptions(certPem: string, fingerprint: string): ClientOptions {
  const pinned = normalize(new X509Certificate(certPem).fingerprint256);
  if (pinned !== fingerprint) throw new PinMismatch(fingerprint, pinned);
  const options: ConnectionOptions = {
    ca: certPem,
    // The certificate is trusted by identity (its fingerprint), not by the name it was issued to.
    checkServerIdentity: (_host: string, cert: PeerCertificate) => {
      const seen = normalize(cert.fingerprint256 ?? '');
      return seen === fingerprint ? undefined : new PinMismatch(fingerprint, seen);
    },
  };
  // ws hands these to tls.connect as they are; its typings model checkServerIdentity as a boolean.
  return options as unknown as ClientOptions;
}
