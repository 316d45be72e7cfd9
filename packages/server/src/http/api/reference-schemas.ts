// The reference look-ups' shapes: ICD-10-CM search.
import { z } from 'zod';

export const Icd10cmQuery = z
  .object({
    q: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe('A code or its start (M79.1, m791), or words of the title (myalgia oth)'),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export const Icd10cmResults = z
  .object({
    source: z
      .object({
        name: z.string(),
        complete: z.boolean().describe('false: only Knotwork’s short TPI list was searched, not the whole release'),
        codes: z.number().int(),
      })
      .describe('The list searched'),
    items: z
      .array(
        z.object({
          code: z.string().describe('Dotted, upper case'),
          title: z.string(),
          billable: z.boolean().describe('false for a header that needs a more specific code'),
          note: z.string().optional().describe('For a header: what to pick instead'),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'Icd10cmResults' });
