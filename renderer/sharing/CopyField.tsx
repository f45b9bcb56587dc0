// A read-only value with a Copy button, for join links and codes (the share panel's invitations and
// the handover links). Clipboard writes can be refused; the text stays selectable then.
import { useState } from 'react';

export function CopyField({ label, value }: { label: string; value: string }) {
  const [note, setNote] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setNote('Copied');
    } catch {
      setNote('Copy was refused: select the text and copy it by hand.');
    }
  };
  return (
    <div className="row">
      <label className="field grow">
        <span>{label}</span>
        <input readOnly value={value} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
      </label>
      <button type="button" aria-label={`Copy ${label.toLowerCase()}`} onClick={() => void copy()}>
        Copy
      </button>
      {note && (
        <span className="muted" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
