// The HTTP edge: one fastify instance with the zod type provider, security headers, rate limits,
// authentication, the OpenAPI document, one error table and the routes. Everything it needs comes
// in through AppDeps, so tests build it with in-memory twins and `fastify.inject`.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { cdsJwtAuthenticator } from './auth/cds-jwt.js';
import { knownMethods, registerAuthentication, requireAuthDeclared } from './auth/authenticate.js';
import { memoryReplayCache } from './auth/replay-cache.js';
import { cdsRoutes } from './cds/cds-routes.js';
import type { AppDeps } from './deps.js';
import { frameworkErrorHandler, registerProblemHandlers } from './error-handler.js';
import { KnotworkError } from './knotwork-error.js';
import { isDocsRoute, registerOpenApi } from './openapi.js';
import { docsRouteOptions, FALLBACK_SECURITY_HEADERS, helmetOptions } from './security-headers.js';

export const AS_OF_HEADER = 'knotwork-as-of';
const MiB = 1024 * 1024;

/** `https://host:port/base` without a trailing slash; refuses anything that is not an http(s) URL. */
export function normalisePublicBaseUrl(raw: string): string {
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`publicBaseUrl ${raw}: not http(s)`);
  if (url.search || url.hash) throw new Error(`publicBaseUrl ${raw}: no query or fragment`);
  return url.href.replace(/\/+$/, '');
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const publicBaseUrl = normalisePublicBaseUrl(deps.publicBaseUrl);
  const https = publicBaseUrl.startsWith('https:');
  const now = deps.wallClock ?? Date.now;
  const asOf = deps.clock.fixedAt === undefined ? undefined : new Date(deps.clock.fixedAt).toISOString();
  // Patient data must not sit in shared or browser caches; the fixed clock is said on every answer.
  const edgeHeaders: Record<string, string> = {
    'cache-control': 'no-store',
    ...(asOf ? { [AS_OF_HEADER]: asOf } : {}),
  };

  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: deps.bodyLimit ?? MiB,
    trustProxy: deps.trustProxy ?? false,
    frameworkErrors: frameworkErrorHandler(() => ({ ...FALLBACK_SECURITY_HEADERS, ...edgeHeaders })),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only, unless a route says otherwise: anything else is 415, not a string handed to a handler.
  app.removeContentTypeParser('text/plain');
  registerProblemHandlers(app);

  const authenticators = [
    cdsJwtAuthenticator({
      registry: deps.cdsClients,
      replay: deps.replayCache ?? memoryReplayCache(),
      publicBaseUrl,
      now,
    }),
  ];
  const methods = knownMethods(authenticators);
  app.addHook('onRoute', (route) => {
    if (isDocsRoute(route.url)) docsRouteOptions(route, { https });
    requireAuthDeclared(route, methods);
  });

  await app.register(helmet, helmetOptions({ https }));
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(edgeHeaders);
    done();
  });
  await app.register(rateLimit, {
    global: deps.rateLimit?.global ?? false,
    max: deps.rateLimit?.max ?? 1000,
    timeWindow: deps.rateLimit?.timeWindow ?? '1 minute',
    errorResponseBuilder: (_request, context) =>
      new KnotworkError('rate-limited', `more than ${context.max} requests: retry in ${context.after}`),
  });
  registerAuthentication(app, authenticators);
  await registerOpenApi(app, { publicBaseUrl });
  await app.register(cdsRoutes, {
    deps: {
      clock: deps.clock,
      audit: deps.audit,
      policyFor: (clinicId) => deps.policyFor(clinicId),
      ...(deps.storeScreen ? { storeScreen: deps.storeScreen } : {}),
      now,
      cdsBodyLimit: deps.cdsBodyLimit ?? 8 * MiB,
    },
  });

  if (asOf) {
    app.addHook('onReady', (done) => {
      app.log.warn({ asOf }, `clock fixed at ${asOf} (--as-of): every screen runs at this time`);
      done();
    });
  }
  return app;
}
