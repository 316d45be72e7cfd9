// A visit's plan over HTTP: sites (catalogue muscle, side, trigger-point findings) and products
// (catalogue injectate, volume), checked against the catalogue here so a wrong code is a 400 with
// its path (`$.sites[0].muscle`).
import { z } from 'zod';
import { MuscleCode, PlannedProducts, plannedSites, Side } from './catalogue-fields.js';

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
    sites: plannedSites(z.strictObject({ muscle: MuscleCode, side: Side, findings: Findings })),
    products: PlannedProducts,
  })
  .meta({ id: 'PlanRequest', description: 'The planned sites with their findings, and the products with volumes' });

export const Plan = z
  .object({
    id: z.string(),
    visitId: z.string(),
    patientId: z.string(),
    revision: z.number().int().describe('The ETag is "<revision>"'),
    screenId: z.string().nullable().describe('The screen of this revision of the plan; null until screened'),
    sites: z.array(z.object({ muscle: z.string(), side: Side, findings: Findings })).readonly(),
    products: z.array(z.object({ injectate: z.string(), volumeMl: z.number() })).readonly(),
  })
  .meta({ id: 'Plan' });

export const PlanHeaders = z.looseObject({
  'if-match': z.string().max(200).optional().describe('The ETag of the plan read ("<revision>"), to change it'),
  'if-none-match': z.string().max(200).optional().describe('"*" to create the visit’s first plan'),
});
