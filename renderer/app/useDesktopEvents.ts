// What the desktop app's main process sends the window: menu commands (run through the same
// registry as the UI), warroom://join links (shown in the Join dialog for the user to confirm),
// and clicked notifications (open their incident). Nothing in a browser tab.
import { useEffect } from 'react';
import { THEMES } from '../../shared/protocol/settings';
import { desktopBridge } from '../client/desktop';
import type { RpcClient } from '../client/rpc';
import { openJoinLink } from '../replica/joinRequest';
import { runAppCommand, useAppCommand } from './appCommands';
import { navigate } from './route';
import { updateSettings, useSettings } from './settingsStore';

export function useDesktopEvents(rpc: RpcClient): void {
  useAppCommand('view.toggleTheme', () => {
    const current = useSettings.getState().settings?.theme;
    if (!current) return;
    void updateSettings(rpc, { theme: THEMES.find((theme) => theme !== current) ?? current });
  });
  useEffect(() => {
    const bridge = desktopBridge();
    if (!bridge) return;
    const subscriptions = [
      bridge.onCommand((command) => runAppCommand(command)),
      bridge.onJoinLink(openJoinLink),
      bridge.onOpenIncident((incidentId) => navigate({ screen: 'incident', incidentId })),
    ];
    return () => subscriptions.forEach((unsubscribe) => unsubscribe());
  }, []);
}
