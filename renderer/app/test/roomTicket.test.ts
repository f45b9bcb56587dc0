import { describe, expect, it } from 'vitest';
import { decideRoomTicket, serializeTicket } from '../roomTicket';

const ROOM = '01JDQ7Z8X9Y0ABCDEFGHJKMNPQ';
const TOKEN = 'A'.repeat(40) + '_-z';

describe('decideRoomTicket', () => {
  it('takes a room link from the hash, to be stored and wiped from the address bar', () => {
    expect(decideRoomTicket(`#room=${ROOM}&token=${TOKEN}`, null)).toEqual({ ticket: { room: ROOM, token: TOKEN }, fromHash: true, cleanHash: '' });
  });

  it('prefers a new link in the hash over what this tab stored earlier', () => {
    const other = serializeTicket({ room: '01JDQ7Z8X9Y0ABCDEFGHJKMNPR', token: 'B'.repeat(43) });
    expect(decideRoomTicket(`#room=${ROOM}&token=${TOKEN}`, other).ticket).toEqual({ room: ROOM, token: TOKEN });
  });

  it('rejoins from storage after a reload, when the hash is gone', () => {
    const stored = serializeTicket({ room: ROOM, token: TOKEN });
    expect(decideRoomTicket('', stored)).toEqual({ ticket: { room: ROOM, token: TOKEN }, fromHash: false, cleanHash: '' });
  });

  it('is not a room page without a valid ticket: local-host tabs, junk, tampered storage', () => {
    expect(decideRoomTicket('#token=abc&/incident/01J', null).ticket).toBeNull();
    expect(decideRoomTicket('#/incident/01J', null).ticket).toBeNull();
    expect(decideRoomTicket(`#room=${ROOM}&token=short`, null).ticket).toBeNull();
    expect(decideRoomTicket('', 'room=not-an-id&token=x').ticket).toBeNull();
    expect(decideRoomTicket('', '{"room":1}').ticket).toBeNull();
    // A local tab keeps its own route hash untouched.
    expect(decideRoomTicket('#/incident/01J', null).cleanHash).toBe('#/incident/01J');
  });
});
