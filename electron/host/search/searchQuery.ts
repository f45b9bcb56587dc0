// What a person types, turned into an FTS5 query that can never be a syntax error or an
// injection of FTS5 operators: every word is quoted, all words must match, and the last one
// matches as a prefix (so results follow the typing).

const WORD = /[\p{L}\p{N}_]+/gu;
/** More words than this in one query adds nothing but cost. */
const MAX_QUERY_WORDS = 16;
/** Words "similar incidents" matches on at most: the first ones from the title, then the summary, then key events. */
const MAX_SIMILAR_WORDS = 48;
/** Words shorter than this say nothing about an incident ("db" still counts). */
const MIN_SIMILAR_WORD_CHARS = 2;

/** Common English words that would make every incident look alike. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be been but by for from has have in into is it its of on or our so that the their then there these this to was we were will with not no after before all any can did do does had if more than'.split(' '),
);

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

function quoted(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/** An FTS5 MATCH expression for a search box's text, or null when it holds no word. */
export function matchExpression(text: string): string | null {
  const found = words(text).slice(0, MAX_QUERY_WORDS);
  if (found.length === 0) return null;
  return found.map((w, i) => (i === found.length - 1 ? `${quoted(w)}*` : quoted(w))).join(' ');
}

/** An OR of an incident's distinctive words, for ranking the other incidents by bm25; null when none. */
export function similarityExpression(texts: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const text of texts) {
    for (const w of words(text)) {
      const word = w.toLowerCase();
      if (word.length < MIN_SIMILAR_WORD_CHARS || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
      seen.add(word);
      if (seen.size >= MAX_SIMILAR_WORDS) break;
    }
  }
  return seen.size === 0 ? null : [...seen].map(quoted).join(' OR ');
}
