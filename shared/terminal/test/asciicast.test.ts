import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AsciicastError, encodeEvent, encodeHeader, parseAsciicast, type AsciicastEvent, type AsciicastHeader } from '../asciicast';

const HEADER: AsciicastHeader = { version: 2, width: 80, height: 24, timestamp: 1_795_000_000, title: 'db-1', env: { TERM: 'xterm-256color', SHELL: '/bin/bash' } };

function errorOf(text: string): AsciicastError {
  try {
    parseAsciicast(text);
  } catch (error) {
    if (error instanceof AsciicastError) return error;
    throw error;
  }
  throw new Error('expected an AsciicastError');
}

describe('asciicast v2', () => {
  it('writes the header and events as one JSON line each, times to the microsecond', () => {
    expect(encodeHeader(HEADER)).toBe('{"version":2,"width":80,"height":24,"timestamp":1795000000,"title":"db-1","env":{"TERM":"xterm-256color","SHELL":"/bin/bash"}}\n');
    expect(encodeEvent(1.23456789, 'o', 'a\u2028"\n')).toBe('[1.234568,"o","a\u2028\\"\\n"]\n');
    expect(encodeEvent(0.5, 'r', '100x30')).toBe('[0.5,"r","100x30"]\n');
  });

  it('property: encode → parse gives back the header and events', () => {
    const header: fc.Arbitrary<AsciicastHeader> = fc.record(
      {
        version: fc.constant(2 as const),
        width: fc.integer({ min: 1, max: 1000 }),
        height: fc.integer({ min: 1, max: 500 }),
        timestamp: fc.integer({ min: 0, max: 4_000_000_000 }),
        title: fc.string(),
        env: fc.record({ TERM: fc.string(), SHELL: fc.string() }, { requiredKeys: [] }),
      },
      { requiredKeys: ['version', 'width', 'height', 'timestamp', 'env'] },
    );
    const step = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.boolean(), fc.string(), fc.integer({ min: 1, max: 999 }));
    fc.assert(
      fc.property(header, fc.array(step, { maxLength: 20 }), (h, steps) => {
        let micros = 0;
        const events: AsciicastEvent[] = steps.map(([delta, resize, data, size]) => {
          micros += delta;
          return [micros / 1_000_000, resize ? 'r' : 'o', resize ? `${size}x${size}` : data];
        });
        const text = encodeHeader(h) + events.map(([t, c, d]) => encodeEvent(t, c, d)).join('');
        expect(parseAsciicast(text)).toEqual({ header: h, events });
      }),
    );
  });

  it('accepts a missing env and a missing final newline', () => {
    expect(parseAsciicast('{"version":2,"width":2,"height":1,"timestamp":0}\n[0,"o","x"]').events).toEqual([[0, 'o', 'x']]);
  });

  it.each([
    ['', 1, /empty/],
    ['{"version":1,"width":80,"height":24,"timestamp":0}\n', 1, /version/],
    ['{"version":2,"width":0,"height":24,"timestamp":0}\n', 1, /width/],
    [`${encodeHeader(HEADER)}not json\n`, 2, /JSON/],
    [`${encodeHeader(HEADER)}[0,"i","typed"]\n`, 2, /event/],
    [`${encodeHeader(HEADER)}[0,"r","80 by 24"]\n`, 2, /COLSxROWS/],
    [`${encodeHeader(HEADER)}[-1,"o","x"]\n`, 2, /event/],
    [`${encodeHeader(HEADER)}[2,"o","x"]\n[1,"o","y"]\n`, 3, /before/],
    [`${encodeHeader(HEADER)}[1,"o","x"]\n\n[2,"o","y"]\n`, 3, /JSON/],
  ])('reports the first bad line: %j', (text, line, message) => {
    const error = errorOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });
});
