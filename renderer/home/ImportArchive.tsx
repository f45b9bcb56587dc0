// Import a JSON archive (from `warroom export --format json` or another machine).
// The host validates it; a bad archive is refused whole, naming the bad field.
import { useRef, useState, type ChangeEvent } from 'react';
import { useAppCommand } from '../app/appCommands';
import { RpcCallError } from '../client/rpc';
import { navigate } from '../app/route';
import { useHost } from '../app/session';
import { FieldError } from '../app/FieldError';

export function ImportArchive() {
  const { rpc } = useHost();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  useAppCommand('archive.import', () => fileInput.current?.click());

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const { id } = await rpc.importArchive({ json: await file.text() });
      navigate({ screen: 'incident', incidentId: id });
    } catch (e) {
      const field = e instanceof RpcCallError && e.field ? ` (field: ${e.field})` : '';
      setError(`${file.name}: ${(e as Error).message}${field}`);
    } finally {
      setBusy(false);
      input.value = ''; // so choosing the same file again retries
    }
  };

  return (
    <div className="import-archive">
      <label className="button-like">
        <input ref={fileInput} type="file" accept=".json,application/json" className="visually-hidden" onChange={onFile} disabled={busy} />
        Import archive (.json)
      </label>
      <FieldError message={error} />
    </div>
  );
}
