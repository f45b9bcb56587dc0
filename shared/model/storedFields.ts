// Reading stored data tolerantly: a field that is missing, damaged, or written by an older or
// newer version reads as an empty value instead of failing the whole record. One definition for
// every record reader, as plain functions for the hot paths (100k timeline entries) and as zod
// schemas (`.catch()`) for record schemas.
import { z } from 'zod';

/** A stored string field; anything else reads as ''. */
export function storedText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The zod form of storedText, for record schemas. */
export const StoredText = z.string().catch('');

/**
 * A stored record: a JSON string (how records are kept in the Y.Maps) or an object already;
 * null when it is neither, so the reader can skip it.
 */
export function parseStoredRecord(stored: unknown): Record<string, unknown> | null {
  let value: unknown = stored;
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored);
    } catch {
      return null;
    }
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
