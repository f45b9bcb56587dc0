// Postmortem preview: GFM from the host → HTML (marked) → sanitized (DOMPurify).
// A private DOMPurify instance so our link hook does not affect the timeline's.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  const href = node.getAttribute('href') ?? '';
  // Only web links leave the app (Electron opens them externally); nothing else navigates.
  if (/^https?:\/\//i.test(href)) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  } else {
    node.removeAttribute('href');
  }
});

export function postmortemHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return purifier.sanitize(html);
}
