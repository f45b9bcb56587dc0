// User-written Markdown (summary, impact, postmortem sections) placed under one of our
// `##` headings. It stays Markdown (paragraphs, lists, emphasis, code, http links), but
// it may not change the document's structure (headings, an unclosed fence swallowing the
// rest), inject raw HTML or script links, or trip markdownlint's default rules.
// Works line by line, tracking fenced code blocks, whose content is left as written.

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** Language given to fences that have none: markdownlint MD040 wants one. */
const PLAIN_FENCE_LANGUAGE = 'text';
/** Our own fences always use backticks (MD048 wants one style). */
const FENCE = '```';
const TAB_AS_SPACES = '    ';

const ATX_HEADING = /^ {0,3}#/;
/** `===`/`---` under a paragraph make a setext heading; `***`, `---`, `___` alone make a rule. */
const SETEXT_OR_RULE = /^ {0,3}(?:=+|-+|(?:[-*_] *){3,})\s*$/;
const BULLET = /^( *)[*+-]( +)(?=\S)/;
/** Ordered items are all renumbered "1." (MD029 accepts that; renderers count anyway). */
const ORDERED = /^( *)\d{1,9}[.)]( +)(?=\S)/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]*\]:/;
const INDENTED_CODE = /^ {4,}(?=\S)/;
/** A paragraph that is a single emphasised phrase looks like a heading to MD036. */
const EMPHASIS_ONLY = /^(\*{1,2})[^*]+\1$/;
/** Links and images whose target is not an http(s) or mailto URL: script, data, fragment, empty. */
const UNSAFE_LINK = /!?\[[^\]]*\]\(\s*(?:\)|<?(?!https?:|mailto:)[^)\s])/gi;
/** An http(s) URL, bare or already in `<…>`; trailing sentence punctuation is not part of it. */
const WEB_URL = /<?(https?:\/\/[^\s<>`"'[\]]+?)(?:>|(?=[.,;:!?)'"]*(?:[\s\]]|$)))/g;

/** Escapes raw HTML, `_` emphasis (we write emphasis with `*` only: MD049/MD050) and e-mail autolinks. */
function escapeInlineProse(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c)
    // An `_` or `@` the writer already escaped (odd run of backslashes) stays as written.
    .replace(/(\\*)([_@])/g, (m, slashes: string, c: string) => (slashes.length % 2 === 1 ? m : `${slashes}\\${c}`));
}

/**
 * Splits a line into text and code spans the way CommonMark does: a backtick run opens a
 * span only if a run of exactly the same length follows; a backslash escapes one backtick.
 */
function splitCodeSpans(line: string): Array<{ code: boolean; text: string }> {
  const runs = [...line.matchAll(/`+/g)];
  const parts: Array<{ code: boolean; text: string }> = [];
  let last = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    let start = run.index;
    let length = run[0].length;
    let backslashes = 0;
    for (let k = start - 1; k >= last && line[k] === '\\'; k--) backslashes++;
    if (backslashes % 2 === 1) {
      start++;
      length--;
    }
    if (length === 0) continue;
    let j = i + 1;
    while (j < runs.length && runs[j]![0].length !== length) j++;
    if (j === runs.length) continue;
    parts.push({ code: false, text: line.slice(last, start) }, { code: true, text: line.slice(start, runs[j]!.index + length) });
    last = runs[j]!.index + length;
    i = j;
  }
  parts.push({ code: false, text: line.slice(last) });
  return parts;
}

/** Inline processing: code spans kept verbatim, stray backticks escaped, the rest sanitised. */
function sanitizeInline(line: string): string {
  // Links are disarmed on the whole line first: a link's text may contain a code span.
  const disarmed = line.replace(UNSAFE_LINK, (match: string) => `\\${match.replace(/^!/, '')}`.replace(/\]\(/, '\\]('));
  return splitCodeSpans(disarmed)
    .map((part) => (part.code ? part.text : sanitizeText(part.text).replace(/(\\*)`/g, (m, slashes: string) => (slashes.length % 2 === 1 ? m : `${slashes}\\\``))))
    .join('');
}

/** Plain text between URLs: HTML and autolink triggers escaped. */
function sanitizePlain(text: string): string {
  return escapeInlineProse(text).replace(/\bwww\./gi, (m) => `${m.slice(0, -1)}\\.`);
}

/** URLs become `<…>` autolinks (kept verbatim: escapes do not apply inside them, MD034 wants them). */
function sanitizeText(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(WEB_URL)) {
    parts.push(sanitizePlain(text.slice(last, match.index)), `<${match[1] ?? ''}>`);
    last = match.index + match[0].length;
  }
  parts.push(sanitizePlain(text.slice(last)));
  return parts.join('');
}

