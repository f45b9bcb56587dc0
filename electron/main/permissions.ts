// The UI needs no device access: only notifications (decision revisits, status updates), and
// only for the War Room UI's own origin. Both the asynchronous request and the synchronous
// check (navigator.permissions.query, Notification.permission) are answered.
import type { Session } from 'electron';

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

export function lockDownPermissions(session: Session, appOrigin: () => string | null): void {
  const fromApp = (url: string | undefined) => {
    const origin = appOrigin();
    if (!origin || !url) return false;
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };
  session.setPermissionRequestHandler((webContents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission) && fromApp(webContents.getURL())));
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && fromApp(requestingOrigin));
}
