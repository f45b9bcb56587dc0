// A static status page for one incident: a self-contained HTML page (inline CSS, no scripts, no
// external requests) and an Atom feed, holding the customer status updates and nothing else.
// Internal updates and the timeline never appear. `warroom statuspage ID --out DIR` writes them.
import type * as Y from 'yjs';
import { readIncident } from '../../../shared/model/doc';
import { readStatusUpdates } from '../../../shared/model/statusUpdates';

export const STATUS_PAGE_FILE = 'index.html';
export const STATUS_FEED_FILE = 'feed.atom';
/** Marks the files as ours: an existing file without it is never overwritten. */
export const GENERATOR_MARK = 'War Room status page';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text into HTML or XML, text or attribute: every markup character escaped. */
const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** Colours chosen for WCAG AA contrast (at least 4.5:1) on the white page. */
const STYLE = `body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.5rem}.state{display:inline-block;padding:.1rem .5rem;border-radius:.25rem;background:#1a1a1a;color:#fff}
article{border-top:1px solid #767676;padding:.75rem 0}time{color:#4a4a4a}p{white-space:pre-wrap}`;

export interface StatusPageFiles {
  html: string;
  atom: string;
  /** How many updates the page holds (customer updates only). */
  updates: number;
}

export function renderStatusPage(doc: Y.Doc, generatedAt: string): StatusPageFiles | null {
  const incident = readIncident(doc);
  if (!incident) return null;
  const updates = readStatusUpdates(doc)
    .filter((u) => u.audience === 'customers')
    .sort((a, b) => (a.postedAt < b.postedAt ? 1 : a.postedAt > b.postedAt ? -1 : 0));
  const title = esc(incident.title);
  const articles = updates
    .map((u) => `<article><h2>${esc(u.template[0]?.toUpperCase() ?? '')}${esc(u.template.slice(1))}</h2><p>${esc(u.text)}</p><time datetime="${esc(u.postedAt)}">${esc(u.postedAt)}</time></article>`)
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${GENERATOR_MARK}">
<title>${title}: status</title>
<link rel="alternate" type="application/atom+xml" href="${STATUS_FEED_FILE}" title="Status updates">
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>Current status: <span class="state">${esc(incident.status)}</span></p>
${articles || '<p>No updates yet.</p>'}
<footer><p>Generated <time datetime="${esc(generatedAt)}">${esc(generatedAt)}</time>. <a href="${STATUS_FEED_FILE}">Atom feed</a></p></footer>
</main>
</body>
</html>
`;
  const entries = updates
    .map(
      (u) => `<entry><id>urn:warroom:${esc(incident.id)}:${esc(u.id)}</id><title>${esc(u.template)}</title><updated>${esc(u.postedAt)}</updated><content type="text">${esc(u.text)}</content></entry>`,
    )
    .join('\n');
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>urn:warroom:${esc(incident.id)}</id>
<title>${title}</title>
<updated>${esc(updates[0]?.postedAt ?? generatedAt)}</updated>
<author><name>War Room</name></author>
<generator>${GENERATOR_MARK}</generator>
${entries}
</feed>
`;
  return { html, atom, updates: updates.length };
}
