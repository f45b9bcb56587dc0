// The terminal settings as the form edits them (text boxes and rule rows) and back, DOM-free.
// Validation reuses the contract's zod schemas so the form and the host agree on what is
// valid; the form only adds line numbers and rule names to the messages.
import type { z } from 'zod';
import { TerminalSettingsSchema, type TerminalSettings } from '../../shared/protocol/settings';
import { RedactionRuleSchema, type RedactionRule } from '../../shared/terminal/redactionRules';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const EnvSchema = TerminalSettingsSchema.shape.env;

/** zod reports a bad record key as "Invalid key in record" with the key's own issue inside. */
function innermostMessage(issue: z.core.$ZodIssue | undefined): string | undefined {
  if (issue?.code === 'invalid_key') return innermostMessage(issue.issues[0]) ?? issue.message;
  return issue?.message;
}
const COMMENT_PREFIX = '#';

/** "NAME=value" per line; blank lines and "# comments" are skipped. Values keep their spaces. */
export function parseEnvText(text: string): Parsed<Record<string, string>> {
  const env: Record<string, string> = {};
  const seenOnLine = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const lineNo = index + 1;
    if (!raw.trim() || raw.trimStart().startsWith(COMMENT_PREFIX)) continue;
    const equals = raw.indexOf('=');
    if (equals < 0) return { ok: false, message: `Line ${lineNo}: write NAME=value ("${raw.trim()}" has no "=").` };
    const name = raw.slice(0, equals).trim();
    const value = raw.slice(equals + 1);
    const checked = EnvSchema.safeParse({ [name]: value });
    if (!checked.success) {
      return { ok: false, message: `Line ${lineNo}: "${name}": ${innermostMessage(checked.error.issues[0]) ?? 'not a valid variable'}.` };
    }
    const earlier = seenOnLine.get(name);
    if (earlier !== undefined) return { ok: false, message: `Line ${lineNo}: ${name} is already set on line ${earlier}.` };
    seenOnLine.set(name, lineNo);
    env[name] = value;
  }
  return { ok: true, value: env };
}

export function formatEnvText(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}

/**
 * One argument per line, taken literally (no shell quoting: what you see is what the program
 * gets). Blank lines are dropped, so an empty argument cannot be given; no shell needs one.
 */
export function parseArgsText(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

export function formatArgsText(args: readonly string[]): string {
  return args.join('\n');
}

/** A rule row being edited; `key` keeps React rows stable while names change. */
export interface RuleRow {
  key: string;
  name: string;
  pattern: string;
  flags: string;
}

/** The regex engine's own words say most about a bad pattern ("Unterminated group"). */
function regexProblem(rule: { pattern: string; flags: string }): string | null {
  try {
    new RegExp(rule.pattern, rule.flags);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** One message per bad row (by key), each naming the rule; an empty map means all are valid. */
export function checkRuleRows(rows: readonly RuleRow[]): Map<string, string> {
  const problems = new Map<string, string>();
  for (const [index, row] of rows.entries()) {
    const label = row.name.trim() ? `Rule "${row.name.trim()}"` : `Rule ${index + 1}`;
    const checked = RedactionRuleSchema.safeParse({ name: row.name, pattern: row.pattern, flags: row.flags });
    if (checked.success) continue;
    const issue = checked.error.issues[0];
    const engine = issue?.path[0] === 'pattern' && row.pattern ? regexProblem(row) : null;
    problems.set(row.key, `${label}: ${engine ?? issue?.message ?? 'is not valid'}.`);
  }
  return problems;
}

export function rowsFromRules(rules: readonly RedactionRule[], newKey: () => string): RuleRow[] {
  return rules.map((rule) => ({ key: newKey(), name: rule.name, pattern: rule.pattern, flags: rule.flags }));
}

export function rulesFromRows(rows: readonly RuleRow[]): RedactionRule[] {
  return rows.map((row) => ({ name: row.name.trim(), pattern: row.pattern, flags: row.flags }));
}

export interface TerminalSettingsDraft {
  shell: string;
  argsText: string;
  cwd: string;
  envText: string;
  shellIntegration: boolean;
  allowClipboardWrite: boolean;
  rules: RuleRow[];
}

export function draftFromSettings(settings: TerminalSettings, newKey: () => string): TerminalSettingsDraft {
  return {
    shell: settings.shell,
    argsText: formatArgsText(settings.args),
    cwd: settings.cwd,
    envText: formatEnvText(settings.env),
    shellIntegration: settings.shellIntegration,
    allowClipboardWrite: settings.allowClipboardWrite,
    rules: rowsFromRules(settings.redactionRules, newKey),
  };
}

export interface DraftProblems {
  env: string | null;
  rules: Map<string, string>;
  /** Anything the schema refuses that no field above explains (e.g. too many rules). */
  other: string | null;
}

/** The settings to save, or what is wrong; nothing is saved while anything is wrong. */
export function settingsFromDraft(draft: TerminalSettingsDraft): { ok: true; value: TerminalSettings } | { ok: false; problems: DraftProblems } {
  const env = parseEnvText(draft.envText);
  const rules = checkRuleRows(draft.rules);
  if (!env.ok || rules.size > 0) return { ok: false, problems: { env: env.ok ? null : env.message, rules, other: null } };
  const candidate = {
    shell: draft.shell.trim(),
    args: parseArgsText(draft.argsText),
    cwd: draft.cwd.trim(),
    env: env.value,
    shellIntegration: draft.shellIntegration,
    allowClipboardWrite: draft.allowClipboardWrite,
    redactionRules: rulesFromRows(draft.rules),
  };
  const checked = TerminalSettingsSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path.join('.') || 'terminal settings';
    return { ok: false, problems: { env: null, rules, other: `${where}: ${issue?.message ?? 'not valid'}.` } };
  }
  return { ok: true, value: checked.data };
}
