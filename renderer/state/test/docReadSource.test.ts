// The one Yjs read adapter: a transaction that touches several of a reader's types is read once,
// unrelated changes are not read at all, and a source with no subscribers observes nothing.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docReadSource } from '../docReadSource';

const types = (doc: Y.Doc): Y.AbstractType<unknown>[] => [doc.getMap('decisions'), doc.getArray('decisionEvents')] as Y.AbstractType<unknown>[];
let reads = 0;
const countAndRead = (doc: Y.Doc): string[] => {
  reads += 1;
  return [...doc.getMap<string>('decisions').values(), ...doc.getArray<string>('decisionEvents').toArray()];
};

describe('docReadSource', () => {
  it('reads once per transaction that touches its types, however many of them', () => {
    const doc = new Y.Doc();
    const source = docReadSource(doc, types, countAndRead);
    let notified = 0;
    const unsubscribe = source.subscribe(() => (notified += 1));
    reads = 0;
    doc.transact(() => {
      doc.getMap('decisions').set('d1', 'Call the upgrade off');
      doc.getArray('decisionEvents').push(['decided']);
    });
    expect(reads).toBe(1);
    expect(notified).toBe(1);
    expect(source.get()).toEqual(['Call the upgrade off', 'decided']);
    unsubscribe();
  });

  it('does not read for changes elsewhere in the document, and keeps the same snapshot', () => {
    const doc = new Y.Doc();
    const source = docReadSource(doc, types, countAndRead);
    const unsubscribe = source.subscribe(() => {});
    const before = source.get();
    reads = 0;
    doc.getMap('entries').set('e1', 'typing in the timeline');
    expect(reads).toBe(0);
    expect(source.get()).toBe(before);
    unsubscribe();
  });

  it('is shared per document and reader, stops observing without subscribers, and catches up on resubscribe', () => {
    const doc = new Y.Doc();
    const source = docReadSource(doc, types, countAndRead);
    expect(docReadSource(doc, types, countAndRead)).toBe(source);
    source.subscribe(() => {})();
    reads = 0;
    doc.getMap('decisions').set('d2', 'Wait for the slow restore');
    expect(reads).toBe(0);
    const unsubscribe = source.subscribe(() => {});
    expect(source.get()).toEqual(['Wait for the slow restore']);
    unsubscribe();
  });
});
