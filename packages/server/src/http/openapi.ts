// The OpenAPI 3.1 document, generated from the route schemas (zod, through
// fastify-type-provider-zod), served at /api/openapi.json, and Swagger UI at /api/docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PREFIX = '/api/docs';

export const isDocsRoute = (url: string): boolean => url === DOCS_PREFIX || url.startsWith(`${DOCS_PREFIX}/`);

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
    blockers: z
      .array(z.object({ code: z.string(), step: z.string(), message: z.string() }))
      .optional()
      .describe('signing-blocked only: each open item with its stable code and the visit step that fixes it'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details; `code` is stable (ERRORS.md)' });

/** Response schemas for the problems a route can answer, for the document. */
export function problemResponses(...codes: ErrorCode[]) {
  const responses: Record<
    number,
    { description: string; content: { 'application/problem+json': { schema: typeof Problem } } }
  > = {};
  for (const code of codes) {
    const { status, title } = ERROR_CODES[code];
    const previous = responses[status]?.description;
    responses[status] = {
      description: previous ? `${previous}; ${title}` : title,
      content: { 'application/problem+json': { schema: Problem } },
    };
  }
  return responses;
}

export async function registerOpenApi(app: FastifyInstance, options: { publicBaseUrl: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Knotwork',
        version: '0.1.0',
        description: 'Knotwork clinic server: CDS Hooks TPI screening and the clinic API. Errors: ERRORS.md.',
      },
      servers: [{ url: options.publicBaseUrl }],
      components: {
        securitySchemes: {
          cdsHooksJwt: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'CDS Hooks 2.0: a JWT signed by a registered EHR client (ES384 or RS384)',
          },
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'kwt_...',
            description: 'An API token a clinic admin issued (POST /api/tokens); routes say which scopes they accept',
          },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'knotwork_session',
            description: 'The session cookie POST /api/session sets (httpOnly, SameSite=Strict)',
          },
          csrfHeader: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description: 'The session’s csrfToken, required with the cookie on every request other than GET/HEAD',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, uiConfig: { deepLinking: true } });
  app.get(OPENAPI_PATH, { schema: { hide: true }, config: { auth: 'public' } }, () => app.swagger());
}
