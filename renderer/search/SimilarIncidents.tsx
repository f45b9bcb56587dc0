// "Have we seen this before?": the past incidents whose title, summary and key events best match
// this one's (the host ranks them with bm25). Only with a local host: a room page sees one incident.
import { useEffect, useId, useState } from 'react';
import type { Incident } from '../../shared/model/types';
import type { SimilarIncident } from '../../shared/protocol/search';
import { routeHash } from '../app/route';
import { useLocalHost } from '../app/session';

/** After an edit of the title or summary, ask again once the host's index has taken it in. */
const REFRESH_AFTER_EDIT_MS = 1_000;

export function SimilarIncidents({ incident }: { incident: Pick<Incident, 'id' | 'title' | 'summary'> }) {
  const host = useLocalHost();
  const headingId = useId();
  const [similar, setSimilar] = useState<SimilarIncident[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rpc = host?.rpc ?? null;
  const { id, title, summary } = incident;

  useEffect(() => {
    if (!rpc) return;
    let current = true;
    const ask = () =>
      rpc.similarIncidents({ incidentId: id }).then(
        (found) => {
          if (!current) return;
          setSimilar(found);
          setError(null);
        },
        (err: unknown) => current && setError((err as Error).message),
      );
    const timer = setTimeout(() => void ask(), similar === null ? 0 : REFRESH_AFTER_EDIT_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // Asked again when what it matches on changes; `similar` only says whether this is the first ask.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rpc, id, title, summary]);

  if (!rpc) return null;
  return (
    <section className="now-section similar-incidents" aria-labelledby={headingId}>
      <h3 id={headingId}>Similar incidents</h3>
      {error ? (
        <p className="field-error">Could not look for similar incidents: {error}</p>
      ) : similar === null ? (
        <p className="muted">Looking…</p>
      ) : similar.length === 0 ? (
        <p className="muted">None found yet.</p>
      ) : (
        <ul className="now-list" aria-labelledby={headingId}>
          {similar.map((s) => (
            <li key={s.incidentId}>
              <a href={routeHash({ screen: 'incident', incidentId: s.incidentId })}>{s.title || 'Untitled incident'}</a>{' '}
              <span className="mono">{s.severity}</span> <span className="muted">{s.status}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
