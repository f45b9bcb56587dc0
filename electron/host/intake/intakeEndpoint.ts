// POST /intake/<source>: the HTTP side of alert intake, served on the loopback listener and on
// the room listener alike. Order of checks: path and method, token (401), rate per token (429),
// content type (400), size (413), JSON and schema (400, naming the field). Nothing is written for
// a refused request, and no request can throw past this handler: a bad client never takes the
// host down.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { INTAKE_SOURCES, parsePayload, type IntakeSource } from './alertSources';
import type { AlertRouter } from './alertRouting';
import type { IntakeTokens } from './intakeTokens';
import { ConnectionRateLimiter, type RateLimitOptions } from '../sharing/rateLimit';

export const INTAKE_PATH_PREFIX = '/intake/';
/** 1 MiB: Alertmanager's biggest group of alerts stays far below it; more is not an alert. */
export const MAX_INTAKE_BODY_BYTES = 1024 * 1024;
/** Requests per token per second: an alerting tool batches; a loop that posts faster is a fault. */
export const DEFAULT_INTAKE_RATE_LIMIT: RateLimitOptions = { max: 50, windowMs: 1000 };

const HTTP = { ok: 200, badRequest: 400, unauthorized: 401, notFound: 404, notAllowed: 405, tooLarge: 413, tooMany: 429, unavailable: 503 } as const;

export interface IntakeEndpointDeps {
  /** Null while the store is unusable: every request then gets 503 and nothing is written. */
  tokens: () => IntakeTokens | null;
  router: () => AlertRouter | null;
  log: (line: string) => void;
  rateLimit?: RateLimitOptions;
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(`${JSON.stringify(body)}\n`);
}

const refuse = (res: ServerResponse, status: number, reason: string) => reply(res, status, { ok: false, reason });

/** The body as text, or null once it passed `limit` bytes (the rest is drained, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function bearer(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match ? (match[1] as string) : null;
}

export function isIntakeRequest(pathname: string): boolean {
  return pathname.startsWith(INTAKE_PATH_PREFIX);
}

export function createIntakeEndpoint(deps: IntakeEndpointDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const limiter = new ConnectionRateLimiter(deps.rateLimit ?? DEFAULT_INTAKE_RATE_LIMIT);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://host.invalid').pathname;
    const source = pathname.slice(INTAKE_PATH_PREFIX.length);
    if (!(INTAKE_SOURCES as readonly string[]).includes(source)) {
      return refuse(res, HTTP.badRequest, `unknown source "${source.slice(0, 64)}": use one of ${INTAKE_SOURCES.map((s) => INTAKE_PATH_PREFIX + s).join(', ')}`);
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return refuse(res, HTTP.notAllowed, 'intake accepts POST only');
    }
    const tokens = deps.tokens();
    const router = deps.router();
    if (!tokens || !router) return refuse(res, HTTP.unavailable, 'the store is not writable; the alert was not recorded');
    const grant = tokens.verify(bearer(req));
    if (!grant) return refuse(res, HTTP.unauthorized, 'Authorization: Bearer <intake token> is missing, unknown or revoked');
    if (grant.source !== source) return refuse(res, HTTP.unauthorized, `this intake token is for ${INTAKE_PATH_PREFIX}${grant.source}, not ${pathname}`);
    if (!limiter.attempt(grant.tokenId)) return refuse(res, HTTP.tooMany, `more than ${(deps.rateLimit ?? DEFAULT_INTAKE_RATE_LIMIT).max} requests a second for this token`);
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return refuse(res, HTTP.badRequest, `Content-Type must be application/json, not "${type ?? ''}"`);
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_INTAKE_BODY_BYTES) return refuse(res, HTTP.tooLarge, `the body is over ${MAX_INTAKE_BODY_BYTES} bytes`);
    const text = await readBody(req, MAX_INTAKE_BODY_BYTES);
    if (text === null) return refuse(res, HTTP.tooLarge, `the body is over ${MAX_INTAKE_BODY_BYTES} bytes`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (err) {
      return refuse(res, HTTP.badRequest, `the body is not JSON: ${(err as Error).message}`);
    }
    const parsed = parsePayload(source as IntakeSource, body);
    if (!parsed.ok) return refuse(res, HTTP.badRequest, `not a ${source} payload: ${parsed.reason}`);
    const routed = await router.route(grant, parsed.alerts);
    if (routed.opened.length > 0) deps.log(`intake: ${source} opened incident(s) ${routed.opened.join(', ')}`);
    reply(res, HTTP.ok, { ok: true, ...routed });
  }

  return (req, res) => {
    req.on('error', () => req.destroy());
    handle(req, res).catch((err: Error) => {
      deps.log(`intake: ${err.message}`);
      // 503: the sender (Alertmanager) retries later, and this alert is not lost.
      refuse(res, HTTP.unavailable, `the alert could not be recorded: ${err.message}`);
    });
  };
}
