import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSafeLinkUrl, parseOsc52, sanitizePaste } from '../terminalSafety';

const ESC = '\u001b';

describe('sanitizePaste', () => {
  it('cannot end bracketed paste early: ESC[201~ loses its ESC', () => {
    expect(sanitizePaste(`echo hi${ESC}[201~\ntouch /tmp/pwned\n`)).toBe('echo hi[201~\ntouch /tmp/pwned\n');
  });

  it('keeps tab, newline and carriage return, drops other C0, DEL and C1 controls', () => {
    expect(sanitizePaste('a\tb\r\nc\u0000\u0003\u0007\u007f\u009b\u0085d')).toBe('a\tb\r\ncd');
    expect(sanitizePaste('héllo 🚒 日本')).toBe('héllo 🚒 日本');
  });

  it('never leaves an ESC or C1 control in anything', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        // eslint-disable-next-line no-control-regex
        expect(sanitizePaste(text)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
      }),
    );
  });
});

describe('isSafeLinkUrl', () => {
  it('allows http and https only', () => {
    expect(isSafeLinkUrl('https://status.example.com/incidents/1')).toBe(true);
    expect(isSafeLinkUrl('http://127.0.0.1:8080/')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'vscode://x', '/relative', 'not a url', '']) {
      expect(isSafeLinkUrl(bad)).toBe(false);
    }
  });
});

describe('parseOsc52', () => {
  it('reads a write (base64 of UTF-8) and a query', () => {
    expect(parseOsc52(`c;${btoa('pwned')}`)).toEqual({ kind: 'write', text: 'pwned' });
    const utf8 = String.fromCharCode(...new TextEncoder().encode('日本'));
    expect(parseOsc52(`c;${btoa(utf8)}`)).toEqual({ kind: 'write', text: '日本' });
    expect(parseOsc52('c;?')).toEqual({ kind: 'query' });
  });

  it('calls anything malformed invalid', () => {
    expect(parseOsc52('no-separator')).toEqual({ kind: 'invalid' });
    expect(parseOsc52('c;%%%not base64')).toEqual({ kind: 'invalid' });
    expect(parseOsc52(`c;${btoa('\xff\xfe')}`)).toEqual({ kind: 'invalid' });
  });
});
