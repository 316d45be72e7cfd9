// The patient shapes of the clinic API: what a client sends (strict: an unknown or mistyped field
// is a 400 naming its path) and what it gets back (only these fields leave the server).
import { z } from 'zod';

const Identifier = z.strictObject({
  system: z.string().trim().min(1).max(200).describe('e.g. the clinic’s MRN system URI'),
  value: z.string().trim().min(1).max(100),
});

const Sex = z.enum(['female', 'male', 'other', 'unknown']);

export const PatientInput = z
  .strictObject({
    identifiers: z.array(Identifier).max(20).default([]),
    family: z.string().trim().min(1).max(100),
    given: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
    birthDate: z.iso.date().nullable().default(null),
    sex: Sex.nullable().default(null),
  })
  .meta({ id: 'PatientDetails', description: 'A patient as created or replaced (PUT sends all of it)' });

export const Patient = z
  .object({
    id: z.string(),
    identifiers: z.array(z.object({ system: z.string(), value: z.string() })).readonly(),
    family: z.string(),
    given: z.array(z.string()).readonly(),
    birthDate: z.string().nullable(),
    sex: Sex.nullable(),
    revision: z.number().int().describe('Increases with every change; the ETag is "<revision>"'),
  })
  .meta({ id: 'Patient' });

export const PatientPage = z.object({
  items: z.array(Patient).readonly(),
  next: z.string().nullable().describe('The cursor of the next page; null on the last page'),
});

export const PatientSearch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional().describe('Start of a family or given name, any case'),
  identifier: z.string().trim().min(1).max(100).optional().describe('An identifier value, exactly'),
  birthDate: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional().describe('`next` of the previous page'),
});
