// Whether the Join dialog is open, and with which link: from the Join button, the menu, or a
// warroom://join link the OS handed the desktop app. A link only fills the field; the user
// still reads it and chooses Join.
import { create } from 'zustand';
import { navigate } from '../app/route';

export interface JoinRequest {
  open: boolean;
  /** Prefilled from a link opened outside the app; null when the user starts from an empty field. */
  link: string | null;
}

export const useJoinRequest = create<JoinRequest>()(() => ({ open: false, link: null }));

export function openJoinDialog(link: string | null = null): void {
  useJoinRequest.setState({ open: true, link });
}

/** A link from the OS: show it in the Join dialog on Home, whatever screen is open. */
export function openJoinLink(link: string): void {
  navigate({ screen: 'home' });
  openJoinDialog(link);
}

export function closeJoinDialog(): void {
  useJoinRequest.setState({ open: false, link: null });
}
