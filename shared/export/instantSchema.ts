// Field schemas shared by the archive's incident, timeline and coordination parts. The instant is
// defined with the record fields (shared/model/recordFields.ts), which the stored readers share.
import { z } from 'zod';
import { isValidZone } from '../time/zones';

export { InstantSchema } from '../model/recordFields';

export const ZoneSchema = z.string().refine(isValidZone, 'Unknown IANA time zone');
