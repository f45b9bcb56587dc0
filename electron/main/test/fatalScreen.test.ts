import { describe, expect, it } from 'vitest';
import { storeFailureHtml, storeFailureUrl } from '../fatalScreen';

const failure = {
  file: '/home/ana/.config/War Room/warroom.db',
  reason: '/home/ana/.config/War Room/warroom.db is not a SQLite database (its header is not "SQLite format 3")',
  advice: 'Move it aside <then> start again.',
};

describe('store failure screen', () => {
  it('names the file, the reason and what to do, with the web banner\'s wording, and runs no script', () => {
    const html = storeFailureHtml(failure);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Can&#39;t save: ');
    expect(html).toContain('/home/ana/.config/War Room/warroom.db');
    expect(html).toContain('its header is not &quot;SQLite format 3&quot;');
    expect(html).toContain('Move it aside &lt;then&gt; start again.');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
  });

  it('is a data: URL that decodes back to the page', () => {
    const url = storeFailureUrl(failure);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(storeFailureHtml(failure));
  });
});
