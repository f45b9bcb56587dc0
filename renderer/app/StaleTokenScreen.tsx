// Shown when the host refuses the token this page holds: the link is from an earlier run of the
// host (each start makes a new token) or was copied wrong. Says so, and what to do.
export function StaleTokenScreen() {
  return (
    <main className="screen-message" role="alert" aria-labelledby="stale-token-title">
      <h1 id="stale-token-title">This War Room link is stale or wrong</h1>
      <p>The host is running, but it does not accept the access token in this link.</p>
      <ul>
        <li>
          The host makes a new token each time it starts, so a link from before its last start, or a bookmark, no longer works.
        </li>
        <li>A link copied in part, or typed by hand, does not work either.</li>
      </ul>
      <p>
        <strong>What to do:</strong> open the full address that <code>warroom serve</code> printed when it last started, for example:
      </p>
      <pre className="error-detail">War Room is serving at http://127.0.0.1:PORT/#token=…</pre>
      <p className="muted">Nothing you wrote is lost: incidents are kept by the host, not by this page.</p>
    </main>
  );
}
