// One checklist: title, progress (7/12), blocked count, its items grouped by section in
// template order, and a line to add an ad-hoc item.
import { useId, useState, type FormEvent } from 'react';
import { addChecklistItem, checklistProgress } from '../../shared/model/checklists';
import type { Checklist, ChecklistItem } from '../../shared/model/coordinationTypes';
import { useIncidentContext } from '../app/session';
import { ChecklistItemRow } from './ChecklistItemRow';

function bySection(items: ChecklistItem[]): [string, ChecklistItem[]][] {
  const groups = new Map<string, ChecklistItem[]>();
  for (const item of items) {
    const list = groups.get(item.section);
    if (list) list.push(item);
    else groups.set(item.section, [item]);
  }
  return [...groups];
}

export function ChecklistCard({ checklist }: { checklist: Checklist }) {
  const { finished, total, blocked } = checklistProgress(checklist);
  const headingId = useId();
  return (
    <article className="cl-card" aria-labelledby={headingId}>
      <header className="cl-card-head row">
        <h3 id={headingId} className="grow">
          {checklist.title}
          {checklist.template === '' && <span className="tag">ad hoc</span>}
        </h3>
        <span className="cl-progress" aria-label={`${finished} of ${total} finished`}>
          {finished}/{total}
        </span>
        {blocked > 0 && <span className="cl-blocked">{blocked} blocked</span>}
      </header>
      {bySection(checklist.items).map(([section, items]) => (
        <section key={section} className="cl-section">
          <h4>{section}</h4>
          <ul className="cl-items">
            {items.map((item) => (
              <ChecklistItemRow key={item.id} checklist={checklist} item={item} />
            ))}
          </ul>
        </section>
      ))}
      <AddItemForm checklistId={checklist.id} />
    </article>
  );
}

function AddItemForm({ checklistId }: { checklistId: string }) {
  const { doc, author, canWrite } = useIncidentContext();
  const [text, setText] = useState('');
  const [needsConfirm, setNeedsConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  if (!canWrite) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    try {
      addChecklistItem(doc, { author }, checklistId, { text, needsConfirm });
      setText('');
      setNeedsConfirm(false);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form className="row wrap cl-add" onSubmit={submit}>
      <input
        className="grow"
        value={text}
        aria-label="New item"
        placeholder="Add an item…"
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
      />
      <label className="inline">
        <input type="checkbox" checked={needsConfirm} onChange={(e) => setNeedsConfirm(e.target.checked)} />
        Needs a second person
      </label>
      <button type="submit">Add item</button>
      {error && (
        <p className="field-error" role="alert" id={errorId}>
          {error}
        </p>
      )}
    </form>
  );
}
