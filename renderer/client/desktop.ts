// The desktop app's preload bridge on `window.warroom`, typed by the one contract in
// shared/protocol/desktopBridge.ts. In a browser tab it is absent and callers use web APIs.
import type { DesktopBridge } from '../../shared/protocol/desktopBridge';

declare global {
  interface Window {
    warroom?: DesktopBridge;
  }
}

export function desktopBridge(): DesktopBridge | null {
  return typeof window !== 'undefined' && window.warroom ? window.warroom : null;
}
