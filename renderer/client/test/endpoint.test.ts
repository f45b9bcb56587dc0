import { describe, expect, it } from 'vitest';
import { splitTokenFragment, toWebSocketUrl } from '../endpoint';

describe('splitTokenFragment', () => {
  it('takes the token out of a bare token fragment', () => {
    expect(splitTokenFragment('#token=abc123')).toEqual({ token: 'abc123', rest: '' });
  });
  it('keeps a route that follows the token', () => {
    expect(splitTokenFragment('#token=abc&/incident/01JD')).toEqual({ token: 'abc', rest: '#/incident/01JD' });
  });
  it('decodes percent-escapes in the token', () => {
    expect(splitTokenFragment('#token=a%2Bb')).toEqual({ token: 'a+b', rest: '' });
  });
  it('leaves a route-only fragment alone', () => {
    expect(splitTokenFragment('#/incident/01JD')).toEqual({ token: null, rest: '#/incident/01JD' });
    expect(splitTokenFragment('')).toEqual({ token: null, rest: '' });
  });
  it('treats an empty token as none', () => {
    expect(splitTokenFragment('#token=').token).toBeNull();
  });
});

describe('toWebSocketUrl', () => {
  it('maps http to ws and https to wss, dropping any path', () => {
    expect(toWebSocketUrl('http://127.0.0.1:4321/')).toBe('ws://127.0.0.1:4321');
    expect(toWebSocketUrl('https://room.example.org/app')).toBe('wss://room.example.org');
    expect(toWebSocketUrl('ws://127.0.0.1:9')).toBe('ws://127.0.0.1:9');
  });
});
