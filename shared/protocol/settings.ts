// Settings schema shared by electron-store (desktop) and conf (serve mode).
// Settings never hold incident data.
import { z } from 'zod';

export const THEMES = ['dark', 'light'] as const;

export const WindowBoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
});

export const SettingsSchema = z.object({
  displayName: z.string().max(100),
  /** IANA zone name; empty means "the machine's zone". */
  defaultTimeZone: z.string().max(64),
  theme: z.enum(THEMES),
  /** Most recent first, ids only. */
  recentIncidents: z.array(z.string().max(64)).max(20),
  windowBounds: WindowBoundsSchema.nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  displayName: '',
  defaultTimeZone: '',
  theme: 'dark',
  recentIncidents: [],
  windowBounds: null,
};

/** JSON Schema for conf / electron-store, generated from the zod schema so both agree. */
export const settingsJsonSchema = () => z.toJSONSchema(SettingsSchema);
