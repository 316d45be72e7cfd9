// POST /cds-services/tpi-screening/feedback: CDS Hooks 2.0 feedback (card uuid, accepted or
// overridden, the override reason, when), each item recorded in the audit log as `cds.feedback`.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cdsClientOf } from '../auth/authenticate.js';
import type { AppDeps } from '../deps.js';
import { problemResponses } from '../openapi.js';
import { FeedbackBody } from './cds-schemas.js';
import { TPI_SERVICE_PATH } from './discovery.js';

export type FeedbackRouteDeps = Pick<AppDeps, 'audit'> & { readonly now: () => number };

export const feedbackRoute: FastifyPluginAsyncZod<{ deps: FeedbackRouteDeps }> = (app, { deps }) => {
  app.post(
    `${TPI_SERVICE_PATH}/feedback`,
    {
      config: { auth: ['cds-jwt'] },
      schema: {
        summary: 'Record what the clinician did with the cards (CDS Hooks 2.0 feedback)',
        tags: ['CDS Hooks'],
        security: [{ cdsHooksJwt: [] }],
        body: FeedbackBody,
        response: {
          200: z.undefined().describe('Recorded'),
          ...problemResponses('validation-failed', 'unauthenticated', 'payload-too-large', 'unsupported-media-type'),
        },
      },
    },
    async (request, reply) => {
      const client = cdsClientOf(request);
      for (const item of request.body.feedback) {
        await deps.audit.record({
          clinicId: client.clinicId,
          actor: client.issuer,
          actorKind: 'cds-client',
          action: 'cds.feedback',
          entity: `cds-card/${item.card}`,
          patientId: null,
          at: deps.now(),
          from: request.ip,
          outcome: 'success',
          detail: {
            card: item.card,
            outcome: item.outcome,
            outcomeTimestamp: item.outcomeTimestamp,
            ...(item.overrideReason ? { overrideReason: item.overrideReason } : {}),
            ...(item.acceptedSuggestions ? { acceptedSuggestions: item.acceptedSuggestions.map((s) => s.id) } : {}),
          },
        });
      }
      return reply.code(200).send();
    },
  );
  return Promise.resolve();
};
