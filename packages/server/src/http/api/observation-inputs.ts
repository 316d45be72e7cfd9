// What a client sends to record an observation (a vital or lab by the catalogue's LOINC codes, its
// value and unit checked against the catalogue: `$.value.unit`) or an injection given elsewhere.
// A correction is a new observation with status corrected; the wrong one is marked entered in error.
import { catalogue } from '@knotwork/core';
import { z } from 'zod';
import { ANSWER_SYSTEMS, OBSERVATION_LOINC, observationValueIssues } from '../../app/records/check-observation.js';
import { DateOrDateTime, text } from './record-inputs.js';

const Quantity = z.strictObject({
  quantity: z.number(),
  unit: z.string().trim().min(1).max(20).describe('UCUM, one the catalogue lists for the code: kg, Cel, {INR} ...'),
});

const Answer = z.strictObject({
  system: z.enum(ANSWER_SYSTEMS, { error: `expected ${ANSWER_SYSTEMS.join(' or ')}` }),
  code: z.string().trim().min(1).max(50),
  display: text(200).optional(),
});

export const ObservationInput = z
  .strictObject({
    loinc: z.enum(OBSERVATION_LOINC, {
      error: 'not an observation code of the catalogue (weight, temperature, INR, platelets, pain NRS, pregnancy)',
    }),
    display: text(200).optional(),
    value: z.union([Quantity, Answer], { error: 'expected { quantity, unit } or a coded answer { system, code }' }),
    at: z.iso.datetime({ offset: true }).describe('When it was measured (effective time)'),
    status: z.enum(['final', 'preliminary', 'amended', 'corrected']).default('final'),
  })
  .superRefine((o, ctx) => {
    for (const issue of observationValueIssues(o)) {
      ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
    }
  })
  .meta({ id: 'ObservationDetails', description: 'A vital sign or lab result' });

export const EarlierAdministrationInput = z
  .strictObject({
    injectate: z
      .enum(catalogue.injectates.map((i) => i.code) as [string, ...string[]], {
        error: 'not an injectate code of the catalogue',
      })
      .optional(),
    text: text(200).optional().describe('The product as reported, when it has no catalogue code'),
    volumeMl: z.number().positive().max(100).optional(),
    at: DateOrDateTime.describe('When it was given: a date (or year and month) is enough'),
    source: text(200).optional().describe('Where the information came from: "patient report", "GP letter"'),
  })
  .superRefine((a, ctx) => {
    if (a.injectate === undefined && a.text === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'name the product: injectate (a catalogue code) or text' });
    }
  })
  .transform((a) => ({ ...a, status: 'completed' as const }))
  .meta({
    id: 'EarlierAdministrationDetails',
    description: 'A corticosteroid or anaesthetic injection given elsewhere',
  });
