// The user's settings as the host keeps them (conf / electron-store). Loaded once per
// window; every change goes to the host first and the store keeps what it answers.
import { create } from 'zustand';
import type { Settings } from '../../shared/protocol/settings';
import { DEFAULT_DATE_ORDER, type DateOrder } from '../../shared/time/dateOrder';
import { desktopBridge } from '../client/desktop';
import type { RpcClient } from '../client/rpc';

/**
 * In a browser tab the display name belongs to the browser, not the host: several people can
 * open the same served host, and each must write under their own name. The desktop app's
 * window is its owner's, so there the host's settings (electron-store) keep the name.
 */
const BROWSER_NAME_KEY = 'warroom.displayName';

function browserDisplayName(): string | null {
  if (desktopBridge()) return null;
  try {
    return localStorage.getItem(BROWSER_NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

/** A browser's own display name for a page without RPC (a shared room); '' when none is kept. */
export function storedBrowserName(): string {
  try {
    return localStorage.getItem(BROWSER_NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function storeBrowserName(name: string): void {
  localStorage.setItem(BROWSER_NAME_KEY, name);
}

function withBrowserName(settings: Settings): Settings {
  const name = browserDisplayName();
  return name === null ? settings : { ...settings, displayName: name };
}

/** Matches SettingsSchema's cap on recentIncidents. */
export const MAX_RECENT_INCIDENTS = 20;

interface SettingsState {
  settings: Settings | null;
  loadError: string | null;
}

export const useSettings = create<SettingsState>()(() => ({ settings: null, loadError: null }));

/** How typed numeric dates are read: the setting, or its default until settings have loaded. */
export function useDateOrder(): DateOrder {
  return useSettings((s) => s.settings?.dateOrder ?? DEFAULT_DATE_ORDER);
}

export function applyTheme(theme: Settings['theme']): void {
  document.documentElement.dataset.theme = theme;
}

export async function loadSettings(rpc: RpcClient): Promise<void> {
  try {
    const settings = withBrowserName(await rpc.getSettings({}));
    applyTheme(settings.theme);
    useSettings.setState({ settings, loadError: null });
  } catch (error) {
    useSettings.setState({ loadError: (error as Error).message });
  }
}

export async function updateSettings(rpc: RpcClient, patch: Partial<Settings>): Promise<Settings> {
  const { displayName, ...hostPatch } = patch;
  const keepInBrowser = displayName !== undefined && browserDisplayName() !== null;
  if (keepInBrowser) localStorage.setItem(BROWSER_NAME_KEY, displayName);
  const settings = withBrowserName(await rpc.setSettings(keepInBrowser ? hostPatch : patch));
  applyTheme(settings.theme);
  useSettings.setState({ settings });
  return settings;
}

/** Most recent first, without duplicates, capped. */
export function withRecentIncident(recent: readonly string[], incidentId: string): string[] {
  return [incidentId, ...recent.filter((id) => id !== incidentId)].slice(0, MAX_RECENT_INCIDENTS);
}
