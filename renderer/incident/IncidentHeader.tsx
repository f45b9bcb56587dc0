// The incident's masthead: what is broken, how bad, where we are, for how long,
// what time it is, when the next status update is due, how far the checklists are,
// and whether our notes are safe on disk (in a shared room: whether the room has them), and who
// else is here.
import { useState } from 'react';
import { setSeverity, setStatus } from '../../shared/model/commands';
import { SEVERITIES, STATUSES, type Incident, type IncidentStatus, type Severity } from '../../shared/model/types';
import { routeHash } from '../app/route';
import { useIncidentContext } from '../app/session';
import { commandContext } from './commitField';
import { DraftField } from './DraftField';
import { ElapsedClock, WallClocks } from './HeaderClocks';
import { KeyTimeControls } from './KeyTimeControls';
import { PrimaryAction } from './PrimaryAction';
import { SavedIndicator } from './SavedIndicator';
import { FieldError } from '../app/FieldError';
import { ChecklistProgressBadge } from '../checklists/ChecklistProgressBadge';
import { SharePanel } from '../sharing/SharePanel';
import { SyncIndicator } from '../presence/SyncIndicator';
import { RoomStatusChip } from '../replica/RoomStatusChip';
import { useDisplayZone } from '../timeline/incidentMetaStore';

const STATUS_LABELS: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

interface HeaderProps {
  incident: Incident;
  exportMessage: string | null;
  /** Absent without a local host (settings live there). */
  onOpenSettings?: () => void;
  /** A browser in a shared room: no way "back" to a Home it cannot see, and a sync state instead of "saved". */
  room?: boolean;
}

export function IncidentHeader({ incident, exportMessage, onOpenSettings, room = false }: HeaderProps) {
  const context = useIncidentContext();
  const displayZone = useDisplayZone();
  const [error, setError] = useState<string | null>(null);
  const [shareOpen, setShareOpen] = useState(false);

  const run = (command: () => void) => {
    try {
      command();
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <header className="incident-header">
      <div className="header-row">
        {!room && (
          <a className="back-link" href={routeHash({ screen: 'home' })} aria-label="All incidents" title="All incidents">
            ←
          </a>
        )}
        <DraftField incident={incident} field="title" label="Incident title" hideLabel className="title-field" title={incident.title} wrap />
        <select
          aria-label="Severity"
          className={`sev-select sev-${incident.severity.toLowerCase()}`}
          value={incident.severity}
          disabled={!context.canWrite}
          onChange={(e) => run(() => setSeverity(context.doc, commandContext(context), e.target.value as Severity))}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select
          aria-label="Status"
          className={`status-select status-${incident.status}`}
          value={incident.status}
          disabled={!context.canWrite}
          onChange={(e) => run(() => setStatus(context.doc, commandContext(context), e.target.value as IncidentStatus))}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <ElapsedClock incident={incident} />
        <KeyTimeControls incident={incident} />
        <WallClocks zone={displayZone} />
        <ChecklistProgressBadge />
        {room ? <SyncIndicator /> : <SavedIndicator />}
        {/* A room this desktop joined (its host keeps the replica): hidden for incidents of our own. */}
        {!room && <RoomStatusChip incidentId={context.incidentId} />}
        {!room && (
          <button type="button" onClick={() => setShareOpen(true)}>
            Share
          </button>
        )}
        <PrimaryAction incident={incident} />
        {onOpenSettings && (
          <button type="button" className="icon-button" aria-label="Settings" title="Settings" onClick={onOpenSettings}>
            ⚙
          </button>
        )}
      </div>
      {(error || exportMessage) && (
        <div className="header-messages">
          <FieldError message={error} />
          {exportMessage && (
            <p className="muted" role="status">
              {exportMessage}
            </p>
          )}
        </div>
      )}
      {/* Sharing is the host owner's business: a browser that joined a room never sees it. */}
      {shareOpen && !room && <SharePanel incidentId={context.incidentId} onClose={() => setShareOpen(false)} />}
    </header>
  );
}
