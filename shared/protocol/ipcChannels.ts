// Named IPC channels between the preload and the main process: the contract both ends import, so shared/ holds it.
export const IPC = {
  hostInfo: 'warroom:host-info',
  saveFile: 'warroom:save-file',
  /** main → window: a menu command id to run. */
  command: 'warroom:command',
  /** window → main: ready for join links (any that arrived before are delivered now). */
  joinLinksReady: 'warroom:join-links-ready',
  /** main → window: a warroom://join link to show in the Join flow. */
  joinLink: 'warroom:join-link',
  /** main → window: a notification was clicked; open this incident. */
  openIncident: 'warroom:open-incident',
  /** window → main: overdue count, reminders, whether an incident is active, unsaved changes. */
  attention: 'warroom:attention',
  /** window → main: the native folder chooser; answers the chosen folder or null. */
  pickFolder: 'warroom:pick-folder',
} as const;
