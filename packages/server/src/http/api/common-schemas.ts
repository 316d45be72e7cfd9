// Shapes every clinic route shares: record ids in the path, the conditional headers, no body.
import { z } from 'zod';

/** Record ids are UUIDs (the database's); anything else cannot name a record. */
export const IdParams = z.strictObject({ id: z.guid('expected a record id (a UUID)') });

export const IfMatchHeaders = z.looseObject({
  'if-match': z.string().max(200).optional().describe('Required: the ETag of the version read ("<revision>")'),
});

export const IfNoneMatchHeaders = z.looseObject({
  'if-none-match': z.string().max(200).optional(),
});

/** A route that takes no body: a JSON body other than null is refused (400). */
export const NoBody = z.null({ error: 'this request takes no body' }).optional();
