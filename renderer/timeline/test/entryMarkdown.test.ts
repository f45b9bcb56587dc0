import { describe, expect, it } from 'vitest';
import { isPlainEntryText } from '../entryMarkdown';

// Plain text skips marked + DOMPurify and is inserted as HTML, so the fast path must never
// admit a string that could carry markup, an entity, a link or a Markdown block.
describe('isPlainEntryText', () => {
  it('takes ordinary entries', () => {
    for (const text of ['Replication lag on db-2 at 43 minutes and climbing (#12)', 'Paging the storage on-call; "db-1" is down', 'ok']) {
      expect(isPlainEntryText(text)).toBe(true);
    }
  });

  it('refuses anything markup, entities, links or Markdown could act on', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      'a &amp; b',
      'see https://status.example.com',
      'see www.example.com',
      'mail ops@example.com',
      '# heading',
      '> quote',
      '- list',
      '1. list',
      '**bold**',
      '_em_',
      '`code`',
      '[x](javascript:alert(1))',
      'two\nlines',
      'pipe | cell',
      'back\\slash',
      'javascript:alert(1)',
      ' leading space',
    ];
    for (const text of hostile) expect(isPlainEntryText(text), text).toBe(false);
  });
});
