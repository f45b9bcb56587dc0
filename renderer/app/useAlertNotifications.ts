// A desktop notification when an alert opens an incident ("SEV2 opened from Alertmanager:
// HighErrorRate on checkout"); clicking it opens the incident. Only where the user (or the app)
// has granted notifications: this never asks on its own.
import { useEffect } from 'react';
import { alertOpenedNotice } from '../../shared/protocol/alertNotice';
import type { RpcClient } from '../client/rpc';
import { navigate } from './route';

export function useAlertNotifications(rpc: RpcClient): void {
  useEffect(
    () =>
      rpc.on('onAlertOpenedIncident', (incident) => {
        if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
        const notification = new Notification(alertOpenedNotice(incident), { tag: `alert-opened-${incident.incidentId}` });
        notification.onclick = () => {
          window.focus();
          navigate({ screen: 'incident', incidentId: incident.incidentId });
        };
      }),
    [rpc],
  );
}
