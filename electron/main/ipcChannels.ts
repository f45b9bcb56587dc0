// Named IPC channels between the preload and the main process.
export const IPC = {
  hostInfo: 'warroom:host-info',
  saveFile: 'warroom:save-file',
} as const;
