// The CDS Hooks 2.0 shapes the routes validate and the OpenAPI document shows. The service's own
// request is not validated here: the core engine reads it defensively and names the JSON path of
// what makes it unusable (SCREENING.md section 4), which a schema failure could not do as well.
import type { CdsCard } from '@knotwork/core';
import { z } from 'zod';

const Coding = z.object({
  system: z.string().max(500).optional(),
  code: z.string().min(1).max(200),
  display: z.string().max(500).optional(),
});

export const CdsRequestDoc = z
  .unknown()
  .describe(
    'A CDS Hooks 2.0 request: hook (order-sign or order-select), hookInstance, context (patientId, ' +
      'userId, draftOrders: a FHIR R4 Bundle with the TPI ServiceRequest and its MedicationRequests) ' +
      'and prefetch (the keys of the discovery response). An unusable request gets a 400 problem naming the JSON path.',
  );

// Loose on purpose: the service answers the core's cards unchanged (the serializer keeps every
// field); the schema documents them and is typed as the core's card.
export const Card = z.looseObject({
  uuid: z.string(),
  summary: z.string().max(140),
  detail: z.string().optional(),
  indicator: z.enum(['info', 'warning', 'critical']),
  source: z.looseObject({
    label: z.string(),
    topic: z.looseObject({ system: z.string(), code: z.string(), display: z.string().optional() }).optional(),
  }),
  overrideReasons: z
    .array(z.looseObject({ system: z.string(), code: z.string() }))
    .readonly()
    .optional(),
  extension: z.record(z.string(), z.unknown()).optional(),
}) as unknown as z.ZodType<CdsCard>;

export const CdsResponse = z.object({ cards: z.array(Card).readonly() }).describe('CDS Hooks 2.0 response');

export const Discovery = z.object({
  services: z.array(
    z.object({
      hook: z.string(),
      id: z.string(),
      title: z.string(),
      description: z.string(),
      prefetch: z.record(z.string(), z.string()),
    }),
  ),
});

const FeedbackItem = z
  .object({
    card: z.string().min(1).max(200).describe('The uuid of the card the feedback is about'),
    outcome: z.enum(['accepted', 'overridden']),
    overrideReason: z.object({ reason: Coding.optional(), userComment: z.string().max(2000).optional() }).optional(),
    acceptedSuggestions: z
      .array(z.object({ id: z.string().min(1).max(200) }))
      .max(100)
      .optional(),
    outcomeTimestamp: z.iso.datetime({ offset: true }),
  })
  .superRefine((item, ctx) => {
    if (item.overrideReason !== undefined && item.outcome !== 'overridden') {
      ctx.addIssue({
        code: 'custom',
        path: ['overrideReason'],
        message: 'overrideReason goes with outcome "overridden"',
      });
    }
  });

export const FeedbackBody = z.object({ feedback: z.array(FeedbackItem).min(1).max(100) });
export type FeedbackBody = z.infer<typeof FeedbackBody>;
