// Every status update sent, newest first, with who sent it, when and to whom.
import type { StatusUpdate } from '../../shared/model/coordinationTypes';
import { formatDateTime } from '../../shared/time/format';

export function StatusLog({ updates, zone }: { updates: StatusUpdate[]; zone: string }) {
  return (
    <section className="comms-log" aria-label="Status updates sent">
      <h3>Updates sent ({updates.length})</h3>
      {updates.length === 0 ? (
        <p className="muted">No status update sent yet.</p>
      ) : (
        <ol className="comms-log-list">
          {[...updates].reverse().map((u) => (
            <li key={u.id} className="comms-log-item">
              <div className="row muted">
                <span className="mono">{formatDateTime(u.postedAt, zone)}</span>
                <span className="tag">{u.audience}</span>
                <span className="tag">{u.template}</span>
                <span>by {u.postedBy || 'unknown'}</span>
              </div>
              <pre className="comms-log-text">{u.text}</pre>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
