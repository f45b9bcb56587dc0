// A banner listing decisions whose revisit time has passed, with Snooze and Open, plus a
// desktop notification the first time each one falls due. Renders nothing when none is due.
import { useEffect } from 'react';
import { setRevisit } from '../../shared/model/decisionCommands';
import { dueRevisits, minutesAfter } from '../../shared/model/decisions';
import { isLive } from '../../shared/model/keyTimes';
import { formatTime } from '../../shared/time/format';
import { useNowInstant } from '../app/clock';
import { useIncidentContext } from '../app/session';
import { desktopBridge } from '../client/desktop';
import { useDisplayZone, useIncidentMeta } from '../timeline/incidentMetaStore';
import { openDecision } from './decisionFocus';
import { newlyDue, notifyRevisit } from './revisitNotifications';
import { useDecisions } from './useDecisions';
import './decisions.css';

/** How long "Snooze" puts a revisit off: long enough to finish a step, short enough not to forget. */
const SNOOZE_MINUTES = 15;
const NONE_DUE: ReturnType<typeof dueRevisits> = [];

export function RevisitBanner() {
  const { doc, author, canWrite } = useIncidentContext();
  const decisions = useDecisions(doc);
  const incident = useIncidentMeta();
  const zone = useDisplayZone();
  const now = useNowInstant();
  // Once the incident is over (resolved, or recorded after the fact), revisits are history, not alarms.
  const due = !incident || !isLive(incident) ? NONE_DUE : dueRevisits(decisions, now);

  useEffect(() => {
    // The desktop app notifies natively from its main process (incident/DesktopAttentionReport.tsx).
    if (desktopBridge()) return;
    for (const decision of newlyDue(due)) {
      notifyRevisit(decision.question, formatTime(decision.revisitAt as string, zone), () => openDecision(decision.id));
    }
  }, [due, zone]);

  if (due.length === 0) return null;
  return (
    <div className="banner dc-banner" role="alert">
      <ul>
        {due.map((decision) => (
          <li key={decision.id} className="row">
            <span className="grow">
              Revisit: {decision.question} (due {formatTime(decision.revisitAt as string, zone)})
            </span>
            {canWrite && (
              <button type="button" aria-label={`Snooze “${decision.question}” ${SNOOZE_MINUTES} min`} onClick={() => setRevisit(doc, { author }, decision.id, minutesAfter(now, SNOOZE_MINUTES))}>
                Snooze {SNOOZE_MINUTES} min
              </button>
            )}
            <button type="button" aria-label={`Open “${decision.question}”`} onClick={() => openDecision(decision.id)}>
              Open
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
