import { marked, type Token, type Tokens } from 'marked';
import type { RunbookItem, RunbookSection, RunbookTemplate } from '../model/coordinationTypes';

// Runbook templates are Markdown: the first `#` heading is the title, `##`/`###` headings
// are sections and `- [ ]` lines are items. marked's lexer does the Markdown (so a `- [ ]`
// inside a code block or a quote is never an item); we only walk its tokens and count the
// lines each token's `raw` covers. Any error rejects the whole template: a half-imported
// runbook with a missing gate is worse than none.

export interface RunbookError {
  line: number;
  message: string;
}

export type RunbookParseResult = { ok: true; template: RunbookTemplate } | { ok: false; errors: RunbookError[] };

/** Big enough for any real runbook, small enough that a wrong file (a log, a dump) is refused quickly. */
export const MAX_RUNBOOK_CHARS = 200_000;

/**
 * Deepest chain of quote and list markers one line may open ("> - > 1. …"). marked reads each
 * level by recursion, so a crafted file ('> - ' 49,000 times) would overflow the stack; real
 * runbooks nest a handful of levels.
 */
export const MAX_RUNBOOK_NESTING = 16;
/** One container marker at the start of what is left of a line: a quote, or a bullet or number followed by a blank. */
const CONTAINER_MARKER = /^[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))/;
/** "- - - -" and "* * *" are a horizontal rule, not a nested list. */
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const TITLE_DEPTH = 1;
const CONFIRM_MARKER = /\s*\(confirm\)\s*$/i;
const OWNER_MARKER = /\s*\(owner:([^)]*)\)\s*$/i;
/** An item written as `- [ ]` with nothing after it: marked does not call it a task. */
const EMPTY_TASK = /^\[[ xX]?\]\s*$/;

interface ParseState {
  source: string;
  title: string | null;
  section: RunbookSection | null;
  sections: RunbookSection[];
  errors: RunbookError[];
  itemCount: number;
}

/** The first line nested deeper than MAX_RUNBOOK_NESTING, found without recursion, or null. */
function tooDeepLine(text: string): RunbookError | null {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    let rest = lines[index] ?? '';
    if (THEMATIC_BREAK.test(rest)) continue;
    let depth = 0;
    for (let marker = CONTAINER_MARKER.exec(rest); marker; marker = CONTAINER_MARKER.exec(rest)) {
      depth++;
      if (depth > MAX_RUNBOOK_NESTING) {
        return { line: index + 1, message: `quotes and lists are nested more than ${MAX_RUNBOOK_NESTING} deep; flatten this part of the runbook` };
      }
      rest = rest.slice(marker[0].length);
    }
  }
  return null;
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Strips `(confirm)` and `(owner: ROLE)` from the end, in any order. */
function readMarkers(raw: string, line: number, errors: RunbookError[]): RunbookItem {
  let text = raw.trim();
  let needsConfirm = false;
  let ownerRole: string | null = null;
  for (;;) {
    const confirm = CONFIRM_MARKER.exec(text);
    if (confirm) {
      needsConfirm = true;
      text = text.slice(0, confirm.index);
      continue;
    }
    const owner = OWNER_MARKER.exec(text);
    if (owner) {
      const role = (owner[1] ?? '').trim();
      if (role === '') errors.push({ line, message: 'owner marker has no role; write it as (owner: ROLE), e.g. (owner: operations lead)' });
      else ownerRole = role;
      text = text.slice(0, owner.index);
      continue;
    }
    break;
  }
  return { text: text.trim(), needsConfirm, ownerRole };
}

/** The item's own text: its inline text, without any nested list, on one line. */
function itemText(item: Tokens.ListItem): string {
  const own = item.tokens.filter((t) => t.type !== 'list' && t.type !== 'checkbox' && 'raw' in t);
  const text = own.length > 0 ? own.map((t) => ('text' in t && typeof t.text === 'string' ? t.text : t.raw)).join(' ') : item.text;
  return text.replace(/\s+/g, ' ').trim();
}

