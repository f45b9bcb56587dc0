// Alert intake as the host runs it: the tokens, the router and the HTTP endpoint over one store.
// The endpoint answers 503 while the store is unusable, so an alerting tool retries later.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newId } from '../../../shared/model/ids';
import { writeIncident, type IncidentWriterDeps } from '../incidentWriter';
import type { RateLimitOptions } from '../sharing/rateLimit';
import type { IncidentStore } from '../store';
import { AlertRouter } from './alertRouting';
import { createIntakeEndpoint } from './intakeEndpoint';
import { IntakeTokens } from './intakeTokens';

export interface Intake {
  tokens: IntakeTokens | null;
  endpoint: (req: IncomingMessage, res: ServerResponse) => void;
}

export function createIntake(deps: { store: IncidentStore; writer: IncidentWriterDeps; log: (line: string) => void; rateLimit?: RateLimitOptions }): Intake {
  const { store } = deps;
  const tokens = store.status.ok ? new IntakeTokens(store) : null;
  const router = store.status.ok
    ? new AlertRouter(store.database(), {
        newIncidentId: () => newId(),
        write: (incidentId, author, fn) => writeIncident(deps.writer, incidentId, author, fn),
      })
    : null;
  const writable = () => store.status.ok;
  return {
    tokens,
    endpoint: createIntakeEndpoint({
      tokens: () => (writable() ? tokens : null),
      router: () => (writable() ? router : null),
      log: deps.log,
      ...(deps.rateLimit ? { rateLimit: deps.rateLimit } : {}),
    }),
  };
}