/** Leading list markers ("- ", "1. ", "- 2) "): what follows them is a block of its own. */
const LIST_PREFIX = /^(?: *(?:[*+-]|\d{1,9}[.)]) +(?=\S))+/;

/** One line outside fences, already tab-expanded, trimmed and out of indented-code form. */
function sanitizeBlockLine(line: string): string {
  if (SETEXT_OR_RULE.test(line)) return sanitizeInline(line.replace(/^( *)(\S)/, '$1\\$2'));
  const prefix = LIST_PREFIX.exec(line)?.[0] ?? '';
  let rest = line.slice(prefix.length).trimStart();
  if (FENCE_OPEN.test(rest) || ATX_HEADING.test(rest) || REFERENCE_DEFINITION.test(rest) || SETEXT_OR_RULE.test(rest)) {
    rest = `\\${rest}`;
  }
  if (EMPHASIS_ONLY.test(rest)) rest = `\\${rest}`;
  // MD004/MD029/MD030: bullets are "-", numbers "1.", one space after each marker.
  const markers = prefix.replace(/([*+-]|\d{1,9}[.)]) +/g, (_m, marker: string) => (/^\d/.test(marker) ? '1. ' : '- '));
  return `${markers}${sanitizeInline(rest)}`;
}

function normalizeLine(raw: string): string {
  // Indented code becomes plain text (MD046: we use fences) and is then checked like any line.
  return raw.replace(/\t/g, TAB_AS_SPACES).trimEnd().replace(INDENTED_CODE, '');
}

function closesFence(raw: string, fence: string): boolean {
  const closing = raw.trim();
  return closing.startsWith(fence[0] ?? '`') && closing.length >= fence.length && /^(`+|~+)$/.test(closing);
}

/**
 * Our fence for a user block: always backticks (MD048), and longer than any backtick run
 * opening a line inside the block, so the content (even a tilde block's ``` lines) cannot close it.
 */
function backtickFenceFor(lines: readonly string[], from: number, userFence: string): string {
  let longest = userFence.startsWith('`') ? userFence.length - 1 : 0;
  for (let i = from; i < lines.length && !closesFence(lines[i] ?? '', userFence); i++) {
    longest = Math.max(longest, /^\s*(`*)/.exec(lines[i] ?? '')?.[1]?.length ?? 0);
  }
  return '`'.repeat(Math.max(FENCE.length, longest + 1));
}

type ListType = 'bullet' | 'ordered';

/** The kind of list a top-level line starts, if any (nested items count as continuation). */
function listType(line: string): ListType | null {
  if (/^\S/.test(line) === false) return null;
  if (BULLET.test(line)) return 'bullet';
  return ORDERED.test(line) ? 'ordered' : null;
}

/**
 * Makes user Markdown safe to embed under a `##` section. Returns '' for blank input.
 */
export function sanitizeProse(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  let list: ListType | null = null;
  const pushBlank = (): void => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  const lines = markdown.split(/\r\n|\r|\n/);
  let ourFence = FENCE;
  for (const [index, raw] of lines.entries()) {
    if (fence !== null) {
      if (closesFence(raw, fence)) {
        out.push(ourFence, '');
        fence = null;
      } else {
        out.push(raw.replace(/\t/g, TAB_AS_SPACES).trimEnd());
      }
      continue;
    }
    const opening = FENCE_OPEN.exec(normalizeLine(raw));
    if (opening && !(opening[1]?.startsWith('`') && opening[2]?.includes('`'))) {
      const language = (opening[2] ?? '').trim().split(/\s+/)[0] ?? '';
      pushBlank();
      fence = opening[1] ?? FENCE;
      ourFence = backtickFenceFor(lines, index + 1, fence);
      out.push(`${ourFence}${/^[\w+#.-]+$/.test(language) ? language : PLAIN_FENCE_LANGUAGE}`);
      list = null;
      continue;
    }
    if (raw.trim() === '') {
      pushBlank();
      list = null;
      continue;
    }
    const line = sanitizeBlockLine(normalizeLine(raw));
    const type = listType(line);
    const continuation = list !== null && /^ +\S/.test(line);
    // MD032: a list needs a blank line before and after it; a bullet list and a numbered
    // list side by side are two lists.
    if (type !== null ? type !== list && !continuation : list !== null && !continuation) pushBlank();
    if (type !== null && !continuation) list = type;
    else if (!continuation) list = null;
    out.push(line);
  }
  if (fence !== null) out.push(ourFence);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
