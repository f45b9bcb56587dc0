// Settings in serve mode: `conf` with the same JSON schema Electron's electron-store uses,
// stored as <dataDir>/settings.json. Settings never hold incident data.
import Conf from 'conf';
import { DEFAULT_SETTINGS, SettingsSchema, settingsJsonSchema, type Settings } from '../../shared/protocol/settings';
import { HostError } from './hostError';
import { PRIVATE_FILE_MODE } from './privateFiles';

export interface SettingsBackend {
  get(): Settings;
  set(patch: Partial<Settings>): Settings;
}

const PatchSchema = SettingsSchema.partial();

export function createConfSettings(dataDir: string): SettingsBackend {
  const { properties } = settingsJsonSchema() as { properties: Record<string, object> };
  const conf = new Conf<Settings>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'war-room',
    schema: properties as never,
    defaults: DEFAULT_SETTINGS,
    // A hand-edited file that fails the schema is reset rather than blocking the app.
    clearInvalidConfig: true,
    configFileMode: PRIVATE_FILE_MODE,
  });
  const get = (): Settings => SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...conf.store });
  return {
    get,
    set(patch) {
      const parsed = PatchSchema.safeParse(patch);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.map(String).join('.') ?? '';
        throw new HostError('bad-args', `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid setting'}`, field || undefined);
      }
      const defined = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as Partial<Settings>;
      conf.set(defined);
      return get();
    },
  };
}
