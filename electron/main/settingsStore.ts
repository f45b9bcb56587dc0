// Settings through electron-store, with the same schema the host uses with `conf` in serve mode.
import Store from 'electron-store';
import { DEFAULT_SETTINGS, SettingsSchema, settingsJsonSchema, type Settings } from '../../shared/protocol/settings';
import type { SettingsBackend } from '../host/host';
import { PRIVATE_FILE_MODE } from '../host/privateFiles';
import type { WindowState } from './windowState';

export function createElectronSettings(): SettingsBackend {
  const schema = settingsJsonSchema() as { properties: Record<string, object> };
  const store = new Store<Settings>({ name: 'settings', schema: schema.properties as never, defaults: DEFAULT_SETTINGS, configFileMode: PRIVATE_FILE_MODE });
  return {
    get: () => SettingsSchema.parse(store.store),
    set: (patch) => {
      const valid = SettingsSchema.partial().parse(patch);
      for (const [key, value] of Object.entries(valid)) store.set(key as keyof Settings, value as never);
      return SettingsSchema.parse(store.store);
    },
  };
}

/** The window's last bounds and maximised state; apart from the settings, which the host also serves. */
export function createWindowStateStore(): { get(): unknown; set(state: WindowState): void } {
  const store = new Store<{ window?: WindowState }>({ name: 'window-state', configFileMode: PRIVATE_FILE_MODE });
  return { get: () => store.get('window'), set: (state) => store.set('window', state) };
}
