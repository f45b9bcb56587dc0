// zod schema of the situation inside a version 3 archive: the leading hypothesis, the ones ruled
// out and the history of the summary, impact and hypothesis. Strict objects, like the rest of the
// archive; each record's fields are the ones the stored reader uses (shared/model/situation.ts).
// The hypothesis is any text: the 280-character limit is the command's, and an archive must carry
// whatever the document held.
import { z } from 'zod';
import { archiveShape } from '../model/recordFields';
import { RULED_OUT_FIELDS, SITUATION_EDIT_FIELDS, type Situation } from '../model/situation';

export const SituationSchema: z.ZodType<Situation> = z.strictObject({
  hypothesis: z.string(),
  ruledOut: z.array(z.strictObject(archiveShape(RULED_OUT_FIELDS))),
  edits: z.array(z.strictObject(archiveShape(SITUATION_EDIT_FIELDS))),
});
