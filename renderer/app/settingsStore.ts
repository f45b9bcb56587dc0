// The user's settings as the host keeps them (conf / electron-store). Loaded once per
// window; every change goes to the host first and the store keeps what it answers.
import { create } from 'zustand';
import type { Settings } from '../../shared/protocol/settings';
import type { RpcClient } from '../client/rpc';

/** Matches SettingsSchema's cap on recentIncidents. */
export const MAX_RECENT_INCIDENTS = 20;

interface SettingsState {
  settings: Settings | null;
  loadError: string | null;
}

export const useSettings = create<SettingsState>()(() => ({ settings: null, loadError: null }));

export function applyTheme(theme: Settings['theme']): void {
  document.documentElement.dataset.theme = theme;
}

export async function loadSettings(rpc: RpcClient): Promise<void> {
  try {
    const settings = await rpc.getSettings({});
    applyTheme(settings.theme);
    useSettings.setState({ settings, loadError: null });
  } catch (error) {
    useSettings.setState({ loadError: (error as Error).message });
  }
}

export async function updateSettings(rpc: RpcClient, patch: Partial<Settings>): Promise<Settings> {
  const settings = await rpc.setSettings(patch);
  applyTheme(settings.theme);
  useSettings.setState({ settings });
  return settings;
}

/** Most recent first, without duplicates, capped. */
export function withRecentIncident(recent: readonly string[], incidentId: string): string[] {
  return [incidentId, ...recent.filter((id) => id !== incidentId)].slice(0, MAX_RECENT_INCIDENTS);
}
