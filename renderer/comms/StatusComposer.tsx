// Compose a status update: pick an audience and a template, which fills the text from the
// incident's fields; edit freely (a later template change never overwrites edits without
// asking), then post it (logged as a "comms" entry) or copy it for a status page or chat.
import { useState } from 'react';
import { AUDIENCES, type Audience } from '../../shared/model/coordinationTypes';
import { postStatusUpdate } from '../../shared/model/statusCommands';
import { STATUS_TEMPLATE_LABELS, composeStatusUpdate } from '../../shared/model/statusUpdates';
import { STATUSES, type Incident, type IncidentStatus } from '../../shared/model/types';
import { nowInstant } from '../../shared/time/instant';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import { commandFailure } from '../actions/commandFailure';
import { useHostFacts } from '../client/hostFacts';
import { postedNotice } from './postedNotice';

const AUDIENCE_LABELS: Record<Audience, string> = { internal: 'Internal', customers: 'Customers' };
/** Long enough to notice "Copied" after glancing at the other window. */
const NOTICE_MS = 4_000;

export function StatusComposer({ incident }: { incident: Incident }) {
  const { doc, author, canWrite } = useIncidentContext();
  const [audience, setAudience] = useState<Audience>('internal');
  const [template, setTemplate] = useState<IncidentStatus>(incident.status);
  const [text, setText] = useState(() => composeStatusUpdate(incident, incident.status, 'internal', nowInstant()));
  const [edited, setEdited] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The text just posted, while its confirmation offers to copy it. */
  const [posted, setPosted] = useState<string | null>(null);
  const statusTargets = useHostFacts((s) => s.statusTargets);

  const fill = (nextTemplate: IncidentStatus, nextAudience: Audience) => {
    setText(composeStatusUpdate(incident, nextTemplate, nextAudience, nowInstant()));
    setEdited(false);
    setError(null);
  };
  const choose = (nextTemplate: IncidentStatus, nextAudience: Audience) => {
    setTemplate(nextTemplate);
    setAudience(nextAudience);
    if (!edited) fill(nextTemplate, nextAudience);
  };
  const flash = (message: string) => {
    setNotice(message);
    setTimeout(() => setNotice((current) => (current === message ? null : current)), NOTICE_MS);
  };

  const post = () => {
    try {
      postStatusUpdate(doc, { author }, { audience, template, text });
      const confirmation = postedNotice(audience, statusTargets);
      setPosted(confirmation.offerCopy ? text : null);
      fill(template, audience);
      setNotice(confirmation.text);
    } catch (err) {
      setError(commandFailure(err).message);
    }
  };
  const copy = (what: string = text) => {
    navigator.clipboard.writeText(what).then(
      () => flash('Copied to the clipboard.'),
      () => setError('The clipboard is not available here; select the text and copy it by hand.'),
    );
  };

  return (
    <section className="comms-composer card" aria-label="Compose status update">
      <div className="row wrap">
        <label className="field">
          <span>Audience</span>
          <select value={audience} onChange={(e) => choose(template, e.target.value as Audience)}>
            {AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {AUDIENCE_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Template</span>
          <select value={template} onChange={(e) => choose(e.target.value as IncidentStatus, audience)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_TEMPLATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {edited && (
          <button type="button" className="comms-refill" onClick={() => fill(template, audience)}>
            Refill from template
          </button>
        )}
      </div>
      <label className="field">
        <span>Update text</span>
        <textarea
          className="comms-text"
          rows={8}
          value={text}
          aria-invalid={error !== null}
          onChange={(e) => {
            setText(e.target.value);
            setEdited(true);
            setError(null);
          }}
        />
      </label>
      <FieldError message={error} />
      <div className="row">
        {canWrite && (
          <button type="button" className="primary" onClick={post}>
            Post update
          </button>
        )}
        <button type="button" onClick={() => copy()}>
          Copy
        </button>
        <span className="muted" role="status">
          {notice}
        </span>
        {posted !== null && notice !== null && (
          <button
            type="button"
            onClick={() => {
              copy(posted);
              setPosted(null);
            }}
          >
            Copy the posted update
          </button>
        )}
      </div>
    </section>
  );
}
