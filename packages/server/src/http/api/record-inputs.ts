// What a client sends to record conditions, allergies and medicines: strict shapes whose codes are
// checked against the catalogue here, so a wrong one is a 400 naming its path (`$.bodySite.muscle`).
// Entered in error is not a status a client sets: DELETE marks it, and keeps the row.
import { catalogue, parseFhirTime } from '@knotwork/core';
import { z } from 'zod';
import type { AllergySubstance } from '../../fhir/chart.js';

const codes = (list: readonly { readonly code: string }[]) => list.map((c) => c.code) as [string, ...string[]];
export const text = (max: number) => z.string().trim().min(1).max(max);

/** A FHIR date: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date: YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((v) => parseFhirTime(v) !== undefined, 'not a calendar date');

/** A FHIR date (YYYY, YYYY-MM, YYYY-MM-DD) or a date and time with its zone. */
export const DateOrDateTime = z.union([PartialDate, z.iso.datetime({ offset: true })], {
  error: 'expected a date (YYYY, YYYY-MM, YYYY-MM-DD) or a date and time with its zone',
});

const MUSCLES = new Map<string, readonly string[]>(catalogue.muscles.map((m) => [m.code, m.regions]));

const BodySite = z
  .strictObject({
    muscle: z.enum(codes(catalogue.muscles), { error: 'not a muscle code of the catalogue' }).optional(),
    region: z
      .enum(catalogue.bodyRegions as unknown as [string, ...string[]], { error: 'not a body region of the catalogue' })
      .optional(),
    side: z.enum(['left', 'right', 'both']).optional().describe('Left out: not stated'),
  })
  .superRefine((site, ctx) => {
    if (site.muscle === undefined && site.region === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'name a muscle, a body region or both' });
    }
    const regions = site.muscle === undefined ? undefined : MUSCLES.get(site.muscle);
    if (site.region !== undefined && regions !== undefined && !regions.includes(site.region)) {
      const message = `${site.muscle} lies in ${regions.join(', ')}, not ${site.region}`;
      ctx.addIssue({ code: 'custom', path: ['region'], message });
    }
  });

const ICD10_CM = /^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/;
const RxNorm = z.string().regex(/^\d{1,10}$/, 'expected an RxNorm concept id (digits)');
const RETRACT = 'to retract it, DELETE it (entered in error)';

export const ConditionInput = z
  .strictObject({
    icd10: z.string().trim().toUpperCase().regex(ICD10_CM, 'expected an ICD-10-CM code, e.g. M79.18'),
    display: text(200),
    clinicalStatus: z.enum(['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved']).default('active'),
    verificationStatus: z
      .enum(['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted'], {
        error: `expected unconfirmed, provisional, differential, confirmed or refuted; ${RETRACT}`,
      })
      .default('confirmed'),
    onset: PartialDate.optional(),
    bodySite: BodySite.optional(),
  })
  .meta({ id: 'ConditionDetails', description: 'A condition as recorded or replaced (PUT sends all of it)' });

const INGREDIENTS = Object.keys(catalogue.ingredients) as [string, ...string[]];
const CLASSES = new Map<string, string>(catalogue.substanceClasses.map((c) => [c.code, c.display]));
const INJECTATES = new Map<string, string>(catalogue.injectates.map((i) => [i.code, i.display]));
const ingredientName = (id: string) => {
  const name = (catalogue.ingredients as Record<string, { names: readonly string[] }>)[id]?.names[0] ?? id;
  return name.charAt(0).toUpperCase() + name.slice(1);
};

const Substance = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('ingredient'),
      code: z.enum(INGREDIENTS, { error: 'not an ingredient of the catalogue' }),
      text: text(200).optional(),
    }),
    z.strictObject({
      kind: z.literal('class').describe('A substance class, excipients (paraben, sulfite ...) included'),
      code: z.enum([...CLASSES.keys()] as [string, ...string[]], { error: 'not a substance class of the catalogue' }),
      text: text(200).optional(),
    }),
    z.strictObject({
      kind: z.literal('injectate'),
      code: z.enum(codes(catalogue.injectates), { error: 'not an injectate code of the catalogue' }),
      text: text(200).optional(),
    }),
    z.strictObject({ kind: z.literal('rxnorm'), code: RxNorm, text: text(200) }),
    z.strictObject({ kind: z.literal('text'), text: text(200) }),
  ])
  .transform((s): AllergySubstance => {
    if (s.kind === 'text') return s;
    // A coded substance left unnamed is named as the catalogue names it.
    const named = s.kind === 'ingredient' ? ingredientName(s.code) : s.kind === 'rxnorm' ? s.text : CLASSES.get(s.code);
    return { kind: s.kind, code: s.code, text: s.text ?? named ?? INJECTATES.get(s.code) ?? s.code };
  })
  .describe('A catalogue ingredient, substance class or injectate, an RxNorm code, or free text');

export const AllergyInput = z
  .strictObject({
    substance: Substance,
    type: z.enum(['allergy', 'intolerance']).default('allergy'),
    criticality: z.enum(['low', 'high', 'unable-to-assess']).optional(),
    clinicalStatus: z.enum(['active', 'inactive', 'resolved']).default('active'),
    verificationStatus: z
      .enum(['unconfirmed', 'confirmed', 'refuted'], {
        error: `expected unconfirmed, confirmed or refuted; ${RETRACT}`,
      })
      .default('confirmed'),
  })
  .meta({ id: 'AllergyDetails', description: 'An allergy or intolerance as recorded or replaced' });

export const MedicineInput = z
  .strictObject({
    rxnorm: RxNorm.optional(),
    display: text(200).describe('The medicine as written: "Apixaban 5 mg twice daily"'),
    status: z
      .enum(['active', 'on-hold', 'intended', 'stopped', 'completed'], {
        error: `expected active, on-hold, intended, stopped or completed; ${RETRACT}`,
      })
      .default('active'),
    assertedAt: z.iso.datetime({ offset: true }).optional().describe('When the patient (or a letter) said so'),
  })
  .meta({ id: 'MedicineDetails', description: 'A medicine the patient takes (or took), as recorded or replaced' });

export const AllergiesReviewedBody = z
  .strictObject({
    noKnownAllergies: z
      .boolean()
      .describe('true: the patient has no known allergies (none active recorded); false: the list is complete'),
  })
  .meta({ id: 'AllergiesReviewed' });
