// shared/protocol/room.ts: join links, browser URLs and join codes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBrowserUrl, buildJoinLink, normalizeJoinCode, parseBrowserHash, parseJoinLink } from '../../../../shared/protocol/room';

const link = { host: '10.0.0.5', port: 8443, room: '01ARZ3NDEKTSV4RRFFQ69G5FAV', token: 'a'.repeat(43) };

describe('room links', () => {
  it('round-trips the deep link, with and without a TLS fingerprint, and for IPv6 hosts', () => {
    expect(buildJoinLink(link)).toBe(`warroom://join?host=10.0.0.5&port=8443&room=${link.room}&token=${link.token}`);
    for (const l of [link, { ...link, tls: 'f'.repeat(64) }, { ...link, host: 'fe80::1' }]) expect(parseJoinLink(buildJoinLink(l))).toEqual(l);
    expect(buildBrowserUrl({ ...link, host: '::1', tls: '0'.repeat(64) })).toBe(`https://[::1]:8443/#room=${link.room}&token=${link.token}`);
    expect(parseBrowserHash(new URL(buildBrowserUrl(link)).hash)).toEqual({ room: link.room, token: link.token });
  });

  it('rejects anything else', () => {
    for (const bad of ['', 'https://x/join?host=a', 'warroom://open?host=a', buildJoinLink(link).replace('port=8443', 'port=0'), buildJoinLink(link).replace(link.token, 'short')]) {
      expect(parseJoinLink(bad)).toBeNull();
    }
    expect(() => buildJoinLink({ ...link, host: 'a/b' })).toThrow();
    expect(parseBrowserHash('#room=x&token=y')).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => parseJoinLink(s) === null || typeof parseJoinLink(s)?.host === 'string'));
  });

  it('normalizes typed join codes', () => {
    expect(normalizeJoinCode('abcd efgh jkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeJoinCode('0OIL-0000-0000')).toBe('0011-0000-0000');
    expect(normalizeJoinCode('ABCD-EFGH-JKMU')).toBeNull();
    expect(normalizeJoinCode('ABCD-EFGH')).toBeNull();
  });
});
