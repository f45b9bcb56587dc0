// Alert intake as the host runs it: the tokens, the router and the HTTP endpoint over one store.
// The endpoint answers 503 while the store is unusable, so an alerting tool retries later. Storm
// counts reach their entries every STORM_FLUSH_MS, once at start (counts a stopped host left), and
// once more on close.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newId } from '../../../shared/model/ids';
import { writeIncident, type IncidentWriterDeps } from '../incidentWriter';
import type { RateLimitOptions } from '../sharing/rateLimit';
import type { IncidentStore } from '../store';
import { AlertRouter, type AlertOpenedIncident } from './alertRouting';
import { STORM_FLUSH_MS } from './alertStorms';
import { createIntakeEndpoint } from './intakeEndpoint';
import { IntakeTokens } from './intakeTokens';

export interface Intake {
  tokens: IntakeTokens | null;
  endpoint: (req: IncomingMessage, res: ServerResponse) => void;
  /** Brings storm groups' entries up to their counts now (also done on a timer). */
  showGroupCounts(): Promise<number>;
  close(): Promise<void>;
}

export function createIntake(deps: {
  store: IncidentStore;
  writer: IncidentWriterDeps;
  log: (line: string) => void;
  rateLimit?: RateLimitOptions;
  stormFlushMs?: number;
  /** An alert opened an incident: the desktop tells the user. */
  onOpened?: (incident: AlertOpenedIncident) => void;
}): Intake {
  const { store } = deps;
  const tokens = store.status.ok ? new IntakeTokens(store) : null;
  const router = store.status.ok
    ? new AlertRouter(store.database(), {
        newIncidentId: () => newId(),
        write: (incidentId, author, fn) => writeIncident(deps.writer, incidentId, author, fn),
        opened: (incident) => deps.onOpened?.(incident),
      })
    : null;
  const writable = () => store.status.ok;
  const showGroupCounts = async (): Promise<number> => {
    if (!router || !writable()) return 0;
    try {
      return await router.showGroupCounts();
    } catch (err) {
      // Counts stay in the store; the next flush tries again.
      deps.log(`intake: alert counts not shown yet: ${(err as Error).message}`);
      return 0;
    }
  };
  let flushing: Promise<unknown> = showGroupCounts();
  const timer = setInterval(() => {
    flushing = flushing.then(showGroupCounts);
  }, deps.stormFlushMs ?? STORM_FLUSH_MS);
  timer.unref();
  return {
    tokens,
    showGroupCounts,
    async close() {
      clearInterval(timer);
      await flushing;
      await showGroupCounts();
    },
    endpoint: createIntakeEndpoint({
      tokens: () => (writable() ? tokens : null),
      router: () => (writable() ? router : null),
      log: deps.log,
      ...(deps.rateLimit ? { rateLimit: deps.rateLimit } : {}),
    }),
  };
}
