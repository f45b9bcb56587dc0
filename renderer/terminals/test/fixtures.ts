// A TerminalInfo as the host sends it, for tests of the renderer's terminal client.
import type { TerminalInfo } from '../../../shared/terminal/protocol';

export function terminalInfo(overrides: Partial<TerminalInfo> = {}): TerminalInfo {
  return {
    id: 's1',
    incidentId: 'inc',
    name: 'Terminal 1',
    shell: '/bin/bash',
    pid: 42,
    cols: 80,
    rows: 24,
    startedAt: '2026-01-01T00:00:00.000Z',
    logCommands: false,
    commandCapture: true,
    exit: null,
    recordingId: null,
    ...overrides,
  };
}
