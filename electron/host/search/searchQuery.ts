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

/**
 * The longest prefix the index keeps a prefix index for (storeSchema.ts: prefix = '2 3 4'). A longer
 * prefix query makes FTS5 merge the whole doclist of every matching word before it can rank one row
 * (about 4× the cost of the words themselves at 1M rows), so longer words are completed from the
 * index's own word list instead.
 */
export const PREFIX_INDEX_MAX_CHARS = 4;
/** A word being typed stands for at most this many of the index's words (the most widespread ones). */
export const MAX_COMPLETIONS = 12;

/** The word as the tokenizer keeps it (unicode61, remove_diacritics 2): lower case, without accents. */
export function foldWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * An FTS5 MATCH expression for a search box's text, or null when it holds no word. `complete` gives
 * the index's words that start with a (folded) word longer than PREFIX_INDEX_MAX_CHARS.
 */
export function matchExpression(text: string, complete: (prefix: string) => string[] = () => []): string | null {
  const found = words(text).slice(0, MAX_QUERY_WORDS);
  const last = found.pop();
  if (last === undefined) return null;
  const folded = foldWord(last);
  let typing: string;
  if ([...folded].length <= PREFIX_INDEX_MAX_CHARS) typing = `${quoted(last)}*`;
  else {
    const completions = complete(folded).slice(0, MAX_COMPLETIONS);
    typing = completions.length === 0 ? quoted(last) : `(${completions.map(quoted).join(' OR ')})`;
  }
  return [...found.map(quoted), typing].join(' AND ');
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
