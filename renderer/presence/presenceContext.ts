// This page's own presence in the open incident: who it is (the identity the host stamps) and the
// awareness it speaks through. Components publish what they know (the tab shown, whether the
// quick-add box has text) with the hooks below; without a provider (tests, a doc opened
// elsewhere) they do nothing.
import { createContext, useContext, useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { RoomRole } from '../../shared/protocol/room';

export interface PresenceSession {
  awareness: Awareness;
  user: { name: string; roomRole: RoomRole };
}

export const PresenceContextReact = createContext<PresenceSession | null>(null);

export function usePresenceSession(): PresenceSession | null {
  return useContext(PresenceContextReact);
}

/** Stamps `user` once known; never before (a room host closes a page whose `user` is wrong). */
export function useStampUser(session: PresenceSession | null): void {
  const name = session?.user.name;
  const roomRole = session?.user.roomRole;
  const awareness = session?.awareness;
  useEffect(() => {
    if (!awareness || !name || !roomRole) return;
    awareness.setLocalStateField('user', { name, roomRole });
  }, [awareness, name, roomRole]);
}

/** Publishes one field of this page's presence while the calling component is mounted. */
export function usePresenceField(field: 'view' | 'typing', value: string | boolean): void {
  const session = usePresenceSession();
  const awareness = session?.awareness;
  useEffect(() => {
    // Only a change is sent: every setLocalStateField call is an awareness frame to the room.
    if (!awareness || awareness.getLocalState()?.[field] === value) return;
    awareness.setLocalStateField(field, value);
  }, [awareness, field, value]);
}

/**
 * "Typing" without a frame per keystroke: the flag follows whether the box has text, and a flip
 * is published only once it has held for TYPING_SETTLE_MS (a quick type-and-clear sends nothing).
 */
export const TYPING_SETTLE_MS = 300;

export function useTypingPresence(hasText: boolean): void {
  const session = usePresenceSession();
  const awareness = session?.awareness;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!awareness) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (awareness.getLocalState()?.typing !== hasText) awareness.setLocalStateField('typing', hasText);
    }, TYPING_SETTLE_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [awareness, hasText]);
}
