// Field schemas shared by the archive's incident, timeline and coordination parts.
import { z } from 'zod';
import { canonicalInstant } from '../time/instant';
import { isValidZone } from '../time/zones';

/** UTC only (trailing Z), stored in canonical millisecond form so string order is time order. */
export const InstantSchema = z.iso
  .datetime({ offset: false })
  .refine((value) => canonicalInstant(value) !== null, 'Invalid ISO datetime')
  .transform((value) => canonicalInstant(value) ?? value);

export const ZoneSchema = z.string().refine(isValidZone, 'Unknown IANA time zone');
