// A visit's procedure record over HTTP: the note's procedure fields (time-out, per-site
// administrations with lot and expiry, needle, aspiration, twitch, tolerance, immediate
// complications), complications recorded on their own, consent forms and signed consents, and the
// LAST checklist.
import {
  ASPIRATION_RESULTS,
  COMPLICATION_SEVERITIES,
  COMPLICATION_TYPES,
  TIME_OUT_ITEMS,
  TOLERANCES,
} from '@knotwork/core';
import { z } from 'zod';
import { InjectateCode, MuscleCode, Side } from './catalogue-fields.js';

const typeIds = COMPLICATION_TYPES.map((c) => c.id) as [string, ...string[]];
export const ComplicationTypeCode = z.enum(typeIds, {
  error: 'not a complication type of the reference (REFERENCE 5.1)',
});

export const TimeOut = z
  .strictObject(
    Object.fromEntries(TIME_OUT_ITEMS.map((i) => [i, z.boolean()])) as Record<
      (typeof TIME_OUT_ITEMS)[number],
      z.ZodBoolean
    >,
  )
  .describe('The time-out before the first needle: each item confirmed');

export const Administration = z.strictObject({
  injectate: InjectateCode,
  volumeMl: z.number().positive().max(50),
  lot: z.string().trim().min(1).max(40).nullable(),
  expiry: z
    .string()
    .max(10)
    .nullable()
    .describe('As printed on the vial: YYYY-MM (to the end of that month) or YYYY-MM-DD'),
});

export const ProcedureSite = z.strictObject({
  muscle: MuscleCode,
  side: Side,
  needle: z.strictObject({
    gauge: z.number().int().min(18).max(32).nullable(),
    lengthMm: z.number().positive().max(150).nullable(),
  }),
  aspiration: z.enum(ASPIRATION_RESULTS).nullable(),
  twitch: z.boolean().nullable().describe('A local twitch response was elicited'),
  tolerance: z.enum(TOLERANCES).nullable(),
  administrations: z.array(Administration).max(10).readonly(),
});

export const ImmediateComplication = z.strictObject({
  type: ComplicationTypeCode,
  severity: z.enum(COMPLICATION_SEVERITIES),
  onset: z.iso.datetime({ offset: true }),
  action: z.string().trim().min(1).max(2000),
  note: z.string().max(4000).nullable(),
});

export const Complication = z
  .object({
    id: z.string(),
    visitId: z.string(),
    patientId: z.string(),
    noteId: z.string().nullable(),
    type: z.string(),
    severity: z.enum(COMPLICATION_SEVERITIES),
    onset: z.string(),
    action: z.string(),
    note: z.string().nullable(),
    status: z.enum(['active', 'entered-in-error']),
    reportedBy: z.enum(['clinician', 'patient']),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string().nullable(),
    revision: z.number().int(),
  })
  .meta({ id: 'Complication' });

export const ComplicationList = z.object({ items: z.array(Complication).readonly() }).meta({ id: 'ComplicationList' });

export const ComplicationTypes = z
  .object({
    items: z
      .array(
        z.object({
          id: z.string(),
          label: z.string(),
          onset: z.string().nullable(),
          escalateIf: z.string().nullable(),
          icd10Hints: z.array(z.string()).readonly(),
          sources: z.array(z.string()).readonly(),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'ComplicationTypes' });

export const Administrations = z
  .object({
    items: z
      .array(
        z.object({
          id: z.string(),
          noteId: z.string().nullable(),
          muscle: z.string(),
          side: Side,
          injectate: z.string(),
          productText: z.string(),
          volumeMl: z.number(),
          lot: z.string().nullable(),
          expiry: z.string().nullable(),
          administeredAt: z.iso.datetime(),
          administeredBy: z.string().nullable(),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'AdministrationList' });

const Risk = z.object({
  id: z.string(),
  group: z.enum(['common', 'serious', 'steroid']),
  text: z.string(),
  because: z.string().optional(),
  sources: z.array(z.string()).readonly(),
});

export const ConsentFormSchema = z
  .object({
    version: z.string(),
    wordingVersion: z.string(),
    procedure: z.string(),
    sites: z.array(z.object({ muscle: z.string(), display: z.string(), side: Side, thoracic: z.boolean() })).readonly(),
    drugs: z
      .array(
        z.object({
          injectate: z.string(),
          display: z.string(),
          kind: z.enum(['local-anaesthetic', 'corticosteroid', 'saline']),
          volumeMl: z.number(),
        }),
      )
      .readonly(),
    benefits: z.array(z.string()).readonly(),
    limitations: z.array(z.string()).readonly(),
    risks: z.array(Risk).readonly(),
    alternatives: z.array(z.string()).readonly(),
    declarations: z.array(z.string()).readonly(),
    sources: z.array(z.string()).readonly(),
  })
  .meta({ id: 'ConsentForm' });

export const ConsentFormView = z
  .object({ form: ConsentFormSchema, planRevision: z.number().int() })
  .meta({ id: 'ConsentFormForPlan' });

export const ConsentBody = z
  .strictObject({
    formVersion: z.string().max(100).describe('The version of the form the patient was shown'),
    signerKind: z.enum(['patient', 'representative']),
    signerName: z.string().trim().min(1).max(200),
    signerRelationship: z.string().trim().max(100).nullable().default(null),
    signatureKind: z.enum(['typed-name', 'image']),
    signatureData: z
      .string()
      .min(1)
      .max(400_000)
      .describe('The typed name (equal to signerName), or the drawn signature as a data:image/png;base64 URL'),
  })
  .meta({ id: 'ConsentSignature' });

export const Consent = z
  .object({
    id: z.string(),
    visitId: z.string(),
    patientId: z.string(),
    form: ConsentFormSchema,
    planRevision: z.number().int(),
    signerKind: z.enum(['patient', 'representative']),
    signerName: z.string(),
    signerRelationship: z.string().nullable(),
    signatureKind: z.enum(['typed-name', 'image']),
    signatureData: z.string(),
    signedAt: z.iso.datetime(),
    witnessedBy: z.string(),
  })
  .meta({ id: 'Consent' });

export const ConsentList = z.object({ items: z.array(Consent).readonly() }).meta({ id: 'ConsentList' });

export const LastChecklistView = z
  .object({
    weightKg: z.number().nullable(),
    weightAt: z.string().nullable(),
    recognition: z.array(z.object({ stage: z.string(), signs: z.array(z.string()).readonly() })).readonly(),
    steps: z.array(z.string()).readonly(),
    lipid: z.object({
      band: z.enum(['over-70-kg', 'up-to-70-kg', 'unknown']),
      bolus: z.string(),
      infusion: z.string(),
      ifUnstable: z.string(),
      upperLimitMl: z.number().nullable(),
      notes: z.array(z.string()).readonly(),
    }),
    sources: z.array(z.string()).readonly(),
  })
  .meta({ id: 'LastChecklist' });
