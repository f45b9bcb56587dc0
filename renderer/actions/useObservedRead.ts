// Reads a small collection from the doc and re-reads it whenever one of the named Y types
// changes. Action items and status updates number in the tens, so a full re-read per
// transaction is cheaper than an incremental adapter and cannot drift from the doc.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/**
 * `types` and `read` must be stable (module-level functions): they pick which Y types to
 * observe and how to read them. Components never touch Yjs beyond this hook.
 */
export function useObservedRead<T>(doc: Y.Doc, types: (doc: Y.Doc) => Y.AbstractType<unknown>[], read: (doc: Y.Doc) => T): T {
  const [value, setValue] = useState(() => read(doc));
  useEffect(() => {
    const refresh = () => setValue(read(doc));
    // The doc may have changed between the first render and this effect.
    refresh();
    const observed = types(doc);
    for (const type of observed) type.observe(refresh);
    return () => {
      for (const type of observed) type.unobserve(refresh);
    };
  }, [doc, types, read]);
  return value;
}
