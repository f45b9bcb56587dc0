import { describe, expect, it } from 'vitest';
import { postedNotice } from '../postedNotice';

describe('the confirmation after posting a status update', () => {
  it('never claims an update was sent when no target exists, and offers to copy it', () => {
    expect(postedNotice('customers', 0)).toEqual({ text: 'Logged on the timeline. Copy it to your status page.', offerCopy: true });
    expect(postedNotice('internal', 0)).toEqual({ text: 'Logged on the timeline. Copy it to your incident channel.', offerCopy: true });
  });

  it('says where a customer update went when the host sends it', () => {
    expect(postedNotice('customers', 1)).toEqual({ text: 'Logged on the timeline and sent to 1 status target; delivery shows under the update.', offerCopy: false });
    // Internal updates never leave, whatever the targets.
    expect(postedNotice('internal', 2).offerCopy).toBe(true);
  });
});
