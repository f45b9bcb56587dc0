// Entry text is Markdown. It is rendered with marked and sanitized with
// DOMPurify; links keep only http(s)/mailto targets and open outside the app
// (target=_blank; the Electron main process hands http(s) to the system browser).
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const SAFE_LINK = /^(https?:|mailto:)/i;

/** Enough for several screens of distinct texts while scrolling, small enough to bound memory at 100k entries. */
const RENDER_CACHE_LIMIT = 4000;

const markdown = new Marked({ gfm: true, breaks: true, async: false });
const cache = new Map<string, string>();
let hooked = false;

function installLinkHook(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href') ?? '';
    if (!SAFE_LINK.test(href.trim())) {
      node.removeAttribute('href');
      return;
    }
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
}

/**
 * Text in which Markdown can do nothing: one line, no inline syntax, no autolink, no block marker
 * at the start. Most timeline entries are like this, and skipping marked + DOMPurify for them is
 * what keeps scrolling 100k distinct entries smooth (DOMPurify parses every string into a DOM).
 */
const PLAIN_TEXT = /^(?![#>+=\-*\s]|\d+[.)])[^\n*_`~[\]<>&\\!|@:]*$/;
const LINK_LIKE = /www\.|https?/i;

export function isPlainEntryText(text: string): boolean {
  return PLAIN_TEXT.test(text) && !LINK_LIKE.test(text);
}

/** Sanitized HTML for an entry's Markdown text; cached per text so scrolling never re-parses. */
export function renderEntryMarkdown(text: string): string {
  if (isPlainEntryText(text)) return `<p>${text}</p>`;
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  installLinkHook();
  const raw = markdown.parse(text) as string;
  const html = DOMPurify.sanitize(raw, { ADD_ATTR: ['target'], FORBID_TAGS: ['style', 'img', 'form', 'input'] });
  if (cache.size >= RENDER_CACHE_LIMIT) {
    // Map keeps insertion order: drop the oldest rendering.
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(text, html);
  return html;
}
