// What the desktop app's preload puts on `window.warroom`: the one contract between
// electron/preload/preload.ts (which `satisfies` it) and the renderer (which reads its type
// from here). In a browser tab the global is absent and the renderer uses web APIs instead.
import { z } from 'zod';
import type { AppCommandId } from './commands';

export interface SaveFileResult {
  saved: boolean;
  /** Where it was written, when saved. */
  path?: string;
}

/** Bounded so a confused window cannot flood the OS with notifications. */
const MAX_REMINDERS = 50;
const MAX_TEXT = 500;

/** Something that wants the user now: a status update or a decision revisit that fell due. */
export const DueReminderSchema = z.object({
  /** Stable per occurrence (e.g. decision id + due time): each is notified once. */
  key: z.string().min(1).max(MAX_TEXT),
  title: z.string().max(MAX_TEXT),
  body: z.string().max(MAX_TEXT),
  incidentId: z.string().min(1).max(64),
});
export type DueReminder = z.infer<typeof DueReminderSchema>;

/** What the open incident needs from the desktop, reported by the window whenever it changes. */
export const DesktopAttentionSchema = z.object({
  /** Shown as the dock or taskbar badge. */
  overdue: z.number().int().min(0),
  reminders: z.array(DueReminderSchema).max(MAX_REMINDERS),
  /** Changes the host has not confirmed on disk; quitting asks first. */
  unsavedChanges: z.number().int().min(0),
});
export type DesktopAttention = z.infer<typeof DesktopAttentionSchema>;

export interface DesktopBridge {
  hostUrl: string;
  token: string;
  platform: string;
  /** Native Save dialog for an exported postmortem, archive or recording; writes the file chosen. */
  saveFile(name: string, content: string): Promise<SaveFileResult>;
  /** Menu commands for the window to run; returns the unsubscribe. */
  onCommand(listener: (command: AppCommandId) => void): () => void;
  /** warroom://join links opened from the OS, to prefill the Join flow (never joined without the user). */
  onJoinLink(listener: (link: string) => void): () => void;
  /** A notification was clicked: open this incident. */
  onOpenIncident(listener: (incidentId: string) => void): () => void;
  reportAttention(attention: DesktopAttention): void;
  /** Native folder chooser (e.g. where to write the status page); null when cancelled. */
  pickFolder(title: string): Promise<string | null>;
}
