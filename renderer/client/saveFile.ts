// Saving an exported file: the desktop app offers a native Save dialog through the
// preload; a browser tab downloads the file instead.
import { desktopBridge } from './desktop';

/** `message` is one sentence for the user, e.g. "Saved to /home/ana/pm.md". */
export type SaveOutcome = { saved: true; message: string } | { saved: false };

const MIME_BY_EXTENSION: Record<string, string> = {
  md: 'text/markdown;charset=utf-8',
  json: 'application/json;charset=utf-8',
  // Terminal recordings (asciicast v2), as asciinema serves them.
  cast: 'application/x-asciicast',
  csv: 'text/csv;charset=utf-8',
};

export async function saveTextFile(fileName: string, content: string): Promise<SaveOutcome> {
  const bridge = desktopBridge();
  if (bridge) {
    const result = await bridge.saveFile(fileName, content);
    return result.saved ? { saved: true, message: `Saved to ${result.path ?? fileName}` } : { saved: false };
  }
  const extension = fileName.split('.').pop() ?? '';
  const blob = new Blob([content], { type: MIME_BY_EXTENSION[extension] ?? 'text/plain;charset=utf-8' });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(href), 0);
  // The browser decides where downloads go; we only know the name.
  return { saved: true, message: `Downloaded ${fileName}` };
}
