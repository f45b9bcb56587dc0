// The "Alert intake" part of the Settings dialog: each intake token with its source and routing
// rule (route, fallback service, labels, title template), revoking one, and minting one (here or
// with `warroom intake token create`; the secret is shown once). This list never holds a secret.
import { useCallback, useEffect, useState } from 'react';
import type { IntakeTokenListing } from '../../shared/protocol/api';
import { FieldError } from '../app/FieldError';
import type { RpcClient } from '../client/rpc';
import { IntakeTokenCreate } from './IntakeTokenCreate';

const ROUTE_WORDS: Record<IntakeTokenListing['route'], string> = {
  new: 'new incident per alert',
  append: 'append to the open incident of its service',
};

const COLUMNS = ['Source', 'Route', 'Service', 'Title', 'State'] as const;

export function IntakeRulesSection({ rpc }: { rpc: RpcClient }) {
  const [tokens, setTokens] = useState<IntakeTokenListing[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      rpc.listIntakeTokens({}).then(
        (list) => setTokens(list),
        (e: Error) => setError(e.message),
      ),
    [rpc],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (token: IntakeTokenListing) => {
    setError(null);
    try {
      await rpc.revokeIntakeToken({ id: token.id });
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <fieldset className="intake-rules stack">
      <legend>Alert intake</legend>
      {tokens === null ? (
        <p className="muted">Loading intake tokens…</p>
      ) : tokens.length === 0 ? (
        <p className="muted">No intake tokens. Create one with: warroom intake token create --source alertmanager --route new</p>
      ) : (
        <table className="data-table" aria-label="Intake tokens">
          <thead>
            <tr>
              {COLUMNS.map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.source}</td>
                <td>{ROUTE_WORDS[t.route]}</td>
                <td>
                  {t.service ?? <span className="muted">from label {t.serviceLabel}</span>}
                  {t.service && <span className="muted"> (or label {t.serviceLabel})</span>}
                </td>
                <td className="mono">{t.titleTemplate}</td>
                <td>
                  {t.revokedAt ? (
                    'revoked'
                  ) : (
                    <button type="button" aria-label={`Revoke the ${t.source} intake token ${t.id}`} onClick={() => void revoke(t)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FieldError message={error} />
      <IntakeTokenCreate rpc={rpc} onCreated={() => void load()} />
    </fieldset>
  );
}
