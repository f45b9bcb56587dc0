// A counter that changes after the incident doc has been quiet for a moment, so the
// postmortem preview re-exports after a burst of edits rather than on every key.
// Read-only: it listens for updates and never writes to the doc.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

export function useDocRevision(doc: Y.Doc, quietMs: number): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setRevision((r) => r + 1), quietMs);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc, quietMs]);
  return revision;
}
