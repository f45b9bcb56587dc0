// Minting an intake token from Settings: the source, the route and a fallback service; the secret
// is shown once, with the URL and header to paste into the alerting tool. Part of the Settings
// form, so its button does not submit it (and Enter in its fields creates, not saves).
import { useState, type KeyboardEvent } from 'react';
import { INTAKE_SOURCES, type IntakeTokenListing } from '../../shared/protocol/api';
import { FieldError } from '../app/FieldError';
import type { RpcClient } from '../client/rpc';

export function IntakeTokenCreate({ rpc, onCreated }: { rpc: RpcClient; onCreated: () => void }) {
  const [source, setSource] = useState<IntakeTokenListing['source']>('alertmanager');
  const [route, setRoute] = useState<IntakeTokenListing['route']>('new');
  const [service, setService] = useState('');
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    setError(null);
    setCreated(null);
    try {
      const minted = await rpc.createIntakeToken({ source, route, ...(service.trim() && { service: service.trim() }) });
      setCreated({ url: `${window.location.origin}${minted.path}`, secret: minted.secret });
      onCreated();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const enterCreates = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void create();
  };

  return (
    <div className="intake-token-create stack">
      <div className="row wrap">
        <label className="field">
          <span>Alert source</span>
          <select value={source} onChange={(e) => setSource(e.target.value as IntakeTokenListing['source'])}>
            {INTAKE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Route</span>
          <select value={route} onChange={(e) => setRoute(e.target.value as IntakeTokenListing['route'])}>
            <option value="new">new incident per alert</option>
            <option value="append">append to the open incident of its service</option>
          </select>
        </label>
        <label className="field grow">
          <span>Fallback service</span>
          <input value={service} placeholder="when the alert names none" onChange={(e) => setService(e.target.value)} onKeyDown={enterCreates} />
        </label>
        <button type="button" onClick={() => void create()}>
          Create intake token
        </button>
      </div>
      {created && (
        <p role="status" className="intake-token-created">
          Token created; it is shown only now. URL: <span className="mono">{created.url}</span> Header:{' '}
          <span className="mono">Authorization: Bearer {created.secret}</span>
        </p>
      )}
      <FieldError message={error} />
    </div>
  );
}
