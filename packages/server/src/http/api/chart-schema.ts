// The chart as the clinic API answers it (fhir/chart.ts): the response schema documents it and
// keeps anything else from leaving the server. Each stored entry carries its revision (its ETag for
// If-Match); a medicine names the catalogue anticoagulant it is, if any.
import { z } from 'zod';

const Side = z.enum(['left', 'right', 'both']);
const optional = <T extends z.ZodType>(schema: T) => schema.optional();

export const Condition = z.object({
  id: z.string(),
  icd10: z.string(),
  display: z.string(),
  clinicalStatus: z.enum(['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved']),
  verificationStatus: z.enum([
    'unconfirmed',
    'provisional',
    'differential',
    'confirmed',
    'refuted',
    'entered-in-error',
  ]),
  onset: optional(z.string()),
  recordedAt: optional(z.string()),
  bodySite: optional(z.object({ muscle: optional(z.string()), region: optional(z.string()), side: optional(Side) })),
  revision: optional(z.number().int().describe('Its ETag is "<revision>" (If-Match of a change)')),
});

export const Allergy = z.object({
  id: z.string(),
  substance: z.object({
    kind: z.enum(['ingredient', 'class', 'injectate', 'rxnorm', 'text']),
    code: optional(z.string()),
    text: z.string(),
  }),
  type: z.enum(['allergy', 'intolerance']),
  criticality: optional(z.enum(['low', 'high', 'unable-to-assess'])),
  clinicalStatus: z.enum(['active', 'inactive', 'resolved']),
  verificationStatus: z.enum(['unconfirmed', 'confirmed', 'refuted', 'entered-in-error']),
  recordedAt: optional(z.string()),
  revision: optional(z.number().int().describe('Its ETag is "<revision>" (If-Match of a change)')),
});

export const Medicine = z.object({
  id: z.string(),
  rxnorm: optional(z.string()),
  display: z.string(),
  status: z.enum(['active', 'on-hold', 'intended', 'stopped', 'completed', 'entered-in-error']),
  assertedAt: optional(z.string()),
  anticoagulant: z
    .string()
    .nullable()
    .describe('The catalogue anticoagulant or antiplatelet it is (by RxNorm code or name), or null'),
  revision: optional(z.number().int().describe('Its ETag is "<revision>" (If-Match of a change)')),
});

export const Observation = z.object({
  id: z.string(),
  loinc: z.string(),
  display: optional(z.string()),
  value: z.union([
    z.object({ quantity: z.number(), unit: z.string() }),
    z.object({ system: z.string(), code: z.string(), display: optional(z.string()) }),
  ]),
  at: z.string(),
  status: z.enum(['final', 'amended', 'corrected', 'preliminary', 'entered-in-error']),
  revision: optional(z.number().int().describe('Its ETag is "<revision>" (If-Match of a change)')),
});

export const Administration = z.object({
  id: z.string(),
  injectate: optional(z.string()),
  text: optional(z.string()),
  volumeMl: optional(z.number()),
  at: z.string(),
  status: z.enum(['completed', 'in-progress', 'not-done', 'entered-in-error']),
  revision: optional(z.number().int().describe('Its ETag is "<revision>" (If-Match of a change)')),
});

export const ChartDoc = z
  .object({
    patient: z.object({
      id: z.string(),
      identifiers: z.array(z.object({ system: z.string(), value: z.string() })).readonly(),
      family: z.string(),
      given: z.array(z.string()).readonly(),
      birthDate: optional(z.string()),
      sex: optional(z.enum(['female', 'male', 'other', 'unknown'])),
    }),
    allergiesReviewedAt: z.string().nullable().describe('null: allergies never asked about'),
    allergiesReviewedBy: optional(z.string()),
    medicationsReconciledAt: z.string().nullable().describe('null: medicines never reconciled'),
    medicationsReconciledBy: optional(z.string()),
    conditions: z.array(Condition).readonly(),
    allergies: z.array(Allergy).readonly(),
    medicines: z.array(Medicine).readonly(),
    observations: z.array(Observation).readonly(),
    administrations: z.array(Administration).readonly(),
  })
  .meta({ id: 'Chart' });
