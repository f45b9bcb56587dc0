// The host token: 256 random bits per launch; every WebSocket must present it.
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits, as the security baseline asks. */
const TOKEN_BYTES = 32;

export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Constant-time comparison; a length mismatch is refused before comparing. */
export function tokensEqual(presented: string | null | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
