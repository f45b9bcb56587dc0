// The incident's free labels: the services it touched and its tags. They let the catalog and the
// metrics group incidents ("every incident on the billing API"). Each list is one meta value,
// replaced whole: two people editing the list at once converge on the last write, like the title.
import { z } from 'zod';

export const LABEL_FIELDS = ['services', 'tags'] as const;
export type LabelField = (typeof LABEL_FIELDS)[number];

/** A label longer than this is a sentence, not a label. */
export const MAX_LABEL_CHARS = 60;
/** More labels than this no longer helps anyone find the incident. */
export const MAX_LABELS = 30;

export const LabelListSchema = z
  .array(z.string().trim().max(MAX_LABEL_CHARS, `A label is at most ${MAX_LABEL_CHARS} characters.`))
  .max(MAX_LABELS, `At most ${MAX_LABELS} labels.`);

/** Trimmed, without blanks, and without a repeat that differs only in case (the first spelling wins). */
export function normaliseLabels(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const label = raw.trim();
    const key = label.toLowerCase();
    if (label === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(label);
  }
  return out;
}

/** "api, billing db" → ["api", "billing db"]: how the incident view's single-line fields are read. */
export function parseLabelText(text: string): string[] {
  return normaliseLabels(text.split(','));
}

export function labelText(labels: readonly string[]): string {
  return labels.join(', ');
}

/** A stored value read tolerantly: anything but a list of strings reads as no labels. */
export function readLabels(value: unknown): string[] {
  return Array.isArray(value) ? normaliseLabels(value.filter((v): v is string => typeof v === 'string')) : [];
}
