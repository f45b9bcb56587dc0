// `warroom token create|list|revoke` and `warroom serve --listen`, through the built CLI.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJoinLink } from '../../../../shared/protocol/room';
import { serveWithRoom, stopChild } from '../../test/childProcess';
import { useBuiltCli } from '../../test/builtCli';
import { REPO_ROOT, tempDir } from '../../test/helpers';
import { upgradeStatus } from './roomHelpers';

const SAMPLE = path.join(REPO_ROOT, 'assets', 'sample-incident.json');
/** A CLI start on a 2-core machine that other work keeps busy. */
const SERVE_START_MS = 15_000;

const field = (out: string, name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(out)?.[1] ?? '';

describe('warroom token and serve --listen', () => {
  const warroom = useBuiltCli();
  let dir = '';
  let incident = '';
  beforeAll(() => {
    dir = tempDir();
    incident = warroom('import', SAMPLE, '--data-dir', dir).stdout.trim();
  });

  it('creates, lists and revokes tokens; bad arguments are one line and exit 2', () => {
    const created = warroom('token', 'create', '--role', 'observer', '--incident', incident, '--name', 'Dana', '--address', 'warroom.example:8443', '--data-dir', dir);
    expect(created.code).toBe(0);
    const id = field(created.stdout, 'id');
    expect(field(created.stdout, 'code')).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const link = parseJoinLink(field(created.stdout, 'join link'));
    expect(link).toEqual({ host: 'warroom.example', port: 8443, room: incident, token: field(created.stdout, 'token') });
    expect(field(created.stdout, 'browser URL')).toBe(`http://warroom.example:8443/#room=${incident}&token=${link?.token}`);

    const listed = JSON.parse(warroom('token', 'list', '--incident', incident, '--json', '--data-dir', dir).stdout);
    expect(listed).toEqual([expect.objectContaining({ id, role: 'observer', incidentId: incident, name: 'Dana', revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(link?.token);
    expect(warroom('token', 'revoke', id, '--data-dir', dir).stdout).toBe(`revoked ${id}\n`);
    expect(warroom('token', 'list', '--data-dir', dir).stdout).toMatch(/revoked \d{4}-/);

    for (const args of [
      ['token', 'create', '--role', 'admin', '--incident', incident],
      ['token', 'create', '--role', 'observer', '--incident', 'nope'],
      ['token', 'create', '--role', 'observer'],
      ['token', 'create', '--role', 'observer', '--incident', incident, '--address', 'no-port'],
      ['serve', '--listen', '127.0.0.1'],
      ['serve', '--listen', '127.0.0.1:0', '--tls-cert', 'c.pem'],
    ]) {
      const res = warroom(...args, '--data-dir', dir);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(/^warroom: /);
    }
    const unknown = warroom('token', 'create', '--role', 'observer', '--incident', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '--data-dir', dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no incident/);
    expect(warroom('token', 'revoke', 'missing', '--data-dir', dir).code).toBe(1);
  });

  it('lists and revokes intake tokens the way it does room tokens', () => {
    const empty = tempDir();
    expect(warroom('intake', 'token', 'list', '--data-dir', empty).stdout).toBe('no intake tokens\n');
    const created = warroom('intake', 'token', 'create', '--source', 'generic', '--route', 'append', '--service', 'checkout', '--data-dir', empty);
    expect(created.code).toBe(0);
    const id = field(created.stdout, 'id');
    expect(warroom('intake', 'token', 'list', '--data-dir', empty).stdout).toMatch(new RegExp(`^${id}  generic  append  checkout  \\d{4}-\\S+  active\\n$`));
    expect(warroom('intake', 'token', 'revoke', id, '--data-dir', empty).stdout).toBe(`revoked ${id}\n`);
    expect(warroom('intake', 'token', 'revoke', id, '--data-dir', empty).stdout).toBe(`${id} was already revoked\n`);
    const listed = JSON.parse(warroom('intake', 'token', 'list', '--json', '--data-dir', empty).stdout) as Array<{ id: string; revokedAt: string | null }>;
    expect(listed).toEqual([expect.objectContaining({ id, revokedAt: expect.stringMatching(/^\d{4}-/) })]);
    const missing = warroom('intake', 'token', 'revoke', 'missing', '--data-dir', empty);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no intake token with id missing/);
  });

  it('serves a room listener that admits room tokens, and drops a token revoked by another process', async () => {
    const created = warroom('token', 'create', '--role', 'responder', '--incident', incident, '--data-dir', dir);
    const [id, secret] = [field(created.stdout, 'id'), field(created.stdout, 'token')];
    const { child, ready } = serveWithRoom(warroom.path(), { dataDir: dir, listen: '127.0.0.1:0', timeoutMs: SERVE_START_MS, env: { ...process.env, XDG_DATA_HOME: tempDir() } });
    try {
      const served = await ready;
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const roomWs = served.roomUrl.replace(/^http/, 'ws');
      expect(await upgradeStatus(`${roomWs}/sync?token=${secret}`)).toBe(101);
      expect(await upgradeStatus(`${roomWs}/rpc?token=${secret}`)).toBe(404);
      expect(warroom('token', 'revoke', id, '--data-dir', dir).code).toBe(0);
      expect(await upgradeStatus(`${roomWs}/sync?token=${secret}`)).toBe(401);
    } finally {
      await stopChild(child, 'SIGTERM');
    }
  });
});
