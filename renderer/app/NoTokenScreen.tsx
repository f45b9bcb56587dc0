// Shown when a browser tab was opened without the host token (e.g. a bookmarked URL
// after the host restarted with a new token).
export function NoTokenScreen() {
  return (
    <main className="screen-message">
      <h1>War Room needs the link from the host</h1>
      <p>
        This page was opened without its access token. Open the full address that <code>warroom serve</code> printed,
        for example:
      </p>
      <pre className="error-detail">War Room is serving at http://127.0.0.1:PORT/#token=…</pre>
      <p className="muted">A new token is made each time the host starts, so old links stop working.</p>
    </main>
  );
}
