import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideLinkClick, isSafeLinkUrl, linkModifierName, parseOsc52, sanitizePaste } from '../terminalSafety';

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

describe('decideLinkClick', () => {
  const plain = { ctrlKey: false, metaKey: false };
  const ctrl = { ctrlKey: true, metaKey: false };
  const cmd = { ctrlKey: false, metaKey: true };

  it('opens nothing on a plain click, only a hint', () => {
    expect(decideLinkClick('https://status.example.com/', 'https://status.example.com/', plain)).toEqual({ kind: 'hint' });
  });

  it('opens an http(s) link whose text is its target on Ctrl+click or Cmd+click', () => {
    expect(decideLinkClick('https://status.example.com/', 'https://status.example.com/', ctrl)).toEqual({ kind: 'open', url: 'https://status.example.com/' });
    expect(decideLinkClick('http://10.0.0.5:8080/x', ' http://10.0.0.5:8080/x ', cmd)).toEqual({ kind: 'open', url: 'http://10.0.0.5:8080/x' });
  });

  it('asks first when the text differs from the target, with both', () => {
    expect(decideLinkClick('https://evil.example/pay', 'https://status.example.com/', ctrl)).toEqual({
      kind: 'confirm',
      url: 'https://evil.example/pay',
      text: 'https://status.example.com/',
    });
  });

  it('never opens anything but http and https', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'not a url']) {
      expect(decideLinkClick(url, url, ctrl)).toEqual({ kind: 'ignore' });
      expect(decideLinkClick(url, 'Status page', plain)).toEqual({ kind: 'ignore' });
    }
  });

  it('names the modifier as the platform does', () => {
    expect(linkModifierName('MacIntel')).toBe('Cmd');
    expect(linkModifierName('Linux x86_64')).toBe('Ctrl');
    expect(linkModifierName('Win32')).toBe('Ctrl');
  });
});
