// A visit's plan over HTTP: sites (catalogue muscle, side, trigger-point findings) and products
// (catalogue injectate, volume), checked against the catalogue here so a wrong code is a 400 with
// its path (`$.sites[0].muscle`).
import { catalogue } from '@knotwork/core';
import { z } from 'zod';

const codes = (list: readonly { readonly code: string }[]) => list.map((c) => c.code) as [string, ...string[]];

const Findings = z
  .strictObject({
    tautBand: z.boolean(),
    localTwitch: z.boolean(),
    referredPain: z.boolean(),
    jumpSign: z.boolean(),
  })
  .describe('Trigger-point findings at the site');

export const PlanInput = z
  .strictObject({
    sites: z
      .array(
        z.strictObject({
          muscle: z.enum(codes(catalogue.muscles), { error: 'not a muscle code of the catalogue' }),
          side: z.enum(['left', 'right', 'both']),
          findings: Findings,
        }),
      )
      .min(1)
      .max(30),
    products: z
      .array(
        z.strictObject({
          injectate: z.enum(codes(catalogue.injectates), { error: 'not an injectate code of the catalogue' }),
          volumeMl: z.number().positive().max(100),
        }),
      )
      .min(1)
      .max(10),
  })
  .meta({ id: 'PlanRequest', description: 'The planned sites with their findings, and the products with volumes' });

export const Plan = z
  .object({
    id: z.string(),
    visitId: z.string(),
    patientId: z.string(),
    revision: z.number().int().describe('The ETag is "<revision>"'),
    screenId: z.string().nullable().describe('The screen of this revision of the plan; null until screened'),
    sites: z
      .array(z.object({ muscle: z.string(), side: z.enum(['left', 'right', 'both']), findings: Findings }))
      .readonly(),
    products: z.array(z.object({ injectate: z.string(), volumeMl: z.number() })).readonly(),
  })
  .meta({ id: 'Plan' });

export const PlanHeaders = z.looseObject({
  'if-match': z.string().max(200).optional().describe('The ETag of the plan read ("<revision>"), to change it'),
  'if-none-match': z.string().max(200).optional().describe('"*" to create the visit’s first plan'),
});
