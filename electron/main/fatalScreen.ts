// The window's content when the store cannot be used: a static page (no script, nothing to
// write to) that names the file, says why and what to do, in the words the web UI's store banner
// uses. It needs no host, so it shows even when the SQLite module itself did not load.
import { describeStoreError, type StoreFailure } from '../../shared/protocol/storeFailure';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Colours from the app's dark theme; each text/background pair passes WCAG AA (≥ 4.5:1). */
const STYLE = `
body { margin: 0; background: #111418; color: #e6e9ee; font: 15px/1.5 system-ui, sans-serif; }
main { max-width: 46rem; margin: 3rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.4rem; }
.alert { border: 1px solid #f28b82; background: #2a1515; color: #ffd7d3; padding: 0.75rem 1rem; border-radius: 6px; }
dt { font-weight: 600; margin-top: 1rem; }
dd { margin: 0.25rem 0 0; }
code { font: 13px/1.4 ui-monospace, monospace; word-break: break-all; }
`;

export function storeFailureHtml(failure: StoreFailure): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>War Room cannot open its store</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>War Room cannot open its store</h1>
<p class="alert" role="alert">${escapeHtml(describeStoreError(failure))}</p>
<dl>
<dt>File</dt><dd><code>${escapeHtml(failure.file)}</code></dd>
<dt>Why</dt><dd>${escapeHtml(failure.reason)}</dd>
<dt>What to do</dt><dd>${escapeHtml(failure.advice)}</dd>
</dl>
</main>
</body>
</html>
`;
}

/** A data: URL the window can load with no server behind it. */
export function storeFailureUrl(failure: StoreFailure): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(storeFailureHtml(failure))}`;
}
