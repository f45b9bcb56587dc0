// Every checklist of the incident, newest last, with the ways to start one: a bundled
// runbook, an ad-hoc list, or a runbook file picked or dropped onto the view. A file
// with any error is refused whole, its "file:line: reason" lines shown.
import { useRef, useState, type DragEvent } from 'react';
import { createChecklist } from '../../shared/model/checklists';
import type { RunbookTemplate } from '../../shared/model/coordinationTypes';
import { useIncidentContext } from '../app/session';
import { ChecklistCard } from './ChecklistCard';
import { NewChecklistForm } from './NewChecklistForm';
import { importRunbookFile } from './runbookImport';
import { useChecklists } from './useChecklists';
import './checklists.css';

export function ChecklistsView() {
  const { doc, author, canWrite } = useIncidentContext();
  const lists = useChecklists(doc);
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const start = (template: RunbookTemplate | { title: string }) => {
    try {
      createChecklist(doc, { author }, template);
      setImportErrors([]);
    } catch (err) {
      setImportErrors([err instanceof Error ? err.message : String(err)]);
    }
  };

  const importFiles = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    const result = await importRunbookFile(file);
    if (result.ok) start(result.template);
    else setImportErrors(result.lines);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (canWrite) void importFiles(e.dataTransfer.files);
  };

  return (
    <section
      className={`cl-view${dragging ? ' cl-dragging' : ''}`}
      aria-label="Checklists"
      onDragOver={(e) => {
        if (!canWrite || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="cl-toolbar row wrap">
        {canWrite && <NewChecklistForm onStart={start} />}
        {canWrite && (
          <>
            <button type="button" onClick={() => fileInput.current?.click()}>
              Import runbook (.md)
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".md,.markdown,text/markdown"
              className="visually-hidden"
              aria-label="Runbook file to import"
              tabIndex={-1}
              onChange={(e) => {
                void importFiles(e.target.files);
                e.target.value = '';
              }}
            />
            <span className="muted cl-hint">or drop a .md file here</span>
          </>
        )}
      </div>
      {importErrors.length > 0 && (
        <div className="cl-import-errors" role="alert">
          <p>Nothing was imported:</p>
          <ul className="mono">
            {importErrors.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setImportErrors([])}>
            Dismiss
          </button>
        </div>
      )}
      {lists.length === 0 ? (
        <p className="muted cl-empty">No checklists yet. Start one from a runbook, or make an ad-hoc list.</p>
      ) : (
        lists.map((list) => <ChecklistCard key={list.id} checklist={list} />)
      )}
    </section>
  );
}
