// Runs against a FAKE session (Electron's Session cannot be created without the binary): this
// checks the answers our handlers give for the permissions Electron documents, nothing more.
import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { lockDownPermissions } from '../permissions';

type RequestHandler = (wc: { getURL(): string }, permission: string, callback: (granted: boolean) => void) => void;
type CheckHandler = (wc: unknown, permission: string, origin: string) => boolean;

function fakeSession() {
  const fake = { request: null as RequestHandler | null, check: null as CheckHandler | null };
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => (fake.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (fake.check = handler),
  } as unknown as Session;
  return { session, fake };
}

describe('permissions (fake session)', () => {
  const APP = 'http://127.0.0.1:41234';

  it('allows only notifications, only for the War Room UI, in both the request and the check', () => {
    const { session, fake } = fakeSession();
    lockDownPermissions(session, () => APP);
    const asked = (url: string, permission: string) => {
      let granted: boolean | null = null;
      fake.request!({ getURL: () => url }, permission, (g) => (granted = g));
      return granted;
    };
    expect(asked(`${APP}/#/`, 'notifications')).toBe(true);
    expect(asked(`${APP}/#/`, 'media')).toBe(false);
    expect(asked('https://evil.example/', 'notifications')).toBe(false);
    expect(fake.check!(null, 'notifications', APP)).toBe(true);
    expect(fake.check!(null, 'clipboard-read', APP)).toBe(false);
    expect(fake.check!(null, 'notifications', 'https://evil.example')).toBe(false);
  });

  it('allows nothing while there is no host (the store failure screen)', () => {
    const { session, fake } = fakeSession();
    lockDownPermissions(session, () => null);
    expect(fake.check!(null, 'notifications', APP)).toBe(false);
  });
});
