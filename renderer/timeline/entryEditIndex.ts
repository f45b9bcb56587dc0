// The entries' view of their append-only edit log: the generic keyed log index
// (renderer/state/keyedLogIndex.ts) grouped by the model's own `groupEditsByEntry`.
import type * as Y from 'yjs';
import { groupEditsByEntry, type EntryEditRecord } from '../../shared/model/entryRecords';
import { KeyedLogIndex, type GroupLog, type LogChange as KeyedLogChange } from '../state/keyedLogIndex';

export { logChange } from '../state/keyedLogIndex';

/** What one transaction did to the edit log. */
export type LogChange = KeyedLogChange<EntryEditRecord>;

export class EntryEditIndex extends KeyedLogIndex<EntryEditRecord> {
  constructor(log: Y.Array<EntryEditRecord>) {
    super(log as Y.Array<unknown>, groupEditsByEntry as GroupLog<EntryEditRecord>);
  }

  /** An entry's edits in log order (empty when none). */
  editsOf(id: string): readonly EntryEditRecord[] {
    return this.eventsOf(id);
  }
}
