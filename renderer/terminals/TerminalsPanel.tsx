// The Terminals view: the tab strip and "New terminal" on top, the terminals filling the
// space, and a side column with the selected terminal's History and the incident's Recordings.
import { useState } from 'react';
import { Dialog } from '../app/Dialog';
import { useStore } from 'zustand';
import { useIncidentContext } from '../app/session';
import { useDisplayZone } from '../timeline/incidentMetaStore';
import { CommandHistory } from './CommandHistory';
import { RecordingsList } from './RecordingsList';
import { TerminalTabs } from './TerminalTabs';
import { TerminalView } from './TerminalView';
import type { TerminalWorkspace } from './terminalWorkspace';
import './terminals.css';


export function TerminalsPanel({ workspace, shown }: { workspace: TerminalWorkspace; shown: boolean }) {
  const { author } = useIncidentContext();
  const zone = useDisplayZone();
  const tabs = useStore(workspace.store, (s) => s.tabs);
  const activeKey = useStore(workspace.store, (s) => s.activeKey);
  const findRequest = useStore(workspace.store, (s) => s.findRequest);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** A close asked while a command runs: ending it needs a yes. */
  const [closing, setClosing] = useState<{ key: string; name: string; command: string } | null>(null);
  const askToClose = async (key: string) => {
    const command = await workspace.runningCommand(key);
    if (command === null) return workspace.close(key);
    setClosing({ key, name: tabs.find((t) => t.key === key)?.name ?? 'this terminal', command });
  };
  const active = tabs.find((t) => t.key === activeKey) ?? null;
  const sessions = tabs.map((t) => `${t.key}:${t.status}`).join(' ');

  const announce = (message: string) => {
    // Clearing first makes a repeated message ("Added to timeline" twice) be read again.
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(message));
  };

  return (
    <div className="terminals">
      <div className="terminals-bar">
        <TerminalTabs workspace={workspace} tabs={tabs} activeKey={activeKey} renaming={renaming} onRenaming={setRenaming} onClose={(key) => void askToClose(key)} />
        <button type="button" className="terminals-new" onClick={() => workspace.open(author)} title="Open a shell on this machine">
          + New terminal
        </button>
      </div>
      <div className="terminals-body">
        <div className="terminals-main">
          {tabs.length === 0 && (
            <div className="terminals-empty">
              <p>Run commands here and the evidence stays with the incident.</p>
              <p className="muted">Select output and choose “Add to timeline”; every session is recorded for the postmortem.</p>
              <button type="button" className="primary" onClick={() => workspace.open(author)}>
                Open a terminal
              </button>
            </div>
          )}
          {tabs.map((tab) => (
            <TerminalView
              key={tab.key}
              tab={tab}
              workspace={workspace}
              visible={shown && tab.key === activeKey}
              findRequest={findRequest}
              onAnnounce={announce}
              onRename={() => setRenaming(tab.key)}
            />
          ))}
        </div>
        <aside className="terminals-side" aria-label="Terminal history and recordings">
          {active && <CommandHistory terminalName={active.name} history={active.history} capture={active.commandCapture} zone={zone} />}
          <details className="terminals-recordings" open>
            <summary>Recordings</summary>
            <RecordingsList sessions={sessions} />
          </details>
        </aside>
      </div>
      {closing && (
        <Dialog title={`Close ${closing.name}?`} onCancel={() => setClosing(null)}>
          <p>
            <code>{closing.command}</code> is still running in {closing.name}. Closing the terminal ends it, and whatever it was doing stops.
          </p>
          <div className="row end">
            <button type="button" autoFocus onClick={() => setClosing(null)}>
              Keep it running
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                workspace.close(closing.key);
                setClosing(null);
              }}
            >
              Close and end {closing.command}
            </button>
          </div>
        </Dialog>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
