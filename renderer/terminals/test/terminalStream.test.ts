import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACK_BLOCK_CHARS, BUSY_ACK_BLOCK_CHARS, OUTPUT_PREFIX } from '../../../shared/terminal/protocol';
import { AckCounter, decodeHostMessage, MAX_RECONNECT_ATTEMPTS, RECONNECT_MAX_MS, reconnectDelay, terminalUrl } from '../terminalStream';
import { terminalInfo } from './fixtures';

const info = terminalInfo({ recordingId: 'r1' });

describe('decodeHostMessage', () => {
  it('passes output frames through without parsing them', () => {
    expect(decodeHostMessage(`${OUTPUT_PREFIX}{"t":"exit"}\u001b[31m`)).toEqual({ kind: 'output', data: '{"t":"exit"}\u001b[31m' });
    expect(decodeHostMessage(OUTPUT_PREFIX)).toEqual({ kind: 'output', data: '' });
  });

  it('validates JSON frames with the protocol schema', () => {
    const ready = decodeHostMessage(JSON.stringify({ t: 'ready', info, history: [], replay: 'x' }));
    expect(ready).toMatchObject({ kind: 'frame', frame: { t: 'ready', replay: 'x' } });
    expect(decodeHostMessage(JSON.stringify({ t: 'exit', exitCode: 0, signal: null }))).toEqual({
      kind: 'frame',
      frame: { t: 'exit', exitCode: 0, signal: null },
    });
  });

  it('reports binary, non-JSON and unknown frames instead of throwing', () => {
    expect(decodeHostMessage(new ArrayBuffer(2)).kind).toBe('invalid');
    expect(decodeHostMessage('{nope').kind).toBe('invalid');
    const unknown = decodeHostMessage(JSON.stringify({ t: 'teleport' }));
    expect(unknown.kind).toBe('invalid');
    expect(decodeHostMessage(JSON.stringify({ t: 'exit', exitCode: 'zero', signal: null })).kind).toBe('invalid');
  });
});

describe('AckCounter', () => {
  it('acknowledges in blocks of ACK_BLOCK_CHARS, carrying the overshoot', () => {
    const acks = new AckCounter();
    expect(acks.parsed(ACK_BLOCK_CHARS - 1)).toBe(0);
    expect(acks.parsed(10)).toBe(ACK_BLOCK_CHARS + 9);
    expect(acks.pending).toBe(0);
    expect(acks.parsed(1)).toBe(0);
    acks.reset();
    expect(acks.pending).toBe(0);
  });

  it('acknowledges in larger blocks while more writes are queued, and everything once caught up', () => {
    const acks = new AckCounter();
    const chunk = ACK_BLOCK_CHARS * 2;
    const writes = Math.ceil(BUSY_ACK_BLOCK_CHARS / chunk) + 2;
    for (let i = 0; i < writes; i++) acks.wrote();
    const due: number[] = [];
    for (let i = 0; i < writes; i++) due.push(acks.parsed(chunk));
    const sent = due.filter((d) => d > 0);
    // Busy: no ack until a busy block has been parsed, although each write alone exceeds the small block.
    expect(due[0]).toBe(0);
    for (const d of sent.slice(0, -1)) expect(d).toBeGreaterThanOrEqual(BUSY_ACK_BLOCK_CHARS);
    // The last write leaves nothing queued: whatever is left goes at once.
    expect(due.at(-1)).toBeGreaterThan(0);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(writes * chunk);
    expect(acks.pending).toBe(0);
  });

  it('never loses or invents characters: acknowledged + pending = parsed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000 }), { maxLength: 200 }), (writes) => {
        const acks = new AckCounter();
        let acked = 0;
        for (const chars of writes) {
          const due = acks.parsed(chars);
          if (due > 0) expect(due).toBeGreaterThanOrEqual(ACK_BLOCK_CHARS);
          acked += due;
        }
        expect(acked + acks.pending).toBe(writes.reduce((a, b) => a + b, 0));
        expect(acks.pending).toBeLessThan(ACK_BLOCK_CHARS);
      }),
    );
  });
});

describe('reconnectDelay', () => {
  const base = { closedByUs: false, exited: false, fatal: false, sessionId: 's1', attempts: 0 };

  it('re-attaches a live session with growing, capped delays', () => {
    const delays = Array.from({ length: MAX_RECONNECT_ATTEMPTS }, (_, attempts) => reconnectDelay({ ...base, attempts }));
    expect(delays.every((d) => d !== null && d > 0 && d <= RECONNECT_MAX_MS)).toBe(true);
    expect([...delays].sort((a, b) => a! - b!)).toEqual(delays);
    expect(reconnectDelay({ ...base, attempts: MAX_RECONNECT_ATTEMPTS })).toBeNull();
  });

  it('stays closed when we closed it, the shell exited, the host refused, or no session was ever ready', () => {
    expect(reconnectDelay({ ...base, closedByUs: true })).toBeNull();
    expect(reconnectDelay({ ...base, exited: true })).toBeNull();
    expect(reconnectDelay({ ...base, fatal: true })).toBeNull();
    expect(reconnectDelay({ ...base, sessionId: null })).toBeNull();
  });
});

describe('terminalUrl', () => {
  it('encodes every parameter', () => {
    const url = new URL(terminalUrl('ws://127.0.0.1:9', '/term', { token: 'a+b', cols: 80, rows: 24, incident: 'i1', name: 'Db & logs', author: 'Priya' }));
    expect(url.pathname).toBe('/term');
    expect(Object.fromEntries(url.searchParams)).toEqual({ token: 'a+b', cols: '80', rows: '24', incident: 'i1', name: 'Db & logs', author: 'Priya' });
  });
});
