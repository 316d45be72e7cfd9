// Screening a visit and overriding a critical card: the plan is checked against the catalogue's
// codes here, so a wrong code is a 400 naming its path (`$.sites[1].muscle`), not a screen.
import { catalogue, type ScreenTrace } from '@knotwork/core';
import { z } from 'zod';
import { Card } from '../cds/cds-schemas.js';
import { MuscleCode, PlannedProducts, plannedSites, Side } from './catalogue-fields.js';

type RuleTraceType = ScreenTrace['rules'][number];

export const ScreenBody = z
  .strictObject({
    sites: plannedSites(z.strictObject({ muscle: MuscleCode, side: Side })),
    products: PlannedProducts,
  })
  .meta({ id: 'ScreenRequest', description: 'The planned sites and products of the visit' });

// Loose like the cards: the engine's trace leaves the server as the engine wrote it.
const RuleTrace = z.looseObject({
  id: z.string(),
  version: z.number(),
  finding: z.string(),
  evaluated: z.boolean(),
  fired: z.boolean(),
}) as unknown as z.ZodType<RuleTraceType>;

export const ScreenResult = z
  .object({
    screenId: z.string().describe('Overrides are posted to /api/screens/{screenId}/overrides'),
    cards: z.array(Card).readonly(),
    verdict: z.enum(['proceed', 'caution', 'do-not-proceed']),
    trace: z.object({ asOf: z.string(), policyVersion: z.string(), rules: z.array(RuleTrace).readonly() }),
    policyVersion: z.string(),
  })
  .meta({ id: 'ScreenResult' });

export const OverrideBody = z
  .strictObject({
    cardUuid: z.string().min(1).max(200),
    reasonCode: z
      .string()
      .min(1)
      .max(100)
      .describe(`One of ${catalogue.overrideReasons.codes.map((r) => r.code).join(', ')}`),
    comment: z.string().max(2000).optional().describe('Required with reasonCode "other"'),
  })
  .meta({ id: 'OverrideRequest' });

export const Override = z
  .object({
    id: z.string(),
    screenId: z.string(),
    cardUuid: z.string(),
    finding: z.string(),
    reasonCode: z.string(),
    comment: z.string().nullable(),
    userId: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'Override' });

export const Visit = z
  .object({
    id: z.string(),
    patientId: z.string(),
    startedAt: z.iso.datetime(),
    startedBy: z.string(),
    status: z
      .enum(['in-progress', 'finished', 'cancelled'])
      .describe('FHIR Encounter status: finished once discharged, cancelled when stopped (the procedure not done)'),
    endedAt: z.iso.datetime().nullable().describe('When the visit was discharged or stopped; null while in progress'),
    endReason: z.string().nullable().describe('Why a stopped visit was stopped; null otherwise'),
    revision: z
      .number()
      .int()
      .describe('The visit’s revision (its ETag); POST /api/visits/:id/end needs it in If-Match'),
  })
  .meta({ id: 'Visit' });

export const EndVisitBody = z
  .discriminatedUnion('outcome', [
    z.strictObject({ outcome: z.literal('completed') }),
    z.strictObject({
      outcome: z.literal('stopped'),
      reason: z
        .string()
        .trim()
        .min(1, 'say why the visit is stopped')
        .max(500)
        .describe('Why the procedure was not done, e.g. "critical allergy card not overridden", "patient declined"'),
    }),
  ])
  .meta({ id: 'EndVisit' });

export const VisitSummaryList = z
  .object({
    items: z
      .array(
        Visit.extend({
          sites: z.array(z.object({ muscle: z.string(), side: z.string() })).readonly(),
          products: z.array(z.object({ injectate: z.string(), volumeMl: z.number() })).readonly(),
          note: z
            .object({
              id: z.string(),
              version: z.number().int(),
              status: z.enum(['draft', 'signed', 'amended']),
              signedAt: z.iso.datetime().nullable(),
            })
            .nullable(),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'VisitSummaryList' });

export const StoredScreenView = ScreenResult.extend({ overrides: z.array(Override).readonly() }).meta({
  id: 'StoredScreen',
});
