// Display name, theme, default time zone and the terminal settings. Saved on the host
// (conf / electron-store) in one call; the theme applies as soon as the host confirms.
import { useState, type FormEvent } from 'react';
import { DEFAULT_TERMINAL_SETTINGS, THEMES, type Settings } from '../../shared/protocol/settings';
import { DATE_ORDERS, DEFAULT_DATE_ORDER, type DateOrder } from '../../shared/time/leadingTime';
import { isValidZone } from '../../shared/time/zones';
import { Dialog, DialogActions } from '../app/Dialog';
import { useHost } from '../app/session';
import { updateSettings, useSettings } from '../app/settingsStore';
import { ZoneField } from '../home/ZoneField';
import { FieldError } from '../app/FieldError';
import { draftFromSettings, settingsFromDraft, type DraftProblems } from '../terminals/TerminalSettingsForm';
import { newRuleKey, TerminalSettingsSection } from '../terminals/TerminalSettingsSection';
import { IntakeRulesSection } from '../intake/IntakeRulesSection';
import { DEFAULT_FOLLOW_UP_POLICY } from '../../shared/catalog/followUpPolicy';
import { FollowUpPolicyFields } from '../followups/FollowUpPolicyFields';

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { rpc } = useHost();
  const current = useSettings((s) => s.settings);
  const [displayName, setDisplayName] = useState(current?.displayName ?? '');
  const [theme, setTheme] = useState<Settings['theme']>(current?.theme ?? 'dark');
  const [zone, setZone] = useState(current?.defaultTimeZone ?? '');
  const [dateOrder, setDateOrder] = useState<DateOrder>(current?.dateOrder ?? DEFAULT_DATE_ORDER);
  const [error, setError] = useState<string | null>(null);
  const [followUpPolicy, setFollowUpPolicy] = useState(current?.followUpPolicy ?? DEFAULT_FOLLOW_UP_POLICY);
  const [terminalDraft, setTerminalDraft] = useState(() => draftFromSettings(current?.terminal ?? DEFAULT_TERMINAL_SETTINGS, newRuleKey));
  const [terminalProblems, setTerminalProblems] = useState<DraftProblems | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!displayName.trim()) return setError('Your name cannot be empty: it is the author of your entries.');
    if (zone.trim() && !isValidZone(zone.trim())) return setError(`"${zone}" is not a time zone.`);
    const terminal = settingsFromDraft(terminalDraft);
    setTerminalProblems(terminal.ok ? null : terminal.problems);
    if (!terminal.ok) return setError('Nothing was saved: fix the terminal settings marked above.');
    setError(null);
    try {
      await updateSettings(rpc, { displayName: displayName.trim(), theme, defaultTimeZone: zone.trim(), dateOrder, terminal: terminal.value, followUpPolicy });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Dialog title="Settings" onCancel={onClose}>
      <form onSubmit={submit} className="stack">
        <label className="field">
          <span>Your name</span>
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={100} />
        </label>
        <label className="field">
          <span>Theme</span>
          <select value={theme} onChange={(e) => setTheme(e.target.value as Settings['theme'])}>
            {THEMES.map((t) => (
              <option key={t} value={t}>
                {t === 'dark' ? 'Dark' : 'Light'}
              </option>
            ))}
          </select>
        </label>
        <ZoneField label="Default time zone" value={zone} onChange={setZone} />
        <p className="field-hint">Leave empty to use this machine's zone. New incidents start in it.</p>
        <label className="field">
          <span>Numeric dates</span>
          <select value={dateOrder} onChange={(e) => setDateOrder(e.target.value as DateOrder)}>
            {DATE_ORDERS.map((order) => (
              <option key={order} value={order}>
                {order === 'day-first' ? 'Day first: 14/5/2026 is 14 May' : 'Month first: 5/14/2026 is 14 May'}
              </option>
            ))}
          </select>
        </label>
        <FollowUpPolicyFields policy={followUpPolicy} onChange={setFollowUpPolicy} />
        <TerminalSettingsSection draft={terminalDraft} onChange={setTerminalDraft} problems={terminalProblems} />
        <IntakeRulesSection rpc={rpc} />
        <FieldError message={error} />
        <DialogActions onCancel={onClose} submitLabel="Save settings" />
      </form>
    </Dialog>
  );
}
