// One definition per record field, read in two places: the archive (strict: a wrong value is an
// error naming its field) and the stored record in the Y.Doc (tolerant: a value an older version,
// a damaged file or a hostile peer wrote reads as the field's empty value, `.catch()`, and the
// rest of the record still reads). A record lists its fields once with these builders; the
// archive schema takes `archiveShape(fields)` and the stored reader `storedShape(fields)`.
import { z } from 'zod';
import { canonicalInstant } from '../time/instant';
import { parseStoredRecord, storedText, StoredText } from './storedFields';

/** How one field reads in the archive and in the stored record. */
export interface RecordField<Archive extends z.ZodType = z.ZodType, Stored extends z.ZodType = z.ZodType> {
  archive: Archive;
  stored: Stored;
}

export type RecordFields = Record<string, RecordField>;

/**
 * A field with a plain reader besides its zod one, for the 100k-row timeline, where a zod parse
 * per record costs about twice the whole fold. `read` and `stored` agree on every value (a
 * property test in test/recordFields.test.ts holds them to it).
 */
export interface FastRecordField<Archive extends z.ZodType, T> extends RecordField<Archive, z.ZodType<T>> {
  read(value: unknown): T;
}

function field<Archive extends z.ZodType, Stored extends z.ZodType>(archive: Archive, stored: Stored): RecordField<Archive, Stored> {
  return { archive, stored };
}

function fastField<Archive extends z.ZodType, T>(archive: Archive, stored: z.ZodType<T>, read: (value: unknown) => T): FastRecordField<Archive, T> {
  return { archive, stored, read };
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
export const text = fastField(z.string(), StoredText, storedText);
/** An id or a name that must be there in an archive; a stored record's reader decides what an empty one means. */
export const requiredText = fastField(z.string().min(1), StoredText, storedText);
/** A point in time. Stored instants are not re-validated: they were checked when written, and a reader never fails. */
export const instant = fastField(InstantSchema, StoredText, storedText);
export const textOrNull = field(z.string().nullable(), StoredTextOrNull);
export const instantOrNull = field(InstantSchema.nullable(), StoredTextOrNull);
/** Yes or no; stored, anything but `true` reads as no. */
export const flag = fastField(z.boolean(), z.boolean().catch(false), (value) => value === true);
export const ids = field(z.array(z.string().min(1)), StoredIds);

/** One of `values`; a stored value that is not one reads as `fallback`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]): FastRecordField<z.ZodEnum<{ [K in T[number]]: K }>, T[number]> {
  const allowed: ReadonlySet<string> = new Set(values);
  return fastField(z.enum(values), z.enum(values).catch(fallback), (value) => (typeof value === 'string' && allowed.has(value) ? (value as T[number]) : fallback));
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
