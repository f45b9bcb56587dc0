// A text field bound to one incident meta field. While focused it keeps the user's
// draft (remote edits do not yank the text away); it commits on blur or Enter
// (Ctrl+Enter for multi-line), and Escape restores the saved value.
import { useState, type KeyboardEvent } from 'react';
import type { Incident } from '../../shared/model/types';
import { useIncidentContext } from '../app/session';
import { commitMetaField, type EditableMetaField } from './commitField';
import { FieldError } from '../app/FieldError';

interface DraftFieldProps {
  incident: Incident;
  field: EditableMetaField;
  label: string;
  multiline?: boolean;
  className?: string;
  placeholder?: string;
  /** Hide the visible label (the accessible name stays). */
  hideLabel?: boolean;
}

export function DraftField({ incident, field, label, multiline, className, placeholder, hideLabel }: DraftFieldProps) {
  const context = useIncidentContext();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const value = draft ?? incident[field];

  const commit = () => {
    if (draft === null) return;
    const text = field === 'title' ? draft.trim() : draft;
    if (field === 'title' && !text) {
      setError('The title cannot be empty.');
      return;
    }
    const failure = commitMetaField(context, incident, field, text);
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
    readOnly: !context.canWrite,
    'aria-label': hideLabel ? label : undefined,
    'aria-invalid': error ? true : undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown,
  };

  const control = multiline ? <textarea {...common} rows={3} /> : <input {...common} />;
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
