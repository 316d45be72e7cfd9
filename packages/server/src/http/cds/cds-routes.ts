// The CDS Hooks surface (SCREENING.md section 1): discovery (public, as CDS Hooks allows), the
// screening service and its feedback endpoint (both for registered EHR clients only).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Discovery } from './cds-schemas.js';
import { CDS_SERVICES_PATH, discoveryDocument } from './discovery.js';
import { feedbackRoute, type FeedbackRouteDeps } from './feedback-route.js';
import { screenRoute, type ScreenRouteDeps } from './screen-route.js';

export type CdsRouteDeps = ScreenRouteDeps & FeedbackRouteDeps;

export const cdsRoutes: FastifyPluginAsyncZod<{ deps: CdsRouteDeps }> = async (app, { deps }) => {
  const discovery = discoveryDocument();
  app.get(
    CDS_SERVICES_PATH,
    {
      config: { auth: 'public' },
      schema: {
        summary: 'CDS Hooks discovery',
        tags: ['CDS Hooks'],
        response: { 200: Discovery },
      },
    },
    () => discovery,
  );
  await app.register(screenRoute, { deps });
  await app.register(feedbackRoute, { deps });
};
