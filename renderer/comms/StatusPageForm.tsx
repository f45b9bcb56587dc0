// Writes the incident's static status page and Atom feed on the local host (the data dir, or a
// folder the user names or, in the desktop app, picks) and says where. The host refuses to overwrite a file it did not write.
import { useState, type FormEvent } from 'react';
import { FieldError } from '../app/FieldError';
import { useIncidentContext, useLocalHost } from '../app/session';
import { desktopBridge } from '../client/desktop';

export function StatusPageForm() {
  const rpc = useLocalHost()?.rpc ?? null;
  const { incidentId } = useIncidentContext();
  const [dir, setDir] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ wrote: string } | { error: string } | null>(null);
  if (!rpc) return null;
  // The desktop app has a native folder chooser; a browser tab types the path.
  const bridge = desktopBridge();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const written = await rpc.writeStatusPage({ incidentId, ...(dir.trim() && { dir: dir.trim() }) });
      setOutcome({ wrote: `Wrote ${written.files.join(' and ')} (${written.updates} customer update${written.updates === 1 ? '' : 's'}).` });
    } catch (error) {
      setOutcome({ error: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="comms-status-page" onSubmit={(e) => void submit(e)} aria-label="Static status page">
      <fieldset>
        <legend>Static status page</legend>
        <label className="field">
          <span>Folder (full path; empty: the data folder)</span>
          <input value={dir} aria-invalid={outcome !== null && 'error' in outcome} onChange={(e) => setDir(e.target.value)} />
        </label>
        {bridge && (
          <button type="button" onClick={() => void bridge.pickFolder('Folder for the status page').then((picked) => picked && setDir(picked))}>
            Choose folder…
          </button>
        )}
        <button type="submit" disabled={busy}>
          Write status page
        </button>
        {outcome && 'wrote' in outcome && (
          <p role="status" className="comms-status-page-written">
            {outcome.wrote}
          </p>
        )}
        <FieldError message={outcome && 'error' in outcome ? outcome.error : undefined} />
      </fieldset>
    </form>
  );
}
