// The header's status-update control: "Next update in 12:04" while there is time, and the
// header's primary action "Post status update · in 4:10" once the update is due within a few
// minutes, red once overdue ("overdue by 3:10"). Either way, clicking opens the Comms view
// through a window event the shell listens for.
import type { Instant } from '../../shared/model/types';
import { useNowInstant } from '../app/clock';
import { cadenceCountdown } from './countdown';
import './comms.css';

export const OPEN_VIEW_EVENT = 'warroom:open-view';

/** From this close to the due time, posting the update is the likely next thing to do. */
const DUE_SOON_SECONDS = 10 * 60;

export function openCommsView(): void {
  window.dispatchEvent(new CustomEvent(OPEN_VIEW_EVENT, { detail: 'comms' }));
}

/** Its own component so only this button re-renders on each clock tick. `canPost`: false for an observer. */
export function CadenceCountdown({ due, canPost }: { due: Instant; canPost: boolean }) {
  const countdown = cadenceCountdown(due, useNowInstant());
  if (canPost && countdown.seconds <= DUE_SOON_SECONDS) {
    return (
      <button
        type="button"
        className={`primary${countdown.overdue ? ' primary-overdue' : ''}`}
        aria-label={`Post status update · ${countdown.short} (${countdown.label})`}
        title="Open status updates"
        onClick={openCommsView}
      >
        Post status update · <span className="mono">{countdown.short}</span>
      </button>
    );
  }
  return (
    <button
      type="button"
      className={`cadence-countdown mono${countdown.overdue ? ' cadence-overdue' : ''}`}
      aria-label={`${countdown.text} (${countdown.label}). Open status updates`}
      title="Open status updates"
      onClick={openCommsView}
    >
      {countdown.text}
    </button>
  );
}
