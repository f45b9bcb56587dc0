// The registry's incident commands (shared/protocol/commands.ts), run from the desktop menu.
import { useAppCommand } from '../app/appCommands';
import { useTimelineView } from '../timeline/viewStore';

export function useIncidentCommands(opts: { quickAdd: () => void; exportAs: ((format: 'md' | 'json') => void) | null }): void {
  useAppCommand('timeline.quickAdd', opts.quickAdd);
  useAppCommand('postmortem.export', () => opts.exportAs?.('md'));
  useAppCommand('archive.save', () => opts.exportAs?.('json'));
  useAppCommand('view.toggleUtc', () => {
    const view = useTimelineView.getState();
    view.setZoneChoice(view.zoneChoice === 'utc' ? 'incident' : 'utc');
  });
}
