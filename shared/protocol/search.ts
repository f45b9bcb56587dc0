// Full-text search across the host's incidents: what a hit and a similar incident look like on
// the wire, and how a snippet's highlighted parts travel (as plain segments, never as HTML, so a
// renderer can only ever show the indexed text as text).
import { z } from 'zod';
import { SEVERITIES, STATUSES } from '../model/types';

/** What a hit was found in. */
export const SEARCH_KINDS = ['title', 'summary', 'postmortem', 'entry', 'decision', 'action', 'checklist'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Words a person reads beside a hit. */
export const SEARCH_KIND_LABELS: Readonly<Record<SearchKind, string>> = {
  title: 'Title',
  summary: 'Summary',
  postmortem: 'Postmortem',
  entry: 'Entry',
  decision: 'Decision',
  action: 'Action item',
  checklist: 'Checklist',
};

/** One piece of a snippet; `hit` pieces matched the query. */
export const SnippetSegmentSchema = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetSegment = z.infer<typeof SnippetSegmentSchema>;

export const SearchHitSchema = z.object({
  incidentId: z.string(),
  incidentTitle: z.string(),
  /** The incident's display zone, for showing `at`. */
  incidentTimeZone: z.string(),
  kind: z.enum(SEARCH_KINDS),
  /** The record the text belongs to (entry, decision, action, checklist item, postmortem section). */
  recordId: z.string(),
  /** The timeline entry to open at, when the hit has one. */
  entryId: z.string().nullable(),
  /** When it happened (an entry's occurredAt, a decision's decidedAt…), when known. */
  at: z.string().nullable(),
  /** A retracted entry stays findable, and says so. */
  retracted: z.boolean(),
  snippet: z.array(SnippetSegmentSchema),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SimilarIncidentSchema = z.object({
  incidentId: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  startedAt: z.string().nullable(),
});
export type SimilarIncident = z.infer<typeof SimilarIncidentSchema>;

/** Longest query accepted; a search box never needs more. */
export const MAX_SEARCH_QUERY_CHARS = 200;
/** Hits returned when the caller does not say. */
export const DEFAULT_SEARCH_LIMIT = 30;
export const MAX_SEARCH_LIMIT = 200;
/** How many past incidents "Similar incidents" shows. */
export const SIMILAR_INCIDENT_COUNT = 5;

/** Marks the index puts around matched words in a snippet: control characters never kept in indexed text. */
export const SNIPPET_HIT_START = '\u0002';
export const SNIPPET_HIT_END = '\u0003';

/** Splits a marked snippet into plain segments. */
export function snippetSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(SNIPPET_HIT_START);
    if (start < 0) {
      segments.push({ text: rest, hit: false });
      break;
    }
    if (start > 0) segments.push({ text: rest.slice(0, start), hit: false });
    const end = rest.indexOf(SNIPPET_HIT_END, start + 1);
    const stop = end < 0 ? rest.length : end;
    segments.push({ text: rest.slice(start + 1, stop), hit: true });
    rest = rest.slice(Math.min(rest.length, stop + 1));
  }
  return segments.filter((s) => s.text.length > 0);
}
