// Team-server instances as real `warroom serve --store … --redis …` child processes (so one can be
// SIGKILLed), and clients that know every instance's address and count what they were told is saved.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { ChildProcess } from 'node:child_process';
import * as Y from 'yjs';
import { addEntry } from '../../../../shared/model/commands';
import { ENTRIES, readEntries } from '../../../../shared/model/doc';
import { incidentDocName } from '../../../../shared/protocol/api';
import { parseSavedVector } from '../../../../shared/protocol/savedVector';
import { startChild, stopChild } from '../../test/childProcess';
import { freePort, waitFor } from '../../test/helpers';
import { PgStore } from '../../postgres/pgStore';
import { loadStoredDoc } from '../../sqliteDocumentStore';
import { failoverWebSocket } from '../serverAddresses';
import { SERVER_TOKEN_ENV } from '../teamCommands';

/** Clients retry quickly here; production clients back off further. */
const CLIENT_RECONNECT_MS = 100;
/** A CLI start on a 2-core machine that other work keeps busy. */
const INSTANCE_START_MS = 60_000;

export interface TeamInstance {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Every line it wrote to stderr (its log). */
  log: string[];
  /** Resolves when a log line matching `pattern` has been written (already, or later). */
  logged(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** Starts `warroom serve --store … --redis …` on `port` (a free one by default) and waits until it serves. */
export async function startInstance(cli: string, opts: { name: string; store: string; redis?: string; token: string; port?: number }): Promise<TeamInstance> {
  const port = opts.port ?? (await freePort());
  const args = [cli, 'serve', '--store', opts.store, '--port', String(port), '--instance', opts.name, ...(opts.redis ? ['--redis', opts.redis] : [])];
  const log: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: () => void }>();
  const { child, ready } = startChild([process.execPath, ...args], {
    what: opts.name,
    env: { ...process.env, [SERVER_TOKEN_ENV]: opts.token },
    timeoutMs: INSTANCE_START_MS,
    ready: (line, stream) => (stream === 'stdout' && /is serving at/.test(line) ? true : undefined),
    onLine(line, stream) {
      if (stream !== 'stderr') return;
      log.push(line);
      for (const w of waiters) {
        if (!w.pattern.test(line)) continue;
        waiters.delete(w);
        w.resolve();
      }
    },
  });
  const logged = (pattern: RegExp, timeoutMs = INSTANCE_START_MS) =>
    log.some((line) => pattern.test(line))
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${opts.name} never logged ${pattern}; its log:\n${log.join('\n')}`)), timeoutMs);
          waiters.add({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
        });
  await ready;
  return { name: opts.name, port, url: `ws://127.0.0.1:${port}`, child, log, logged };
}

/** SIGKILLs an instance and resolves once it is gone. */
export function killInstance(instance: TeamInstance): Promise<void> {
  return stopChild(instance.child, 'SIGKILL');
}

export interface TeamClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** The address of its current (or last) connection. */
  dialled(): string;
  /** Writes one entry; returns its id. */
  write(text: string): string;
  /** Texts of its own entries the server has confirmed as stored. */
  acknowledged(): string[];
  /** Every entry text in its replica. */
  texts(): string[];
  /** How many entries its replica holds (cheap: no sorting). */
  count(): number;
  /** Connected, synced, and every change of its own confirmed as stored. */
  settled(): boolean;
  destroy(): void;
}

/** A client of the incident that dials `urls` in turn, starting at `start`. */
export function teamClient(urls: string[], start: number, token: string, incidentId: string, author = `writer-${start}`): TeamClient {
  let current = '';
  const WebSocketPolyfill = failoverWebSocket(urls.map((u) => `${u}/sync?token=${encodeURIComponent(token)}`), { start, onDial: (url) => (current = url) });
  const socket = new HocuspocusProviderWebsocket({
    url: urls[0] as string,
    WebSocketPolyfill,
    delay: CLIENT_RECONNECT_MS,
    minDelay: CLIENT_RECONNECT_MS,
    maxDelay: CLIENT_RECONNECT_MS,
    factor: 1,
  });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: incidentDocName(incidentId), document: doc, token });
  provider.attach();
  // What the server has said is stored of this client's own changes (the saved vector); what one
  // connection confirmed stays confirmed, as it was stored when it was said.
  let savedClock = 0;
  provider.on('stateless', ({ payload }: { payload: string }) => {
    const clock = parseSavedVector(payload)?.get(doc.clientID);
    if (clock !== undefined && clock > savedClock) savedClock = clock;
  });
  const written: Array<{ text: string; clock: number }> = [];
  return {
    doc,
    provider,
    dialled: () => current,
    write(text) {
      const id = addEntry(doc, { author }, { text });
      written.push({ text, clock: Y.getState(doc.store, doc.clientID) });
      return id;
    },
    acknowledged: () => written.filter((w) => w.clock <= savedClock).map((w) => w.text),
    texts: () => readEntries(doc).map((e) => e.text),
    count: () => doc.getMap(ENTRIES).size,
    settled: () => provider.isSynced && provider.unsyncedChanges === 0 && written.every((w) => w.clock <= savedClock),
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Entry texts of the incident as PostgreSQL holds it, read through a store of the test's own. */
export async function storedTexts(url: string, incidentId: string): Promise<Set<string>> {
  const store = await PgStore.open({ url });
  try {
    const doc = await loadStoredDoc(store, incidentDocName(incidentId));
    return new Set(doc ? readEntries(doc).map((e) => e.text) : []);
  } finally {
    await store.close();
  }
}

/** Waits until every client settled and all hold the same entries, `expected` of them. */
export async function converged(clients: TeamClient[], expected: number, timeoutMs: number): Promise<void> {
  await waitFor(
    () => clients.every((c) => c.settled() && c.count() === expected),
    timeoutMs,
    `${clients.length} clients to settle on ${expected} entries (they hold ${clients.map((c) => c.count()).join(', ')})`,
  );
}
