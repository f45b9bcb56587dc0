// One decision in full, beside the table: what was asked, the options, what was chosen and
// why, what replaced it, how it turned out, and every change with who and when.
import { chosenOptionTitle } from '../../shared/model/decisions';
import type { Decision } from '../../shared/model/coordinationTypes';
import { formatDateTime } from '../../shared/time/format';
import { useIncidentContext } from '../app/session';
import { DecidePanel } from './DecidePanel';
import { DecisionEditPanel } from './DecisionEditPanel';
import { OutcomePanel, ReplacePanel, RevisitControl } from './DecisionFollowUps';
import { selectDecision } from './decisionFocus';

interface Props {
  decision: Decision;
  decisions: Decision[];
  zone: string;
  onClose: () => void;
}

function Summary({ decision, decisions, zone }: Omit<Props, 'onClose'>) {
  const replacement = decisions.find((d) => d.id === decision.replacedBy);
  return (
    <div className="stack">
      {decision.context && <p className="dc-context">{decision.context}</p>}
      <ul className="dc-option-list">
        {decision.options.map((o) => (
          <li key={o.id} className={o.id === decision.chosenOptionId ? 'dc-chosen' : undefined}>
            <strong>{o.title}</strong>
            {o.id === decision.chosenOptionId && <span className="tag">chosen</span>}
            {o.pros && <div>Pros: {o.pros}</div>}
            {o.cons && <div>Cons: {o.cons}</div>}
          </li>
        ))}
      </ul>
      {decision.decidedBy && decision.decidedAt && (
        <p>
          Decided “{chosenOptionTitle(decision)}” by {decision.decidedBy} at {formatDateTime(decision.decidedAt, zone)}.
          {decision.rationale && <> Rationale: {decision.rationale}</>}
        </p>
      )}
      {replacement && (
        <p>
          {decision.status === 'reversed' ? 'Reversed' : 'Superseded'} by{' '}
          <button type="button" className="dc-link" onClick={() => selectDecision(replacement.id)}>
            {replacement.question}
          </button>
        </p>
      )}
      {decision.outcome && (
        <p>
          Outcome: <span className={`dc-verdict dc-verdict-${decision.outcome.verdict}`}>{decision.outcome.verdict}</span> — {decision.outcome.why} (
          {decision.outcome.by})
        </p>
      )}
    </div>
  );
}

export function DecisionDetail({ decision, decisions, zone, onClose }: Props) {
  const { canWrite } = useIncidentContext();
  const inPlay = decision.status === 'proposed' || decision.status === 'decided';
  return (
    <aside className="dc-detail" aria-label={`Decision: ${decision.question}`}>
      <div className="row">
        <h3 className="grow">{decision.question}</h3>
        <span className={`dc-status dc-status-${decision.status}`}>{decision.status}</span>
        <span className="tag">{decision.reversibility} door</span>
        <button type="button" className="icon-button" aria-label="Close decision" onClick={onClose}>
          ×
        </button>
      </div>
      {canWrite && decision.status === 'proposed' ? (
        <>
          <DecisionEditPanel decision={decision} />
          <DecidePanel decision={decision} />
        </>
      ) : (
        <Summary decision={decision} decisions={decisions} zone={zone} />
      )}
      {canWrite && inPlay && <RevisitControl decision={decision} zone={zone} />}
      {canWrite && decision.status === 'decided' && <ReplacePanel decision={decision} decisions={decisions} />}
      {canWrite && decision.status !== 'proposed' && <OutcomePanel decision={decision} />}
      <details className="dc-history">
        <summary>History ({decision.history.length})</summary>
        <ol>
          {decision.history.map((change, index) => (
            <li key={index}>
              <time dateTime={change.at}>{change.at ? formatDateTime(change.at, zone) : ''}</time> {change.by}: {change.change}
            </li>
          ))}
        </ol>
      </details>
    </aside>
  );
}
