// The strip of terminal tabs: select (click, arrows), rename (double-click, or Rename in the
// toolbar), close (× or Delete), reorder by drag and drop or Ctrl+Shift+PageUp/PageDown. Each tab shows
// its state, so an exited or failed shell is visible without opening it.
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type { TerminalTab, TerminalWorkspace } from './terminalWorkspace';

const DRAG_TYPE = 'application/x-warroom-terminal';

export function terminalTabId(key: string): string {
  return `terminal-tab-${key}`;
}

export function terminalPanelId(key: string): string {
  return `terminal-panel-${key}`;
}

/** "running", "exited 0", "failed": what the tab says after its name. */
export function tabStateLabel(tab: TerminalTab): string {
  switch (tab.status) {
    case 'exited':
      return tab.exitCode !== null ? `exited ${tab.exitCode}` : `killed (signal ${tab.signal ?? '?'})`;
    case 'failed':
      return 'failed to start';
    default:
      return tab.status;
  }
}

interface Props {
  workspace: TerminalWorkspace;
  tabs: TerminalTab[];
  activeKey: string | null;
  renaming: string | null;
  onRenaming(key: string | null): void;
  /** Close a tab (× or Delete on the tab). */
  onClose(key: string): void;
}

export function TerminalTabs({ workspace, tabs, activeKey, renaming, onRenaming, onClose }: Props) {
  const [dragged, setDragged] = useState<string | null>(null);

  const focusTab = (key: string) => requestAnimationFrame(() => document.getElementById(terminalTabId(key))?.focus());

  const onKeyDown = (event: KeyboardEvent, key: string) => {
    const index = tabs.findIndex((t) => t.key === key);
    if (event.ctrlKey && event.shiftKey && (event.key === 'PageUp' || event.key === 'PageDown')) {
      event.preventDefault();
      workspace.move(key, event.key === 'PageUp' ? -1 : 1);
      focusTab(key);
      return;
    }
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1 };
    const target = event.key === 'Home' ? tabs[0] : event.key === 'End' ? tabs.at(-1) : tabs[(index + (step[event.key] ?? NaN) + tabs.length) % tabs.length];
    if (!target || !(event.key in step || event.key === 'Home' || event.key === 'End')) {
      if (event.key === 'F2') onRenaming(key);
      if (event.key === 'Delete') {
        event.preventDefault();
        onClose(key);
      }
      return;
    }
    event.preventDefault();
    workspace.select(target.key);
    focusTab(target.key);
  };

  const onDrop = (event: DragEvent, target: string) => {
    event.preventDefault();
    const key = event.dataTransfer.getData(DRAG_TYPE) || dragged;
    if (key) workspace.drop(key, target);
    setDragged(null);
  };

  return (
    <div className="terminal-tabs" role="tablist" aria-label="Terminals">
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="presentation"
          className={`terminal-tab-item status-${tab.status}${dragged === tab.key ? ' dragging' : ''}`}
          draggable={renaming !== tab.key}
          onDragStart={(event) => {
            event.dataTransfer.setData(DRAG_TYPE, tab.key);
            event.dataTransfer.effectAllowed = 'move';
            setDragged(tab.key);
          }}
          onDragEnd={() => setDragged(null)}
          onDragOver={(event) => event.preventDefault()}
          onDrop={(event) => onDrop(event, tab.key)}
        >
          {renaming === tab.key ? (
            <RenameField
              tab={tab}
              onDone={(name) => {
                if (name !== null) workspace.rename(tab.key, name);
                onRenaming(null);
                focusTab(tab.key);
              }}
            />
          ) : (
            <button
              id={terminalTabId(tab.key)}
              type="button"
              role="tab"
              className="terminal-tab"
              aria-selected={tab.key === activeKey}
              aria-controls={terminalPanelId(tab.key)}
              tabIndex={tab.key === activeKey ? 0 : -1}
              title="Double-click to rename; drag or Ctrl+Shift+PageUp/PageDown to reorder; Delete closes"
              aria-keyshortcuts="Delete F2"
              onClick={() => workspace.select(tab.key)}
              onDoubleClick={() => onRenaming(tab.key)}
              onKeyDown={(event) => onKeyDown(event, tab.key)}
            >
              <span className={`terminal-dot dot-${tab.status}`} aria-hidden="true" />
              <span className="terminal-tab-name">{tab.name}</span>
              <span className="terminal-tab-state">{tabStateLabel(tab)}</span>
            </button>
          )}
          {/* Out of the tab list's accessibility tree (a tablist holds only tabs): the focused tab closes with Delete. */}
          <button type="button" className="icon-button terminal-tab-close" tabIndex={-1} aria-hidden="true" title={`Close ${tab.name} (ends the shell; Delete on the tab)`} onClick={() => onClose(tab.key)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

function RenameField({ tab, onDone }: { tab: TerminalTab; onDone(name: string | null): void }) {
  const [value, setValue] = useState(tab.name);
  return (
    <label className="terminal-rename">
      <span className="visually-hidden">Terminal name</span>
      <input
        autoFocus
        value={value}
        maxLength={80}
        onChange={(event) => setValue(event.target.value)}
        onFocus={(event) => event.target.select()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onDone(value.trim() === '' ? null : value);
          if (event.key === 'Escape') onDone(null);
        }}
        onBlur={() => onDone(null)}
      />
    </label>
  );
}
