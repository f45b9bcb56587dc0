// The window's bounds and maximised state persist between launches (electron-store, in
// settingsStore.ts) and are restored onto a display that still exists: a window saved on an
// unplugged monitor opens centred on the primary one instead of off-screen.
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { z } from 'zod';

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_SIZE = { width: 1400, height: 900 };
/** How much of the title bar must be on a display for the saved position to be kept. */
const GRAB_WIDTH = 100;
const GRAB_HEIGHT = 40;
/** Bounds change in bursts while dragging; save once it settles. */
const SAVE_DELAY_MS = 500;

function contains(area: Rectangle, x: number, y: number): boolean {
  return x >= area.x && y >= area.y && x <= area.x + area.width && y <= area.y + area.height;
}

/** The bounds to open with: the saved ones if their title bar is on a display now attached, else centred at a size that fits. */
export function restoredBounds(saved: unknown, workAreas: readonly Rectangle[], primary: Rectangle): { bounds: Partial<Rectangle> & { width: number; height: number }; maximized: boolean } {
  const parsed = WindowStateSchema.safeParse(saved);
  if (!parsed.success) return { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false };
  const { x, y, width, height, maximized } = parsed.data;
  if (x !== undefined && y !== undefined) {
    const grab = [
      [x, y],
      [x + Math.min(GRAB_WIDTH, width), y + Math.min(GRAB_HEIGHT, height)],
    ] as const;
    const onScreen = workAreas.some((area) => grab.every(([px, py]) => contains(area, px, py)));
    if (onScreen) return { bounds: { x, y, width, height }, maximized };
  }
  return { bounds: { width: Math.min(width, primary.width), height: Math.min(height, primary.height) }, maximized };
}

export function initialWindowState(saved: unknown): ReturnType<typeof restoredBounds> {
  return restoredBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
}

/** Saves the normal (un-maximised) bounds and the maximised flag whenever they settle, and on close. */
export function persistWindowState(win: BrowserWindow, save: (state: WindowState) => void): void {
  let timer: NodeJS.Timeout | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    if (win.isDestroyed()) return;
    const { x, y, width, height } = win.getNormalBounds();
    save({ x, y, width, height, maximized: win.isMaximized() });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, SAVE_DELAY_MS);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveNow);
  win.on('unmaximize', saveNow);
  win.on('close', saveNow);
}
