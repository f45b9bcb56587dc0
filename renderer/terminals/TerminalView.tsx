// One terminal's panel: a compact toolbar (find, pin to timeline, log commands, tab actions)
// over the xterm screen. Views stay mounted while hidden, so scrollback survives switching
// tabs; showing one again re-fits it to the space it now has.
import { useEffect, useRef, useState } from 'react';
import { addEntry } from '../../shared/model/commands';
import { DEFAULT_REDACTION_RULES } from '../../shared/terminal/redactionRules';
import { useIncidentContext } from '../app/session';
import { useSettings } from '../app/settingsStore';
import { pinEntry } from './terminalEntries';
import { terminalPanelId, terminalTabId } from './TerminalTabs';
import type { TerminalTab, TerminalWorkspace } from './terminalWorkspace';

interface Props {
  tab: TerminalTab;
  workspace: TerminalWorkspace;
  /** This tab is selected and the Terminals view is on screen. */
  visible: boolean;
  /** Bumped by Ctrl+Shift+F in the terminal: focus the find field. */
  findRequest: number;
  onAnnounce(message: string): void;
  onRename(): void;
}

export function TerminalView({ tab, workspace, visible, findRequest, onAnnounce, onRename }: Props) {
  const screen = useRef<HTMLDivElement>(null);
  const findField = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const { doc, author, canWrite } = useIncidentContext();
  const rules = useSettings((s) => s.settings?.terminal.redactionRules) ?? DEFAULT_REDACTION_RULES;
  const controller = workspace.controller(tab.key);

  useEffect(() => {
    if (screen.current) controller?.attach(screen.current);
  }, [controller]);

  useEffect(() => {
    controller?.setVisible(visible);
    if (!visible) return;
    controller?.refit();
    controller?.focus();
  }, [visible, controller]);

  useEffect(() => {
    if (visible && findRequest > 0) findField.current?.focus();
  }, [visible, findRequest]);

  const find = (direction: 'next' | 'previous') => {
    if (query !== '' && !controller?.find(query, direction)) onAnnounce(`No match for ${query}`);
  };

  const pin = () => {
    const selection = controller?.selection();
    if (!selection) return;
    try {
      addEntry(doc, { author }, pinEntry({ terminalName: tab.name, selection: selection.text, rules, occurredAt: selection.occurredAt }));
      setPinError(null);
      onAnnounce('Added to timeline');
    } catch (error) {
      setPinError(`Could not add to the timeline: ${(error as Error).message}`);
    }
  };

  const alert = pinError ?? (tab.status === 'failed' || tab.status === 'disconnected' ? tab.error : null);
  return (
    <section className="terminal-view" id={terminalPanelId(tab.key)} role="tabpanel" aria-labelledby={terminalTabId(tab.key)} hidden={!visible}>
      <div className="terminal-toolbar" role="toolbar" aria-label={`${tab.name} tools`}>
        <form
          className="terminal-find"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            find('next');
          }}
        >
          <label className="visually-hidden" htmlFor={`terminal-find-${tab.key}`}>
            Find in terminal
          </label>
          <input
            ref={findField}
            id={`terminal-find-${tab.key}`}
            type="search"
            placeholder="Find (Ctrl+Shift+F)"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && event.shiftKey) {
                event.preventDefault();
                find('previous');
              }
              if (event.key === 'Escape') controller?.focus();
            }}
          />
          <button type="button" className="icon-button" aria-label="Previous match" title="Previous match (Shift+Enter)" onClick={() => find('previous')}>
            ↑
          </button>
          <button type="submit" className="icon-button" aria-label="Next match" title="Next match (Enter)">
            ↓
          </button>
        </form>
        <button type="button" className="primary" disabled={!tab.hasSelection || !canWrite} onClick={pin} title="Pin the selected output to the timeline">
          Add to timeline
        </button>
        <label className="inline terminal-switch" title={tab.commandCapture ? undefined : 'Command capture is not active for this shell'}>
          <input
            type="checkbox"
            role="switch"
            checked={tab.logCommands}
            disabled={tab.status !== 'running' || !canWrite}
            onChange={(event) => workspace.setLogCommands(tab.key, event.target.checked)}
          />
          Log commands to timeline
        </label>
        <span className="grow" />
        <button type="button" className="icon-button" aria-label="Rename" title="Rename this terminal (F2 on its tab, or double-click it)" onClick={onRename}>
          ✎
        </button>
        <button type="button" className="icon-button" aria-label="Move left" title="Move tab left (Ctrl+Shift+PageUp)" onClick={() => workspace.move(tab.key, -1)}>
          ←
        </button>
        <button type="button" className="icon-button" aria-label="Move right" title="Move tab right (Ctrl+Shift+PageDown)" onClick={() => workspace.move(tab.key, 1)}>
          →
        </button>
      </div>
      {alert && (
        <p className="terminal-alert" role="alert">
          {alert}
        </p>
      )}
      <div className="terminal-screen" ref={screen} />
    </section>
  );
}
