// Reports the open incident's reminders, overdue count and unsaved changes to the desktop app
// (notifications, badge, quit confirmation). A component of its own so
// that its clock tick re-renders nothing else; renders nothing, and is absent in a browser tab.
import { useEffect, useMemo } from 'react';
import type { DesktopBridge } from '../../shared/protocol/desktopBridge';
import { useNowInstant } from '../app/clock';
import { useIncidentContext } from '../app/session';
import { useSyncState } from '../client/syncState';
import { useComms } from '../comms/useComms';
import { useDecisions } from '../decisions/useDecisions';
import { useIncidentMeta } from '../timeline/incidentMetaStore';
import { desktopAttention, NO_ATTENTION } from './desktopAttention';

export function DesktopAttentionReport({ bridge }: { bridge: DesktopBridge }) {
  const { doc } = useIncidentContext();
  const incident = useIncidentMeta();
  const decisions = useDecisions(doc);
  const { updates, cadence } = useComms();
  const unsynced = useSyncState((s) => s.unsynced);
  const now = useNowInstant();
  const attention = useMemo(
    () => (incident ? desktopAttention({ incident, decisions, updates, cadence, now, unsynced }) : NO_ATTENTION),
    [incident, decisions, updates, cadence, now, unsynced],
  );
  // Sent when it changes, not on every tick.
  const report = JSON.stringify(attention);
  useEffect(() => bridge.reportAttention(JSON.parse(report)), [bridge, report]);
  // Leaving the incident: no badge for it.
  useEffect(() => () => bridge.reportAttention(NO_ATTENTION), [bridge]);
  return null;
}
