// "Now": the incident at a glance, pinned beside the timeline for everyone in the room
// (observers read it). Summary, impact and the leading hypothesis are edited in place and
// keep their history; the rest is read live from the roles, decisions, checklists, comms
// and timeline sources every other view uses. It folds to a narrow strip so the timeline
// can take the whole width.
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { updateIncident } from '../../shared/model/commands';
import { labelText, parseLabelText, setIncidentLabels, type LabelField } from '../../shared/model/incidentLabels';
import { ruleOutHypothesis, setHypothesis, type SituationEdit, type SituationField } from '../../shared/model/situation';
import type { Incident } from '../../shared/model/types';
import { formatDateTime, formatTime } from '../../shared/time/format';
import { countLabel } from '../app/countLabel';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import { commandContext } from '../incident/commitField';
import { DraftText } from '../incident/DraftField';
import { useDisplayZone } from '../timeline/incidentMetaStore';
import { useEntriesStore } from '../timeline/useEntriesStore';
import { useDecisions } from '../decisions/useDecisions';
import { useChecklists } from '../checklists/useChecklists';
import { roleRows } from '../roles/roleBoard';
import { useRoles } from '../roles/useRoles';
import { NextUpdateDue } from './NextUpdateDue';
import { checklistsInProgress, openDecisions, workstreamsNow } from './nowModel';
import { useSituation } from './useSituation';
import { SimilarIncidents } from '../search/SimilarIncidents';
import './now.css';

const COLLAPSED_KEY = 'warroom.now.collapsed';

function errorOf(write: () => void): string | null {
  try {
    write();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

export function NowPanel({ incident }: { incident: Incident }) {
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === 'true');
  const bodyId = useId();
  const toggle = () => {
    localStorage.setItem(COLLAPSED_KEY, String(!collapsed));
    setCollapsed(!collapsed);
  };
  return (
    <aside className={`now-panel${collapsed ? ' now-collapsed' : ''}`} aria-label="Now">
      <div className="now-head">
        {!collapsed && <h2 className="now-title">Now</h2>}
        <button type="button" className="now-toggle" aria-expanded={!collapsed} aria-controls={bodyId} onClick={toggle} title={collapsed ? 'Show the Now panel' : 'Hide the Now panel'}>
          {collapsed ? '‹ Now' : 'Hide ›'}
        </button>
      </div>
      {!collapsed && (
        <div className="now-body" id={bodyId}>
          <NowBody incident={incident} />
        </div>
      )}
    </aside>
  );
}

function NowBody({ incident }: { incident: Incident }) {
  const context = useIncidentContext();
  const zone = useDisplayZone();
  const situation = useSituation();
  const write = (field: 'summary' | 'impact') => (text: string) => errorOf(() => updateIncident(context.doc, commandContext(context), { [field]: text }));
  return (
    <>
      <p className="now-state">
        <span className={`now-badge sev-${incident.severity.toLowerCase()}`}>{incident.severity}</span>
        <span className={`now-badge status-${incident.status}`}>{incident.status}</span>
        <span className="now-mitigated">
          {incident.mitigatedAt ? `Mitigated ${formatDateTime(incident.mitigatedAt, zone)}` : 'Not mitigated'}
        </span>
      </p>
      <Labels incident={incident} />
      <SituationText label="Summary" field="summary" value={incident.summary} commit={write('summary')} edits={situation.edits} zone={zone} placeholder="What is broken, in a sentence." />
      <SituationText label="Customer impact" field="impact" value={incident.impact} commit={write('impact')} edits={situation.edits} zone={zone} placeholder="Who is affected, and how." />
      <Hypothesis hypothesis={situation.hypothesis} ruledOut={situation.ruledOut} edits={situation.edits} zone={zone} />
      <NextUpdateDue incident={incident} zone={zone} />
      <Roles commander={incident.commander} />
      <Workstreams zone={zone} />
      <OpenDecisions zone={zone} />
      <Checklists />
      <SimilarIncidents incident={incident} />
    </>
  );
}

const LABEL_NAMES: Record<LabelField, string> = { services: 'Services', tags: 'Tags' };

/** Services and tags, one comma-separated line each: small, because they matter afterwards more than now. */
function Labels({ incident }: { incident: Incident }) {
  const context = useIncidentContext();
  const write = (field: LabelField) => (text: string) => errorOf(() => setIncidentLabels(context.doc, commandContext(context), field, parseLabelText(text)));
  return (
    <div className="now-section now-labels">
      {(['services', 'tags'] as const).map((field) => (
        <DraftText
          key={field}
          label={LABEL_NAMES[field]}
          value={labelText(incident[field])}
          commit={write(field)}
          placeholder={field === 'services' ? 'billing API, primary DB' : 'capacity, vendor'}
          className="now-label-field"
        />
      ))}
    </div>
  );
}

interface SituationTextProps {
  label: string;
  field: SituationField;
  value: string;
  commit: (text: string) => string | null;
  edits: readonly SituationEdit[];
  zone: string;
  placeholder: string;
}

function SituationText({ label, field, value, commit, edits, zone, placeholder }: SituationTextProps) {
  return (
    <div className="now-section">
      <DraftText label={label} value={value} commit={commit} multiline placeholder={placeholder} className="now-text" />
      <EditHistory label={label} edits={edits.filter((e) => e.field === field)} zone={zone} />
    </div>
  );
}

function EditHistory({ label, edits, zone }: { label: string; edits: readonly SituationEdit[]; zone: string }) {
  if (edits.length === 0) return null;
  return (
    <details className="now-history">
      <summary aria-label={`${label} history, ${countLabel(edits.length, 'change', 'changes')}`}>History ({edits.length})</summary>
      <ol reversed>
        {[...edits].reverse().map((edit, i) => (
          <li key={`${edit.at}-${i}`}>
            <span className="mono">{formatTime(edit.at, zone)}</span> {edit.by || 'someone'}: {edit.value || <em>cleared</em>}
          </li>
        ))}
      </ol>
    </details>
  );
}

function Hypothesis({ hypothesis, ruledOut, edits, zone }: { hypothesis: string; ruledOut: ReturnType<typeof useSituation>['ruledOut']; edits: readonly SituationEdit[]; zone: string }) {
  const context = useIncidentContext();
  const [ruling, setRuling] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ctx = commandContext(context);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const failure = errorOf(() => ruleOutHypothesis(context.doc, ctx, reason));
    setError(failure);
    if (!failure) {
      setReason('');
      setRuling(false);
    }
  };
  return (
    <div className="now-section">
      <DraftText
        label="Leading hypothesis"
        value={hypothesis}
        commit={(text) => errorOf(() => setHypothesis(context.doc, ctx, text))}
        placeholder="Our best guess at the cause."
        className="now-text"
      />
      {context.canWrite && hypothesis !== '' && !ruling && (
        <button type="button" className="now-small" onClick={() => setRuling(true)}>
          Rule out…
        </button>
      )}
      {ruling && (
        <form className="now-ruleout" onSubmit={submit}>
          <label className="field">
            <span>Why is it ruled out?</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          </label>
          <button type="submit">Rule out</button>
          <button type="button" onClick={() => setRuling(false)}>
            Cancel
          </button>
          <FieldError message={error} />
        </form>
      )}
      {ruledOut.length > 0 && (
        <ul className="now-ruled-out" aria-label="Ruled out">
          {ruledOut.map((r, i) => (
            <li key={`${r.at}-${i}`}>
              <s>{r.text}</s> — {r.reason} <span className="muted">({r.by}, {formatTime(r.at, zone)})</span>
            </li>
          ))}
        </ul>
      )}
      <EditHistory label="Leading hypothesis" edits={edits.filter((e) => e.field === 'hypothesis')} zone={zone} />
    </div>
  );
}

