import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARE_PORT, initialDraft, interfaceLabel, startArgsFromDraft } from '../shareDraft';

const eth = { name: 'eth0', address: '192.0.2.7', family: 'IPv4', internal: false } as const;
const lo = { name: 'lo', address: '127.0.0.1', family: 'IPv4', internal: true } as const;

describe('share draft', () => {
  it('starts on the first (external) interface and the default port', () => {
    expect(initialDraft([eth, lo])).toEqual({ hostname: '192.0.2.7', port: String(DEFAULT_SHARE_PORT), tlsCertPath: '', tlsKeyPath: '' });
    expect(initialDraft([]).hostname).toBe('127.0.0.1');
    expect(interfaceLabel(lo)).toBe('lo — 127.0.0.1 (this machine only)');
  });

  it('turns the typed text into startSharing arguments', () => {
    expect(startArgsFromDraft({ hostname: ' 127.0.0.1 ', port: '7420', tlsCertPath: '', tlsKeyPath: '' })).toEqual({ ok: true, args: { hostname: '127.0.0.1', port: 7420 } });
    expect(startArgsFromDraft({ hostname: 'h', port: '8443', tlsCertPath: '/c.pem', tlsKeyPath: '/k.pem' })).toEqual({
      ok: true,
      args: { hostname: 'h', port: 8443, tlsCertPath: '/c.pem', tlsKeyPath: '/k.pem' },
    });
  });

  it('blames the field at fault', () => {
    const base = { hostname: 'h', port: '7420', tlsCertPath: '', tlsKeyPath: '' };
    expect(startArgsFromDraft({ ...base, hostname: ' ' })).toMatchObject({ ok: false, field: 'hostname' });
    for (const port of ['', '0', '70000', '12a', '1.5']) expect(startArgsFromDraft({ ...base, port })).toMatchObject({ ok: false, field: 'port' });
    expect(startArgsFromDraft({ ...base, tlsCertPath: '/c.pem' })).toMatchObject({ ok: false, field: 'tlsKeyPath' });
    expect(startArgsFromDraft({ ...base, tlsKeyPath: '/k.pem' })).toMatchObject({ ok: false, field: 'tlsCertPath' });
  });
});
