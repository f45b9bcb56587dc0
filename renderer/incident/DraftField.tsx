// A text field bound to one shared value. While focused it keeps the user's
// draft (remote edits do not yank the text away); it commits on blur or Enter
// (Ctrl+Enter for multi-line), and Escape restores the saved value.
// DraftText takes any commit; DraftField binds it to one incident meta field.
import { useState, type KeyboardEvent } from 'react';
import type { Incident } from '../../shared/model/types';
import { useIncidentContext } from '../app/session';
import { commitMetaField, type EditableMetaField } from './commitField';
import { FieldError } from '../app/FieldError';

interface DraftTextProps {
  value: string;
  /** Writes the text; returns an error sentence or null. */
  commit: (text: string) => string | null;
  label: string;
  multiline?: boolean;
  className?: string;
  placeholder?: string;
  /** Hide the visible label (the accessible name stays). */
  hideLabel?: boolean;
  /** Shown as a tooltip (the full title where the field is narrower than its text). */
  title?: string;
  /** One logical line that wraps onto more when long (Enter still commits): a long title stays readable. */
  wrap?: boolean;
}

export function DraftText({ value: saved, commit: write, label, multiline, className, placeholder, hideLabel, title, wrap }: DraftTextProps) {
  const context = useIncidentContext();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const value = draft ?? saved;

  const commit = () => {
    if (draft === null) return;
    const failure = write(draft);
    setError(failure);
    if (!failure) setDraft(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      setDraft(null);
      setError(null);
      event.currentTarget.blur();
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };

  const common = {
    value,
    placeholder,
    title,
    readOnly: !context.canWrite,
    'aria-label': hideLabel ? label : undefined,
    'aria-invalid': error ? true : undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown,
  };

  const control = multiline || wrap ? <textarea {...common} rows={multiline ? 3 : 1} /> : <input {...common} />;
  return (
    <div className={`draft-field ${className ?? ''}`}>
      {hideLabel ? (
        control
      ) : (
        <label className="field">
          <span>{label}</span>
          {control}
        </label>
      )}
      <FieldError message={error} />
    </div>
  );
}

interface DraftFieldProps extends Omit<DraftTextProps, 'value' | 'commit'> {
  incident: Incident;
  field: EditableMetaField;
}

export function DraftField({ incident, field, ...rest }: DraftFieldProps) {
  const context = useIncidentContext();
  const commit = (draft: string) => {
    const text = field === 'title' ? draft.trim() : draft;
    if (field === 'title' && !text) return 'The title cannot be empty.';
    return commitMetaField(context, incident, field, text);
  };
  return <DraftText value={incident[field]} commit={commit} {...rest} />;
}
