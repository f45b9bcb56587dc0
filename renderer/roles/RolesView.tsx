// Roles: who holds each role now (assign or reassign in place), custom roles, the Handoff
// action with its briefing, and every assignment and handoff so far. Writes go through the
// role commands; reads through useRoles (the two role Y types only).
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { assignRole } from '../../shared/model/roles';
import { formatDateTime } from '../../shared/time/format';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import { useDisplayZone, useIncidentMeta } from '../timeline/incidentMetaStore';
import { useEntriesStore } from '../timeline/useEntriesStore';
import { HandoffDialog } from './HandoffDialog';
import { RoleHistory } from './RoleHistory';
import { knownPeople, roleRows, type RoleRow } from './roleBoard';
import { useRoles } from './useRoles';
import './roles.css';


export function RolesView() {
  const { doc } = useIncidentContext();
  const incident = useIncidentMeta();
  const { roles, handoffs } = useRoles(doc);
  const authors = useStore(useEntriesStore(doc), (s) => s.authors);
  const [handoffRole, setHandoffRole] = useState<string | null>(null);
  const peopleListId = useId();
  const commander = incident?.commander ?? '';
  const zone = useDisplayZone();
  const rows = useMemo(() => roleRows(roles, commander), [roles, commander]);
  const people = useMemo(() => knownPeople(authors, roles, commander), [authors, roles, commander]);

  return (
    <section className="roles-view" aria-labelledby={`${peopleListId}-title`}>
      <div className="roles-toolbar">
        <h2 id={`${peopleListId}-title`}>Roles</h2>
        <button type="button" className="primary" onClick={() => setHandoffRole(rows.find((r) => r.holder)?.role ?? '')}>
          Handoff…
        </button>
      </div>
      <datalist id={peopleListId}>
        {people.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <table className="data-table roles-table">
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Held by</th>
            <th scope="col">Since</th>
            <th scope="col">Assign</th>
            <th scope="col">
              <span className="visually-hidden">Handoff</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <RoleRowView key={row.role} row={row} zone={zone} listId={peopleListId} onHandoff={() => setHandoffRole(row.role)} />
          ))}
        </tbody>
      </table>
      <AddRoleForm listId={peopleListId} />
      <RoleHistory roles={roles} handoffs={handoffs} zone={zone} />
      {handoffRole !== null && (
        <HandoffDialog rows={rows} people={people} zone={zone} initialRole={handoffRole} onClose={() => setHandoffRole(null)} />
      )}
    </section>
  );
}

function RoleRowView({ row, zone, listId, onHandoff }: { row: RoleRow; zone: string; listId: string; onHandoff: () => void }) {
  const { doc, author, canWrite } = useIncidentContext();
  const [person, setPerson] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      assignRole(doc, { author }, row.role, person);
      setPerson('');
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <tr>
      <th scope="row" className="roles-name">
        {row.role}
        {!row.standard && <span className="tag">custom</span>}
      </th>
      <td>{row.holder || <span className="muted">vacant</span>}</td>
      <td className="muted">{row.since ? formatDateTime(row.since, zone) : ''}</td>
      <td>
        <form className="row" onSubmit={submit}>
          <input
            aria-label={`Person for ${row.role}`}
            placeholder={row.holder ? 'Reassign to…' : 'Assign to…'}
            list={listId}
            value={person}
            disabled={!canWrite}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            onChange={(e) => setPerson(e.target.value)}
          />
          <button type="submit" disabled={!canWrite} aria-label={`Assign ${row.role}`}>
            Assign
          </button>
        </form>
        <FieldError message={error} />
      </td>
      <td>
        {row.holder && (
          <button type="button" disabled={!canWrite} onClick={onHandoff}>
            Hand off<span className="visually-hidden"> {row.role}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

function AddRoleForm({ listId }: { listId: string }) {
  const { doc, author, canWrite } = useIncidentContext();
  const [role, setRole] = useState('');
  const [person, setPerson] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      assignRole(doc, { author }, role, person);
      setRole('');
      setPerson('');
      setError(null);
    } catch (e) {
      // Typed text stays so the fix is one edit away.
      setError((e as Error).message);
    }
  };

  return (
    <form className="roles-add" onSubmit={submit} aria-label="Add role">
      <div className="row wrap">
        <label className="field">
          <span>Custom role</span>
          <input value={role} placeholder="e.g. DBA on call" disabled={!canWrite} onChange={(e) => setRole(e.target.value)} />
        </label>
        <label className="field">
          <span>Held by</span>
          <input value={person} list={listId} autoComplete="off" disabled={!canWrite} onChange={(e) => setPerson(e.target.value)} />
        </label>
        <button type="submit" disabled={!canWrite}>
          Add role
        </button>
      </div>
      <FieldError message={error} />
    </form>
  );
}
