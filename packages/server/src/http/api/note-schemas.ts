// Procedure notes over HTTP: a version with its status, content (plan snapshot, findings, pain
// NRS, time-out, per-site record, immediate complications), signature and amendment reason.
import { z } from 'zod';
import { ImmediateComplication, ProcedureSite, TimeOut } from './procedure-schemas.js';

const Site = z.object({
  muscle: z.string(),
  side: z.enum(['left', 'right', 'both']),
  findings: z.object({
    tautBand: z.boolean(),
    localTwitch: z.boolean(),
    referredPain: z.boolean(),
    jumpSign: z.boolean(),
  }),
});

export const Note = z
  .object({
    id: z.string(),
    visitId: z.string(),
    patientId: z.string(),
    version: z.number().int(),
    status: z.enum(['draft', 'signed', 'amended']),
    revision: z.number().int().describe('The ETag is "<revision>"'),
    content: z.object({
      plan: z.object({
        revision: z.number().int(),
        sites: z.array(Site).readonly(),
        products: z.array(z.object({ injectate: z.string(), volumeMl: z.number() })).readonly(),
      }),
      findings: z.string(),
      painNrs: z.number().nullable(),
      timeOut: TimeOut,
      sites: z.array(ProcedureSite).readonly(),
      complications: z.array(ImmediateComplication).readonly(),
    }),
    createdBy: z.string().nullable(),
    createdByName: z.string().nullable().describe('The display name of createdBy, when that user is of this clinic'),
    signedBy: z.string().nullable(),
    signedByName: z.string().nullable().describe('The display name of signedBy, when that user is of this clinic'),
    signedAt: z.iso.datetime().nullable(),
    amendmentReason: z.string().nullable(),
    previousVersionId: z.string().nullable(),
  })
  .meta({ id: 'ProcedureNote' });

export const NoteList = z.object({ items: z.array(Note) }).meta({ id: 'ProcedureNoteList' });

export const NoteEditBody = z
  .strictObject({
    findings: z.string().max(20000).optional(),
    painNrs: z
      .number()
      .int()
      .min(0)
      .max(10)
      .nullable()
      .optional()
      .describe('Post-procedure pain, 0-10 (LOINC 72514-3)'),
    timeOut: TimeOut.optional(),
    sites: z.array(ProcedureSite).max(30).optional().describe('Every site, with what was given there'),
    complications: z.array(ImmediateComplication).max(20).optional(),
  })
  .refine((change) => Object.values(change).some((v) => v !== undefined), {
    error: 'name at least one field to change',
  })
  .describe('The fields to change; those left out keep their value')
  .meta({ id: 'ProcedureNoteChange' });

export const AmendmentBody = z
  .strictObject({ reason: z.string().max(2000).describe('Why the signed version is amended (at least 5 characters)') })
  .meta({ id: 'AmendmentRequest' });
