// Every status update sent, newest first, with who sent it, when and to whom, and where each
// customer update was delivered (the host's webhooks: sent, retrying with the reason, failed).
import type { StatusUpdate } from '../../shared/model/coordinationTypes';
import type { StatusDelivery } from '../../shared/model/statusDeliveries';
import { formatDateTime } from '../../shared/time/format';

function deliveryText(d: StatusDelivery): string {
  if (d.state === 'sent') return `${d.target}: sent${d.attempts > 1 ? ` (attempt ${d.attempts})` : ''}`;
  if (d.state === 'retrying') return `${d.target}: retrying after attempt ${d.attempts}: ${d.reason}`;
  return `${d.target}: failed after ${d.attempts} attempts: ${d.reason}`;
}

function Deliveries({ deliveries }: { deliveries: StatusDelivery[] }) {
  return (
    <ul className="comms-deliveries" aria-label="Delivery">
      {deliveries.map((d) => (
        <li key={d.target} className={`comms-delivery comms-delivery-${d.state}`}>
          {deliveryText(d)}
        </li>
      ))}
    </ul>
  );
}

export function StatusLog({ updates, deliveries, zone }: { updates: StatusUpdate[]; deliveries: Map<string, StatusDelivery[]>; zone: string }) {
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
              {deliveries.has(u.id) && <Deliveries deliveries={deliveries.get(u.id) ?? []} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
