// Settings schema shared by electron-store (desktop) and conf (serve mode).
// Settings never hold incident data.
import { z } from 'zod';
import { DEFAULT_REDACTION_RULES, RedactionRuleSchema } from '../terminal/redactionRules';
import { DATE_ORDERS, DEFAULT_DATE_ORDER } from '../time/dateOrder';
import { DEFAULT_FOLLOW_UP_POLICY } from '../catalog/followUpPolicy';

export const THEMES = ['dark', 'light'] as const;

export const WindowBoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
});

export const TerminalSettingsSchema = z.object({
  /** Program to start; empty means the user's login shell. */
  shell: z.string().max(4096),
  /** Arguments; used only when `shell` is set. */
  args: z.array(z.string().max(4096)).max(64),
  /** Working directory; empty means the home directory. */
  cwd: z.string().max(4096),
  /** Extra environment variables for every shell. */
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Variable names are letters, digits and _'), z.string().max(32_768)),
  /** Command capture through shell integration (bash and zsh). */
  shellIntegration: z.boolean(),
  /** Let programs write the clipboard with OSC 52. Off by default; reading is never allowed. */
  allowClipboardWrite: z.boolean(),
  /** Applied to recordings, pinned excerpts and logged commands. */
  redactionRules: z.array(RedactionRuleSchema).max(100),
});
export type TerminalSettings = z.infer<typeof TerminalSettingsSchema>;

export const DEFAULT_TERMINAL_SETTINGS: TerminalSettings = {
  shell: '',
  args: [],
  cwd: '',
  env: {},
  shellIntegration: true,
  allowClipboardWrite: false,
  redactionRules: [...DEFAULT_REDACTION_RULES],
};

/** A deadline longer than two years is no deadline. */
const MAX_POLICY_WEEKS = 104;
const PolicyWeeks = z.number().int().min(1).max(MAX_POLICY_WEEKS).nullable();

/** Weeks from creation to due for follow-ups nobody dated, per priority (null: no deadline). */
export const FollowUpPolicySchema = z.object({ P1: PolicyWeeks, P2: PolicyWeeks, P3: PolicyWeeks });

export const SettingsSchema = z.object({
  displayName: z.string().max(100),
  /** IANA zone name; empty means "the machine's zone". */
  defaultTimeZone: z.string().max(64),
  /** How a numeric date such as 5/6/2026 is read when typed (day-first or month-first). */
  dateOrder: z.enum(DATE_ORDERS),
  theme: z.enum(THEMES),
  /** Most recent first, ids only. */
  recentIncidents: z.array(z.string().max(64)).max(20),
  windowBounds: WindowBoundsSchema.nullable(),
  terminal: TerminalSettingsSchema,
  followUpPolicy: FollowUpPolicySchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  displayName: '',
  defaultTimeZone: '',
  dateOrder: DEFAULT_DATE_ORDER,
  theme: 'dark',
  recentIncidents: [],
  windowBounds: null,
  terminal: DEFAULT_TERMINAL_SETTINGS,
  followUpPolicy: DEFAULT_FOLLOW_UP_POLICY,
};

/** JSON Schema for conf / electron-store, generated from the zod schema so both agree. */
export const settingsJsonSchema = () => z.toJSONSchema(SettingsSchema);
