// The "Terminals" part of the Settings dialog: which shell starts and how, command capture,
// OSC 52 clipboard writes and the redaction rules. Controlled by SettingsDialog, which saves
// everything in one go; while anything here is invalid, nothing is saved and the text stays.
import { useId } from 'react';
import { DEFAULT_REDACTION_RULES } from '../../shared/terminal/redactionRules';
import { FieldError } from '../app/FieldError';
import { rowsFromRules, type DraftProblems, type RuleRow, type TerminalSettingsDraft } from './TerminalSettingsForm';
import './TerminalSettingsSection.css';

let nextRuleKey = 0;
/** Stable React keys for rule rows; names can repeat or change while typing. */
export const newRuleKey = (): string => `rule-${++nextRuleKey}`;

interface Props {
  draft: TerminalSettingsDraft;
  onChange: (draft: TerminalSettingsDraft) => void;
  problems: DraftProblems | null;
}

export function TerminalSettingsSection({ draft, onChange, problems }: Props) {
  const set = (patch: Partial<TerminalSettingsDraft>) => onChange({ ...draft, ...patch });
  const envErrorId = useId();
  const clipboardHintId = useId();

  return (
    <fieldset className="terminal-settings stack">
      <legend>Terminals</legend>
      <label className="field">
        <span>Shell</span>
        <input value={draft.shell} onChange={(e) => set({ shell: e.target.value })} placeholder="Your login shell" spellCheck={false} />
      </label>
      <label className="field">
        <span>Arguments</span>
        <textarea rows={2} value={draft.argsText} onChange={(e) => set({ argsText: e.target.value })} spellCheck={false} className="mono" />
      </label>
      <p className="field-hint">One argument per line, used as typed (no quoting). Only used when a shell is set.</p>
      <label className="field">
        <span>Working directory</span>
        <input value={draft.cwd} onChange={(e) => set({ cwd: e.target.value })} placeholder="Your home directory" spellCheck={false} />
      </label>
      <label className="field">
        <span>Environment</span>
        <textarea
          rows={3}
          value={draft.envText}
          onChange={(e) => set({ envText: e.target.value })}
          placeholder="NAME=value"
          spellCheck={false}
          className="mono"
          aria-invalid={problems?.env ? true : undefined}
          aria-describedby={problems?.env ? envErrorId : undefined}
        />
      </label>
      <FieldError id={envErrorId} message={problems?.env} />
      <label className="inline">
        <input type="checkbox" checked={draft.shellIntegration} onChange={(e) => set({ shellIntegration: e.target.checked })} />
        Record commands (bash, zsh)
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.allowClipboardWrite}
          onChange={(e) => set({ allowClipboardWrite: e.target.checked })}
          aria-describedby={clipboardHintId}
        />
        Allow programs to write the clipboard (OSC 52)
      </label>
      <p className="field-hint" id={clipboardHintId}>
        Any program whose output reaches a terminal, including a remote one, could then replace what you paste next.
      </p>
      <RedactionRulesEditor rows={draft.rules} onChange={(rules) => set({ rules })} problems={problems?.rules ?? null} />
      <FieldError message={problems?.other} />
    </fieldset>
  );
}

function RedactionRulesEditor({
  rows,
  onChange,
  problems,
}: {
  rows: RuleRow[];
  onChange: (rows: RuleRow[]) => void;
  problems: Map<string, string> | null;
}) {
  const update = (key: string, patch: Partial<RuleRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <div className="stack redaction-rules">
      <div className="row">
        <h3 className="grow">Redaction rules</h3>
        <button type="button" onClick={() => onChange(rowsFromRules(DEFAULT_REDACTION_RULES, newRuleKey))}>
          Restore defaults
        </button>
      </div>
      <p className="field-hint">Matches are replaced in recordings, pinned output and logged commands. The screen itself is not redacted.</p>
      {rows.map((row, index) => (
        <RuleRowEditor
          key={row.key}
          row={row}
          number={index + 1}
          problem={problems?.get(row.key) ?? null}
          onChange={(patch) => update(row.key, patch)}
          onRemove={() => onChange(rows.filter((r) => r.key !== row.key))}
        />
      ))}
      <div className="row">
        <button type="button" onClick={() => onChange([...rows, { key: newRuleKey(), name: '', pattern: '', flags: '' }])}>
          Add rule
        </button>
      </div>
    </div>
  );
}

function RuleRowEditor({
  row,
  number,
  problem,
  onChange,
  onRemove,
}: {
  row: RuleRow;
  number: number;
  problem: string | null;
  onChange: (patch: Partial<RuleRow>) => void;
  onRemove: () => void;
}) {
  const errorId = useId();
  const invalid = problem ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  const title = row.name.trim() || `rule ${number}`;
  return (
    <div className="redaction-rule">
      <div className="row">
        <input
          className="rule-name"
          aria-label={`Name of rule ${number}`}
          value={row.name}
          onChange={(e) => onChange({ name: e.target.value })}
          placeholder="Name"
          {...invalid}
        />
        <input
          className="rule-pattern mono grow"
          aria-label={`Pattern of rule ${number}`}
          value={row.pattern}
          onChange={(e) => onChange({ pattern: e.target.value })}
          placeholder="Regular expression"
          spellCheck={false}
          {...invalid}
        />
        <input
          className="rule-flags mono"
          aria-label={`Flags of rule ${number}`}
          value={row.flags}
          onChange={(e) => onChange({ flags: e.target.value })}
          placeholder="flags"
          spellCheck={false}
          {...invalid}
        />
        <button type="button" className="icon-button" aria-label={`Remove ${title}`} title={`Remove ${title}`} onClick={onRemove}>
          ×
        </button>
      </div>
      <FieldError id={errorId} message={problem} />
    </div>
  );
}