function walkList(list: Tokens.List, offset: number, state: ParseState): void {
  let cursor = offset;
  for (const item of list.items) {
    const found = state.source.indexOf(item.raw, cursor);
    const start = found === -1 ? cursor : found;
    const line = lineAt(state.source, start);
    cursor = start + item.raw.length;
    const text = itemText(item);
    const looksLikeTask = item.task || EMPTY_TASK.test(text);
    // Any task line counts, even a faulty one: "no items" would only add noise to its error.
    if (looksLikeTask) state.itemCount++;
    if (!state.section) {
      // A plain list before the first section is description; a task there has nowhere to go.
      if (looksLikeTask) state.errors.push({ line, message: 'item before any section heading; put it under a ## section' });
    } else if (!looksLikeTask) {
      state.errors.push({ line, message: `line ${line} is a list item without [ ]; write it as "- [ ] …" or make it a paragraph` });
    } else if (item.checked) {
      state.errors.push({ line, message: 'item is already ticked ([x]); a template starts with every item as "- [ ]"' });
    } else {
      const parsed = readMarkers(item.task ? text : '', line, state.errors);
      if (parsed.text === '') state.errors.push({ line, message: 'item has no text; say what to do after "- [ ]"' });
      else state.section.items.push(parsed);
    }
    for (const child of item.tokens) {
      if (child.type !== 'list') continue;
      const at = state.source.indexOf(child.raw, start);
      walkList(child as Tokens.List, at === -1 ? start : at, state);
    }
  }
}

function walkHeading(token: Tokens.Heading, line: number, state: ParseState): void {
  const text = token.text.trim();
  if (token.depth === TITLE_DEPTH) {
    if (state.title === null) state.title = text;
    else state.errors.push({ line, message: 'a second # title; use ## or ### for sections' });
    return;
  }
  if (state.title === null) {
    state.errors.push({ line, message: 'section heading before the # title; start the file with "# Runbook title"' });
    return;
  }
  state.section = { heading: text, items: [] };
  state.sections.push(state.section);
}

/** Parses a runbook template. `source` is the file name, kept on the template and used in nothing else. */
export function parseRunbook(markdown: string, source: string): RunbookParseResult {
  if (markdown.length > MAX_RUNBOOK_CHARS) {
    return { ok: false, errors: [{ line: 1, message: `file is larger than ${MAX_RUNBOOK_CHARS} characters; is it really a runbook?` }] };
  }
  // marked normalises line endings itself; doing it first keeps our offsets on its text.
  const text = markdown.replace(/\r\n?/g, '\n');
  const tooDeep = tooDeepLine(text);
  if (tooDeep) return { ok: false, errors: [tooDeep] };
  const state: ParseState = { source: text, title: null, section: null, sections: [], errors: [], itemCount: 0 };
  let offset = 0;
  let tokens: Token[];
  try {
    tokens = marked.lexer(text);
  } catch (err) {
    // A shape of deep nesting the scan above does not know; refuse the file rather than crash.
    if (err instanceof RangeError) return { ok: false, errors: [{ line: 1, message: 'the file is nested too deeply to read' }] };
    throw err;
  }
  for (const token of tokens) {
    const found = text.indexOf(token.raw, offset);
    const start = found === -1 ? offset : found;
    if (token.type === 'heading') walkHeading(token as Tokens.Heading, lineAt(text, start), state);
    else if (token.type === 'list') walkList(token as Tokens.List, start, state);
    offset = start + token.raw.length;
  }
  if (state.title === null || state.title === '') state.errors.unshift({ line: 1, message: 'no title; start the file with "# Runbook title"' });
  else if (state.itemCount === 0) state.errors.push({ line: 1, message: 'no items; add "- [ ] step" lines under ## section headings' });
  if (state.errors.length > 0) return { ok: false, errors: state.errors.sort((a, b) => a.line - b.line) };
  const sections = state.sections.filter((s) => s.items.length > 0);
  return { ok: true, template: { title: state.title ?? '', source, sections } };
}

/** The errors as people read them: "database-failover.md:14: item before any section heading". */
export function formatRunbookErrors(source: string, errors: readonly RunbookError[]): string[] {
  return errors.map((e) => `${source}:${e.line}: ${e.message}`);
}
