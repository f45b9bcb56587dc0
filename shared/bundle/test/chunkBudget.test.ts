import { describe, expect, it } from 'vitest';
import { screenChunks, staticClosure, type Manifest } from '../chunkBudget';

const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_react.js'], dynamicImports: ['incident/IncidentView.tsx'] },
  '_react.js': { file: 'assets/react.js' },
  '_yjs.js': { file: 'assets/yjs.js', imports: ['_react.js'] },
  'incident/IncidentView.tsx': { file: 'assets/IncidentView.js', imports: ['_yjs.js'], dynamicImports: ['terminals/TerminalsPanel.tsx'] },
  'terminals/TerminalsPanel.tsx': { file: 'assets/TerminalsPanel.js', imports: ['_xterm.js'] },
  '_xterm.js': { file: 'assets/xterm.js' },
};
const sizes: Record<string, number> = { 'assets/index.js': 10, 'assets/react.js': 200, 'assets/yjs.js': 80, 'assets/IncidentView.js': 50, 'assets/TerminalsPanel.js': 20, 'assets/xterm.js': 500 };

describe('chunk budget', () => {
  it('follows static imports only: dynamic ones load later', () => {
    expect(staticClosure(manifest, 'index.html').sort()).toEqual(['assets/index.js', 'assets/react.js']);
    expect(staticClosure(manifest, 'incident/IncidentView.tsx').sort()).toEqual(['assets/IncidentView.js', 'assets/react.js', 'assets/yjs.js']);
  });

  it('finds a screen that the build emitted as a shared chunk (imported statically elsewhere too)', () => {
    const { 'incident/IncidentView.tsx': screen, ...rest } = manifest;
    const shared: Manifest = { ...rest, '_IncidentView-5AXwbBzI.js': screen!, 'app/RoomApp.tsx': { file: 'assets/RoomApp.js', imports: ['_IncidentView-5AXwbBzI.js'] } };
    expect(staticClosure(shared, 'incident/IncidentView.tsx').sort()).toEqual(['assets/IncidentView.js', 'assets/react.js', 'assets/yjs.js']);
  });

  it('counts a chunk shared by the entry and a screen once', () => {
    expect(screenChunks(manifest, (f) => sizes[f]!).bytes).toBe(210);
    expect(screenChunks(manifest, (f) => sizes[f]!, 'incident/IncidentView.tsx').bytes).toBe(340);
  });

  it('names a key the manifest lacks', () => {
    expect(() => staticClosure(manifest, 'timeline/Gone.tsx')).toThrow('"timeline/Gone.tsx"');
  });
});
