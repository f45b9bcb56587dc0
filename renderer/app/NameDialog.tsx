// First run: ask who is typing, because every timeline entry records its author. The local app
// keeps the name through the host's settings; a page in a shared room has no RPC and keeps it in
// this browser (NamePrompt with its own save).
import { useState, type FormEvent } from 'react';
import { Dialog } from './Dialog';
import { useHost } from './session';
import { updateSettings } from './settingsStore';
import { FieldError } from './FieldError';

export function NameDialog() {
  const { rpc } = useHost();
  return (
    <NamePrompt
      onSave={async (displayName) => {
        await updateSettings(rpc, { displayName });
      }}
    />
  );
}

export function NamePrompt({ onSave }: { onSave: (name: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const displayName = name.trim();
    if (!displayName) return setError('Enter the name your colleagues know you by.');
    try {
      await onSave(displayName);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Dialog title="Who is on the keyboard?">
      <form onSubmit={submit} className="stack">
        <p className="muted">Your name is shown as the author of the timeline entries you add.</p>
        <label className="field">
          <span>Your name</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} maxLength={100} aria-invalid={!!error} />
        </label>
        <FieldError message={error} />
        <div className="row end">
          <button type="submit" className="primary">
            Continue
          </button>
        </div>
      </form>
    </Dialog>
  );
}
