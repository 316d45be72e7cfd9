// The HTTP edge: one fastify instance with the zod type provider, security headers, rate limits,
// authentication, the OpenAPI document, one error table and the routes. Everything it needs comes
// in through AppDeps, so tests build it with in-memory twins and `fastify.inject`.
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { DEFAULT_SESSION_POLICY } from '../app/auth/auth-ports.js';
import { clinicApi } from './api/clinic-api.js';
import { fhirImportRoute } from './fhir/import-route.js';
import { registerRefusalAudit, type ClinicApiDeps } from './api/clinic-context.js';
import { apiTokenAuthenticator } from './auth/api-token.js';
import { cdsJwtAuthenticator } from './auth/cds-jwt.js';
import { registerCsrfCheck } from './auth/csrf.js';
import {
  knownMethods,
  registerAuthentication,
  requireAuthDeclared,
  type Authenticator,
  type RouteAuth,
} from './auth/authenticate.js';
import { memoryReplayCache } from './auth/replay-cache.js';
import { registerRoleCheck, requireRolesDeclared } from './auth/roles.js';
import { sessionAuthenticator } from './auth/session-auth.js';
import { cdsRoutes } from './cds/cds-routes.js';
import { fhirReadRoutes } from './fhir/fhir-read-routes.js';
import { bulkExportRoutes } from './fhir/bulk-export-routes.js';
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

/** A route as registered, with who may call it: what the route x role matrix test walks. */
export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly auth: RouteAuth | undefined;
  readonly roles: readonly string[] | undefined;
  readonly scopes: readonly string[] | undefined;
}

const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every route buildApp registered (fastify's HEAD twins of GET routes included). */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return declared.get(app) ?? [];
}

function declarationsOf(route: RouteOptions): DeclaredRoute[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.map((method) => ({
    method: String(method),
    url: route.url,
    auth: route.config?.auth,
    roles: route.config?.roles,
    scopes: route.config?.scopes,
  }));
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

  const clinic: ClinicApiDeps | undefined = deps.repos && {
    repos: deps.repos,
    clock: deps.clock,
    now,
    newId: deps.newId ?? randomUUID,
    https,
    sessionPolicy: deps.sessionPolicy ?? DEFAULT_SESSION_POLICY,
    loginRateLimit: deps.loginRateLimit ?? { max: 10, timeWindow: '1 minute' },
    icd10cm: deps.icd10cm,
    publicBaseUrl,
  };
  // API tokens first: the CDS JWT authenticator claims any bearer credential shaped like a JWS.
  const authenticators: Authenticator[] = [];
  if (clinic) authenticators.push(apiTokenAuthenticator({ tokens: clinic.repos.system.apiTokens, now }));
  authenticators.push(
    cdsJwtAuthenticator({
      registry: deps.cdsClients,
      replay: deps.replayCache ?? memoryReplayCache(),
      publicBaseUrl,
      now,
    }),
  );
  if (clinic) {
    const { users, sessions } = clinic.repos.system;
    const clock = { now, fixedAt: undefined };
    authenticators.push(sessionAuthenticator({ users, sessions, clock, policy: clinic.sessionPolicy, https }));
  }
  const methods = knownMethods(authenticators);
  const routes: DeclaredRoute[] = [];
  declared.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (isDocsRoute(route.url)) docsRouteOptions(route, { https });
    requireAuthDeclared(route, methods);
    requireRolesDeclared(route);
    routes.push(...declarationsOf(route));
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
  await app.register(cookie);
  // In this order: who is calling, then (for cookie sessions) the CSRF token, then the route's roles.
  registerAuthentication(app, authenticators);
  registerCsrfCheck(app);
  registerRoleCheck(app);
  if (clinic) registerRefusalAudit(app, clinic);
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
  if (clinic) await app.register(clinicApi, { deps: clinic });
  if (clinic) await app.register(fhirImportRoute, { deps: clinic });
  if (clinic) await app.register(fhirReadRoutes, { deps: { ...clinic, publicBaseUrl } });
  if (clinic) await app.register(bulkExportRoutes, { deps: { ...clinic, publicBaseUrl, exportDir: deps.exportDir } });

  if (asOf) {
    app.addHook('onReady', (done) => {
      app.log.warn({ asOf }, `clock fixed at ${asOf} (--as-of): every screen runs at this time`);
      done();
    });
  }
  return app;
}