function NowList({ title, empty, children }: { title: string; empty: string; children: ReactNode[] }) {
  const id = useId();
  return (
    <section className="now-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children.length === 0 ? <p className="muted">{empty}</p> : <ul className="now-list">{children}</ul>}
    </section>
  );
}

function Roles({ commander }: { commander: string }) {
  const { doc } = useIncidentContext();
  const { roles } = useRoles(doc);
  const held = useMemo(() => roleRows(roles, commander).filter((r) => r.holder !== ''), [roles, commander]);
  return (
    <NowList title="Roles" empty="Nobody holds a role yet.">
      {held.map((r) => (
        <li key={r.role}>
          <span className="now-key">{r.role}</span> {r.holder}
        </li>
      ))}
    </NowList>
  );
}

function Workstreams({ zone }: { zone: string }) {
  const { doc } = useIncidentContext();
  const { orderedIds, byId, workstreams } = useStore(useEntriesStore(doc), useShallow((s) => ({ orderedIds: s.orderedIds, byId: s.byId, workstreams: s.workstreams, revision: s.revision })));
  const latest = workstreamsNow(orderedIds, byId, workstreams);
  return (
    <NowList title="Workstreams" empty="No workstream on the timeline yet.">
      {latest.map(({ workstream, latest: entry }) => (
        <li key={workstream}>
          <span className="now-key">{workstream}</span> <span className="mono">{formatTime(entry.occurredAt, zone)}</span> {entry.author}: {entry.text}
        </li>
      ))}
    </NowList>
  );
}

function OpenDecisions({ zone }: { zone: string }) {
  const { doc } = useIncidentContext();
  const open = openDecisions(useDecisions(doc));
  return (
    <NowList title="Open decisions" empty="No open decision.">
      {open.map((d) => (
        <li key={d.id}>
          {d.question}{' '}
          <span className="muted">{d.revisitAt ? `revisit ${formatTime(d.revisitAt, zone)}` : d.status}</span>
        </li>
      ))}
    </NowList>
  );
}

function Checklists() {
  const { doc } = useIncidentContext();
  const lists = checklistsInProgress(useChecklists(doc));
  return (
    <NowList title="Checklists in progress" empty="No checklist under way.">
      {lists.map((l) => (
        <li key={l.id}>
          {l.title}{' '}
          <span className="mono">
            {l.finished} of {l.total}
          </span>
          {l.blocked.length > 0 && <span className="now-blocked"> · blocked: {l.blocked.join('; ')}</span>}
        </li>
      ))}
    </NowList>
  );
}
