// First run: ask who is typing, because every timeline entry records its author.
import { useState, type FormEvent } from 'react';
import { Dialog } from './Dialog';
import { useHost } from './session';
import { updateSettings } from './settingsStore';
import { FieldError } from './FieldError';

export function NameDialog() {
  const { rpc } = useHost();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const displayName = name.trim();
    if (!displayName) return setError('Enter the name your colleagues know you by.');
    try {
      await updateSettings(rpc, { displayName });
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
