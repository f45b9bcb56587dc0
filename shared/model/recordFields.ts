// One definition per record field, read in two places: the archive (strict: a wrong value is an
// error naming its field) and the stored record in the Y.Doc (tolerant: a value an older version,
// a damaged file or a hostile peer wrote reads as the field's empty value, `.catch()`, and the
// rest of the record still reads). A record lists its fields once with these builders; the
// archive schema takes `archiveShape(fields)` and the stored reader `storedShape(fields)`.
import { z } from 'zod';
import { canonicalInstant } from '../time/instant';
import { parseStoredRecord, StoredText } from './storedFields';

/** How one field reads in the archive and in the stored record. */
export interface RecordField<Archive extends z.ZodType = z.ZodType, Stored extends z.ZodType = z.ZodType> {
  archive: Archive;
  stored: Stored;
}

export type RecordFields = Record<string, RecordField>;

function field<Archive extends z.ZodType, Stored extends z.ZodType>(archive: Archive, stored: Stored): RecordField<Archive, Stored> {
  return { archive, stored };
}

/** UTC only (trailing Z), in canonical millisecond form so string order is time order. */
export const InstantSchema = z.iso
  .datetime({ offset: false })
  .refine((value) => canonicalInstant(value) !== null, 'Invalid ISO datetime')
  .transform((value) => canonicalInstant(value) ?? value);

/** A stored optional string: anything but a non-empty string reads as null. */
const StoredTextOrNull = z
  .string()
  .nullable()
  .catch(null)
  .transform((value) => (value === '' ? null : value));

/** A stored id list: anything but a non-empty string is dropped, anything but an array reads as none. */
const StoredIds = z
  .array(StoredText)
  .catch([])
  .transform((ids) => ids.filter((id) => id !== ''));

/** Free text. */
export const text = field(z.string(), StoredText);
/** An id or a name that must be there in an archive; a stored record's reader decides what an empty one means. */
export const requiredText = field(z.string().min(1), StoredText);
/** A point in time. Stored instants are not re-validated: they were checked when written, and a reader never fails. */
export const instant = field(InstantSchema, StoredText);
export const textOrNull = field(z.string().nullable(), StoredTextOrNull);
export const instantOrNull = field(InstantSchema.nullable(), StoredTextOrNull);
export const flag = field(z.boolean(), z.boolean().catch(false));
export const ids = field(z.array(z.string().min(1)), StoredIds);

/** One of `values`; a stored value that is not one reads as `fallback`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return field(z.enum(values), z.enum(values).catch(fallback));
}

/** Each field's archive schema, for `z.strictObject`. */
export function archiveShape<F extends RecordFields>(fields: F): { [K in keyof F]: F[K]['archive'] } {
  return Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.archive])) as { [K in keyof F]: F[K]['archive'] };
}

/** Each field's stored schema, for `z.object`. */
export function storedShape<F extends RecordFields>(fields: F): { [K in keyof F]: F[K]['stored'] } {
  return Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.stored])) as { [K in keyof F]: F[K]['stored'] };
}

/**
 * A stored record with these fields: a JSON string or an object; anything else reads as a record
 * of empty values. Never fails when every field has a `.catch()`.
 */
export function storedRecord<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess((value) => parseStoredRecord(value) ?? {}, z.object(shape));
}

/** A nested record: strict in the archive, tolerant (as storedRecord) when stored. */
export function nested<F extends RecordFields>(fields: F) {
  return field(z.strictObject(archiveShape(fields)), storedRecord(storedShape(fields)));
}

/** A nested record or null; a stored value that is not an object reads as null. */
export function nestedOrNull<F extends RecordFields>(fields: F) {
  return field(z.strictObject(archiveShape(fields)).nullable(), z.object(storedShape(fields)).nullable().catch(null));
}

/** A list of nested records; a stored value that is not a list reads as an empty one. */
export function listOf<F extends RecordFields>(fields: F) {
  return field(z.array(z.strictObject(archiveShape(fields))), z.array(storedRecord(storedShape(fields))).catch([]));
}
