// The patient education page's content (issue 6 item 1), public: GET /api/education?muscles=&injectates=
// answers @knotwork/core educationPage for the comma-separated catalogue codes of the patient's sites
// and drugs (none: the general page). No patient data goes in or out, so no sign-in: the link on a
// consent form or discharge sheet works on any phone. Rate-limited per address like the other public
// routes. Codes the catalogue does not know are named in `unknown`, not refused, so an old printed
// link still opens the general page.
import { educationPage } from '@knotwork/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../openapi.js';

export const EDUCATION_PATH = '/api/education';
const CODE = /^[a-z0-9.-]{1,60}$/;
const MAX_CODES = 40;

const codeList = (what: string) =>
  z
    .string()
    .max(MAX_CODES * 61)
    .optional()
    .transform((v) => (v ? v.split(',').filter((c) => c !== '') : []))
    .pipe(
      z
        .array(z.string().regex(CODE, `a catalogue ${what} code (lower-case letters, digits, dots and hyphens)`))
        .max(MAX_CODES),
    )
    .describe(`Comma-separated catalogue ${what} codes`);

export const EducationQuery = z.strictObject({ muscles: codeList('muscle'), injectates: codeList('injectate') });

const Item = z.object({ id: z.string(), text: z.string(), sources: z.array(z.string()).readonly() });
export const EducationView = z
  .object({
    sites: z.array(z.object({ muscle: z.string(), name: z.string() })).readonly(),
    injectates: z
      .array(
        z.object({
          injectate: z.string(),
          name: z.string(),
          kind: z.enum(['local-anaesthetic', 'corticosteroid', 'saline']),
        }),
      )
      .readonly(),
    unknown: z.object({ muscles: z.array(z.string()).readonly(), injectates: z.array(z.string()).readonly() }),
    sections: z.array(z.object({ id: z.string(), title: z.string(), items: z.array(Item).readonly() })).readonly(),
    warningSigns: z
      .array(
        Item.extend({
          action: z.string(),
          urgency: z.enum(['emergency', 'urgent', 'same-day', 'routine']),
          because: z.string().optional(),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'EducationPage' });

export const educationRoutes: FastifyPluginAsyncZod = (app) => {
  app.get(
    EDUCATION_PATH,
    {
      config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        summary: 'The patient education page (public): general, plus the parts for these sites and drugs',
        tags: ['Education'],
        querystring: EducationQuery,
        response: { 200: EducationView, ...problemResponses('validation-failed', 'rate-limited') },
      },
    },
    async (request, reply) => {
      // Static content for the same query: a day in shared caches is fine, nothing in it is personal.
      void reply.header('cache-control', 'public, max-age=3600');
      return educationPage({ muscles: request.query.muscles, injectates: request.query.injectates });
    },
  );
  return Promise.resolve();
};
