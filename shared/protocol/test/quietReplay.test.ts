// The one reach into lib0's Observable: if a Yjs or lib0 upgrade changes where listeners live,
// these fail instead of the host silently encoding (or losing) updates on every load.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replayQuietly } from '../quietSync';

function storedUpdate(text: string): Uint8Array {
  const source = new Y.Doc();
  source.getMap('meta').set('title', text);
  return Y.encodeStateAsUpdate(source);
}

describe('replayQuietly', () => {
  it("applies the replay without calling the document's update listeners", () => {
    const doc = new Y.Doc();
    const heard: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => heard.push(update));
    replayQuietly(doc, () => Y.applyUpdate(doc, storedUpdate('Disk full on db-2')));
    expect(doc.getMap('meta').get('title')).toBe('Disk full on db-2');
    expect(heard).toEqual([]);
  });

  it('gives the listeners back afterwards, also when the replay throws', () => {
    const doc = new Y.Doc();
    let heard = 0;
    doc.on('update', () => (heard += 1));
    expect(() =>
      replayQuietly(doc, () => {
        throw new Error('corrupt row');
      }),
    ).toThrow('corrupt row');
    doc.getMap('meta').set('title', 'after the replay');
    expect(heard).toBe(1);
  });

  it('leaves a document without update listeners without one', () => {
    const doc = new Y.Doc();
    replayQuietly(doc, () => Y.applyUpdate(doc, storedUpdate('quiet')));
    let heard = 0;
    doc.on('update', () => (heard += 1));
    doc.getMap('meta').set('title', 'later');
    expect(heard).toBe(1);
  });
});
