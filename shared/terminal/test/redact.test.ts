import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRedaction, createStreamRedactor, KEY_BLOCK_CUT_MARKER, redactText } from '../redact';
import { DEFAULT_REDACTION_RULES } from '../redactionRules';

const compiled = compileRedaction(DEFAULT_REDACTION_RULES);
const KEY_BLOCK = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx1\nq2w3e4r5t6y7u8i9o0p\n-----END RSA PRIVATE KEY-----';
/** One secret per default rule, with the marker it must become. */
const SECRETS: Array<[secret: string, marker: string]> = [
  ['AKIAIOSFODNN7EXAMPLE', '[REDACTED: AWS access key id]'],
  ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '[REDACTED: AWS secret access key]'],
  ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc-def_ghi', '[REDACTED: Bearer token]'],
  [KEY_BLOCK, '[REDACTED: Private key block]'],
];

function streamed(parts: readonly string[], maxHoldChars?: number): string {
  const redactor = createStreamRedactor(compiled, maxHoldChars === undefined ? undefined : { maxHoldChars });
  return parts.map((part) => redactor.push(part)).join('') + redactor.flush();
}

describe('redactText', () => {
  it.each(SECRETS)('replaces %s', (secret, marker) => {
    const out = redactText(`before ${secret} after`, compiled);
    expect(out).toContain(marker);
    expect(out.startsWith('before ')).toBe(true);
    expect(out.endsWith(' after')).toBe(true);
  });

  it('leaves clean text alone (same string) and handles several matches', () => {
    const clean = 'rsync -av /data standby:/data\n';
    expect(redactText(clean, compiled)).toBe(clean);
    expect(redactText('AKIAIOSFODNN7EXAMPLE and ASIAIOSFODNN7EXAMPL2', compiled)).toBe('[REDACTED: AWS access key id] and [REDACTED: AWS access key id]');
  });

  it('runs all rules in one pass: a marker is never redacted again, the leftmost match wins', () => {
    const rules = compileRedaction([
      { name: 'word', pattern: 'secret', flags: 'i' },
      { name: 'brackets', pattern: '\\[[^\\]]*\\]', flags: '' },
      { name: 'empty', pattern: 'x*', flags: '' },
    ]);
    expect(redactText('a SECRET b [c]', rules)).toBe('a [REDACTED: word] b [REDACTED: brackets]');
    expect(redactText('xx', rules)).toBe('[REDACTED: empty]');
  });

  it('names the rule that does not compile', () => {
    expect(() => compileRedaction([{ name: 'broken one', pattern: '(', flags: '' }])).toThrow(/broken one/);
  });
});

describe('createStreamRedactor', () => {
  it.each(SECRETS)('redacts %s split at every position across two pushes', (secret, marker) => {
    const text = `$ cat creds\n${secret}\nnext line\n`;
    const expected = redactText(text, compiled);
    for (let cut = 0; cut <= text.length; cut++) {
      const out = streamed([text.slice(0, cut), text.slice(cut)]);
      expect(out, `cut at ${cut}`).toBe(expected);
      expect(out).toContain(marker);
    }
  });

  it('property: pushes in any pieces give the same text as redacting it whole, and no secret survives', () => {
    const filler = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '.', '-', 'é', '😀'), maxLength: 30 });
    fc.assert(
      fc.property(filler, fc.constantFrom(...SECRETS), filler, fc.array(fc.nat(), { maxLength: 5 }), (before, [secret, marker], after, cuts) => {
        const text = `${before} ${secret} ${after}`;
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const parts = [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length));
        const out = streamed(parts);
        expect(out).toBe(redactText(text, compiled));
        expect(out).toContain(marker);
        expect(out).not.toContain(secret.split('\n')[1] ?? secret);
      }),
    );
  });

  it('holds a partial line and an unterminated key block, and emits complete lines at once', () => {
    const redactor = createStreamRedactor(compiled);
    expect(redactor.push('line one\nprompt$ ')).toBe('line one\n');
    expect(redactor.push('cat key\n-----BEGIN PRIVATE KEY-----\nabc\n')).toBe('prompt$ cat key\n');
    expect(redactor.push('-----END PRIVATE KEY-----\n')).toBe('[REDACTED: Private key block]\n');
    expect(redactor.push('tail')).toBe('');
    expect(redactor.flush()).toBe('tail');
    expect(redactor.flush()).toBe('');
  });

  it('lets a long line go once it passes maxHoldChars, still redacted', () => {
    const redactor = createStreamRedactor(compiled, { maxHoldChars: 10 });
    expect(redactor.push('12345')).toBe('');
    expect(redactor.push(' AKIAIOSFODNN7EXAMPLE')).toBe('12345 [REDACTED: AWS access key id]');
  });

  it('swallows a key block that never ends up to the size limit, marks it as cut, and carries on', () => {
    const redactor = createStreamRedactor(compiled, { maxKeyBlockChars: 100 });
    const begin = '-----BEGIN EC PRIVATE KEY-----\n';
    expect(redactor.push(`ok\n${begin}`)).toBe('ok\n');
    const body = `${'A'.repeat(64)}\n`.repeat(3);
    // The BEGIN line and the body's first characters make the 100 that are swallowed.
    expect(redactor.push(body)).toBe(KEY_BLOCK_CUT_MARKER + body.slice(100 - begin.length));
    expect(redactor.push('after\n')).toBe('after\n');
  });

  it('closes a key block only with an END in the stream that opened it', () => {
    // Two commands that print a key in halves, as the terminal shows them: each echo, then each output.
    const redactor = createStreamRedactor(compiled, { maxKeyBlockChars: 400 });
    const streams = [
      "$ printf -- '-----BEGIN RSA PRIVATE KEY-----\\nMIIEpartOne\\n'\r\n",
      '-----BEGIN RSA PRIVATE KEY-----\r\nMIIEpartOne\r\n',
      "$ printf -- 'MIIEpartTwo\\n-----END RSA PRIVATE KEY-----\\n'\r\n",
      'MIIEpartTwo\r\n-----END RSA PRIVATE KEY-----\r\n',
    ];
    const out = streams.map((text) => redactor.push(text) + redactor.endStream()).join('') + redactor.push(`${'later output\r\n'.repeat(40)}`) + redactor.flush();
    expect(out).not.toContain('MIIEpart');
    expect(out.startsWith(`$ printf -- '${KEY_BLOCK_CUT_MARKER}`)).toBe(true);
    expect(out).toContain('later output\r\n');
    // Within one stream, the same text closes at its own END and nothing more is swallowed.
    const one = createStreamRedactor(compiled);
    expect(one.push(`${streams[1]}${streams[3]}after\r\n`) + one.flush()).toBe('[REDACTED: Private key block]\r\nafter\r\n');
  });

  it('marks a block still open when the session ends as cut', () => {
    const redactor = createStreamRedactor(compiled);
    expect(redactor.push('-----BEGIN PRIVATE KEY-----\nMIIEabc\n')).toBe('');
    expect(redactor.flush()).toBe(KEY_BLOCK_CUT_MARKER);
  });

  it('stays bounded under a flood without newlines', () => {
    const redactor = createStreamRedactor(compiled, { maxHoldChars: 1000 });
    let emitted = 0;
    for (let i = 0; i < 1000; i++) emitted += redactor.push('y'.repeat(100)).length;
    emitted += redactor.flush().length;
    expect(emitted).toBe(100_000);
  });
});
