// One postmortem section (root cause, went well, …) as a Markdown text area. Like DraftField:
// the draft survives remote edits while focused, it saves on blur or Ctrl+Enter, Escape
// restores the saved text, and on error the typed text stays with the reason beside it.
import { useId, useState, type KeyboardEvent } from 'react';
import { setPostmortemSection } from '../../shared/model/commands';
import type { PostmortemSections } from '../../shared/model/types';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';

/** Tall enough for a few paragraphs without scrolling; the area grows with resize. */
const SECTION_ROWS = 5;

interface SectionFieldProps {
  section: keyof PostmortemSections;
  saved: string;
  label: string;
  placeholder: string;
}

export function PostmortemSectionField({ section, saved, label, placeholder }: SectionFieldProps) {
  const { doc, author, canWrite } = useIncidentContext();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const commit = () => {
    if (draft === null) return;
    try {
      setPostmortemSection(doc, { author }, section, draft);
      setDraft(null);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      setDraft(null);
      setError(null);
      event.currentTarget.blur();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };

  return (
    <div className="draft-field">
      <label className="field">
        <span>{label}</span>
        <textarea
          rows={SECTION_ROWS}
          value={draft ?? saved}
          placeholder={placeholder}
          readOnly={!canWrite}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
      </label>
      <FieldError message={error} id={errorId} />
    </div>
  );
}
