// Copying incidents between stores (the embedded SQLite one and PostgreSQL, either way): each
// document's whole state goes over as one update, merged into whatever the target already holds,
// with its index row; then the target is read back and must hold exactly the source's state
// (state vector and delete set: Y.equalSnapshots). Room and intake tokens are not copied: they
// are credentials, and an operator mints new ones for the server.
import * as Y from 'yjs';
import { incidentIdFromDocName } from '../../../shared/protocol/api';
import type { DocumentStore } from '../documentStore';
import { summaryFromDoc } from '../incidentIndex';
import { updateChangesDoc } from '../sharing/roomFrames';
import { loadStoredDoc } from '../sqliteDocumentStore';

export interface CopyReport {
  copied: number;
  /** One line per incident: its id, title and entry count. */
  lines: string[];
}

/** Throws, naming the incident, when a copy does not read back as the source's state. */
export async function copyIncidents(from: DocumentStore, to: DocumentStore): Promise<CopyReport> {
  const lines: string[] = [];
  let copied = 0;
  for (const docName of await from.docNames()) {
    const id = incidentIdFromDocName(docName);
    if (id === null) continue;
    const source = await loadStoredDoc(from, docName);
    if (!source) continue;
    const existing = await loadStoredDoc(to, docName);
    // Only what the target lacks: a second run (or a copy back) adds nothing twice.
    const missing = Y.encodeStateAsUpdate(source, existing ? Y.encodeStateVector(existing) : undefined);
    const summary = (await from.getSummary(id)) ?? summaryFromDoc(source, new Date().toISOString());
    if (!existing && summary) await to.appendNewDoc(docName, missing, summary);
    else {
      if (!existing || updateChangesDoc(existing, missing)) await to.append(docName, missing);
      if (summary) await to.upsertSummary(summary);
    }
    const copy = await loadStoredDoc(to, docName);
    const expected = mergedDoc(existing, source);
    const verified = copy !== null && Y.equalSnapshots(Y.snapshot(copy), Y.snapshot(expected));
    existing?.destroy();
    expected.destroy();
    if (!verified) throw new Error(`incident ${id}: the copy in ${to.location} does not read back as the state in ${from.location}; stopped before the next one`);
    lines.push(`${id}  ${summary?.title ?? '(untitled)'}  ${summary?.entryCount ?? 0} entries`);
    source.destroy();
    copy?.destroy();
    copied += 1;
  }
  return { copied, lines };
}

/** What the target must hold after the copy: its own state merged with the source's. */
function mergedDoc(existing: Y.Doc | null, source: Y.Doc): Y.Doc {
  const merged = new Y.Doc();
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(source));
  if (existing) Y.applyUpdate(merged, Y.encodeStateAsUpdate(existing));
  return merged;
}
