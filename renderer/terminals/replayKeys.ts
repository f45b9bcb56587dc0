// Keyboard shortcuts of the replay dialog, DOM-free: Space plays or pauses, ←/→ seek.
// Keys keep their own meaning where the focused control needs them (the Speed select, the
// "Skip idle time" checkbox), and on the Position slider the arrows seek by our step
// instead of the slider's tiny native one.
import { SEEK_STEP_SECONDS } from './replayClock';

export type ReplayKeyAction = { kind: 'toggle' } | { kind: 'seekBy'; seconds: number } | { kind: 'close' };

/** What the key was pressed on: the element's tag and, for inputs, its type. */
export interface KeyTarget {
  tagName: string;
  type?: string;
  /** True inside the replay terminal (xterm's hidden textarea). */
  inTerminal: boolean;
}

function keepsOwnKeys(target: KeyTarget): boolean {
  if (target.inTerminal) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'SELECT' || tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && target.type !== 'range';
}

export function replayKeyAction(key: string, target: KeyTarget): ReplayKeyAction | null {
  // Escape always closes, also from inside xterm, which may swallow it otherwise.
  if (key === 'Escape') return { kind: 'close' };
  if (keepsOwnKeys(target)) return null;
  if (key === ' ') return { kind: 'toggle' };
  if (key === 'ArrowLeft') return { kind: 'seekBy', seconds: -SEEK_STEP_SECONDS };
  if (key === 'ArrowRight') return { kind: 'seekBy', seconds: SEEK_STEP_SECONDS };
  return null;
}
