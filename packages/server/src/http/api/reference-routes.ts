// Reference look-ups for any signed-in user (issue 4, item 2: "problems (ICD-10-CM search)"):
// ICD-10-CM codes by code prefix or by title words, billable codes first. No patient data, so no
// audit row; the list is searched in memory, its index built at the first search.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { builtInIcd10cm, type Icd10cmSource } from '../../app/reference/icd10cm-source.js';
import { ANY_ROLE } from '../auth/roles.js';
import { problemResponses } from '../openapi.js';
import { READ_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { Icd10cmQuery, Icd10cmResults } from './reference-schemas.js';

export const referenceRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  const icd10cm: Icd10cmSource = deps.icd10cm ?? builtInIcd10cm();
  app.get(
    '/api/reference/icd10cm',
    {
      config: { auth: ['session' as const], roles: ANY_ROLE, action: 'reference.read' },
      schema: {
        summary: 'Search ICD-10-CM codes by code prefix or title words (billable codes first; headers marked)',
        tags: ['Reference'],
        security: READ_SECURITY,
        querystring: Icd10cmQuery,
        response: {
          200: Icd10cmResults,
          ...problemResponses('validation-failed', 'unauthenticated', 'session-expired', 'forbidden'),
        },
      },
    },
    (request) => {
      const { index, info } = icd10cm.open();
      return { source: info, items: index.search(request.query.q, request.query.limit) };
    },
  );
  return Promise.resolve();
};
