// What Comms says after an update is posted. Posting logs it on the timeline; it leaves the
// war room only when the host has a target for customer updates. Otherwise it says so, and
// offers the text to copy to wherever people read updates.
import type { Audience } from '../../shared/model/coordinationTypes';
import { countLabel } from '../app/countLabel';

export interface PostedNotice {
  text: string;
  /** Offer a Copy button for the posted text: nothing sent it anywhere. */
  offerCopy: boolean;
}

export function postedNotice(audience: Audience, statusTargets: number): PostedNotice {
  if (audience === 'customers' && statusTargets > 0) {
    return { text: `Logged on the timeline and sent to ${countLabel(statusTargets, 'status target', 'status targets')}; delivery shows under the update.`, offerCopy: false };
  }
  const where = audience === 'customers' ? 'your status page' : 'your incident channel';
  return { text: `Logged on the timeline. Copy it to ${where}.`, offerCopy: true };
}
