// What the Electron preload exposes on `window.warroom`. Declared here, not imported
// from electron/, because the renderer must never depend on Electron code: in a
// browser tab this global is simply absent.
export interface DesktopBridge {
  hostUrl: string;
  token: string;
  platform: string;
  saveFile?(name: string, content: string): Promise<{ saved: boolean; path?: string }>;
}

declare global {
  interface Window {
    warroom?: DesktopBridge;
  }
}

export function desktopBridge(): DesktopBridge | null {
  return typeof window !== 'undefined' && window.warroom ? window.warroom : null;
}
