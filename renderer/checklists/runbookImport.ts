// Importing a runbook file the user picked or dropped. Pure apart from File.text(), so
// the rules (only .md, parse errors as "file:line: reason") are tested without a DOM.
import { formatRunbookErrors, parseRunbook } from '../../shared/runbooks/parseRunbook';
import type { RunbookTemplate } from '../../shared/model/coordinationTypes';

export type RunbookImport = { ok: true; template: RunbookTemplate } | { ok: false; lines: string[] };

const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** Checks a file's name and text; errors come back as lines like "database-failover.md:14: item before any section heading". */
export function importRunbookText(name: string, text: string): RunbookImport {
  if (!MARKDOWN_FILE.test(name)) return { ok: false, lines: [`${name}: not a Markdown file; a runbook is a .md file`] };
  const result = parseRunbook(text, name);
  return result.ok ? { ok: true, template: result.template } : { ok: false, lines: formatRunbookErrors(name, result.errors) };
}

export async function importRunbookFile(file: File): Promise<RunbookImport> {
  try {
    return importRunbookText(file.name, await file.text());
  } catch (err) {
    return { ok: false, lines: [`${file.name}: could not be read (${err instanceof Error ? err.message : String(err)})`] };
  }
}
