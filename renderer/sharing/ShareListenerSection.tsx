// Start and stop the room listener: which interface, which port, and optionally TLS files the
// host reads itself. The typed values stay put when the host refuses them (port in use, bad file).
import { useState, type FormEvent } from 'react';
import { FieldError } from '../app/FieldError';
import { useHost } from '../app/session';
import { initialDraft, startArgsFromDraft, type ShareDraft } from './shareDraft';
import { ListenAddressFields } from './ListenAddressFields';
import type { ShareStatus } from './useShareState';

interface Props {
  status: ShareStatus;
  onChanged: () => Promise<void>;
}

export function ShareListenerSection({ status, onChanged }: Props) {
  const { rpc } = useHost();
  const [draft, setDraft] = useState<ShareDraft>(() => initialDraft(status.interfaces));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (field: keyof ShareDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      setError(null);
      await onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const start = (event: FormEvent) => {
    event.preventDefault();
    const parsed = startArgsFromDraft(draft);
    if (!parsed.ok) return setError(parsed.message);
    void run(() => rpc.startSharing(parsed.args));
  };

  const listening = status.listening;
  if (listening) {
    return (
      <section className="share-section stack" aria-label="Sharing">
        <p role="status">
          Sharing on <code>{listening.url}</code>
          {listening.fingerprint ? ' over TLS' : ''}
        </p>
        {listening.fingerprint && <p className="field-hint">Certificate SHA-256: {listening.fingerprint}</p>}
        {!listening.advertisedHost && (
          <p className="field-hint">No external address was found for {listening.hostname}: stop and choose an interface to invite anyone.</p>
        )}
        <FieldError message={error} />
        <div className="row end">
          <button type="button" disabled={busy} onClick={() => void run(() => rpc.stopSharing({}))}>
            Stop sharing
          </button>
        </div>
      </section>
    );
  }

  return (
    <form className="share-section stack" aria-label="Start sharing" onSubmit={start}>
      <p className="field-hint">Others on your network join through this address. This app keeps its own loopback connection.</p>
      <ListenAddressFields
        interfaces={status.interfaces}
        hostname={draft.hostname}
        port={draft.port}
        onHostname={edit('hostname')}
        onPort={edit('port')}
      />
      <details className="share-tls">
        <summary>TLS (optional)</summary>
        <div className="stack">
          <label className="field">
            <span>TLS certificate file</span>
            <input value={draft.tlsCertPath} onChange={(e) => edit('tlsCertPath')(e.target.value)} placeholder="/path/to/cert.pem" spellCheck={false} />
          </label>
          <label className="field">
            <span>TLS key file</span>
            <input value={draft.tlsKeyPath} onChange={(e) => edit('tlsKeyPath')(e.target.value)} placeholder="/path/to/key.pem" spellCheck={false} />
          </label>
        </div>
      </details>
      <FieldError message={error} />
      <div className="row end">
        <button type="submit" className="primary" disabled={busy}>
          Start sharing
        </button>
      </div>
    </form>
  );
}
