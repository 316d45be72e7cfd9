// Authentication at the edge, one design for every kind of caller. Each route declares in its
// config which methods it accepts (`auth: ['cds-jwt']`) or that it is public (`auth: 'public'`);
// a route that declares nothing is refused at startup. One onRequest hook (before the body is
// read) asks the route's authenticators in order: an authenticator answers `undefined` when the
// request does not carry its kind of credentials, a Principal when they verify, and throws
// KnotworkError('unauthenticated') with a precise detail when they are its kind but do not verify.
// API tokens joined that way: a method name, a Principal variant and an Authenticator (api-token.ts).
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { ApiScope } from '../../app/auth/api-scopes.js';
import type { Role } from '../../app/auth/auth-ports.js';
import { KnotworkError } from '../knotwork-error.js';

/** 'cds-jwt' (EHRs), 'session' (people, by cookie) and 'api-token' (other system clients, bearer `kwt_`). */
export type AuthMethod = 'cds-jwt' | 'session' | 'api-token';
export type RouteAuth = 'public' | readonly AuthMethod[];

export interface CdsClientPrincipal {
  readonly kind: 'cds-client';
  readonly clinicId: string;
  readonly issuer: string;
  /** The JWT's jti. */
  readonly tokenId: string;
}

/** A person signed in with a session cookie. */
export interface UserPrincipal {
  readonly kind: 'user';
  readonly clinicId: string;
  readonly userId: string;
  readonly role: Role;
  readonly displayName: string;
  readonly sessionId: string;
  /** The session's synchroniser token, required in X-CSRF-Token on writes (csrf.ts). */
  readonly csrfToken: string;
  /** Set after an admin's password reset: only changing the password (and the session) is allowed. */
  readonly mustChangePassword: boolean;
}

/** A system client with a clinic admin's API token; routes accept it by scope (`config.scopes`). */
export interface ApiTokenPrincipal {
  readonly kind: 'api-token';
  readonly clinicId: string;
  readonly tokenId: string;
  readonly name: string;
  readonly scopes: readonly ApiScope[];
}

export type Principal = CdsClientPrincipal | UserPrincipal | ApiTokenPrincipal;

export interface Authenticator {
  readonly method: AuthMethod;
  /** What the 401 says this method expects, e.g. "Authorization: Bearer <JWT> ...". */
  readonly expects: string;
  authenticate(request: FastifyRequest): Promise<Principal | undefined>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Refuses, at startup, a route that does not say who may call it. */
export function requireAuthDeclared(route: RouteOptions, known: ReadonlySet<string>): void {
  const auth = route.config?.auth;
  if (auth === 'public') return;
  if (auth === undefined || auth.length === 0) {
    throw new Error(`${String(route.method)} ${route.url}: declare config.auth ('public' or the methods it accepts)`);
  }
  for (const method of auth) {
    if (!known.has(method)) throw new Error(`${String(route.method)} ${route.url}: no authenticator for "${method}"`);
  }
}

export function registerAuthentication(app: FastifyInstance, authenticators: readonly Authenticator[]): void {
  const byMethod = new Map(authenticators.map((a) => [a.method, a]));
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    // Unmatched requests (the not-found handler) have no auth config and need none.
    const auth = request.routeOptions.config.auth;
    if (auth === undefined || auth === 'public') return;
    const expected: string[] = [];
    for (const method of auth) {
      const authenticator = byMethod.get(method);
      if (!authenticator) throw new Error(`no authenticator for "${method}"`);
      const principal = await authenticator.authenticate(request);
      if (principal) {
        request.principal = principal;
        return;
      }
      expected.push(authenticator.expects);
    }
    throw new KnotworkError('unauthenticated', `no credentials this route accepts: ${expected.join('; or ')}`, {
      headers: { 'www-authenticate': 'Bearer realm="knotwork"' },
    });
  });
}

/** The caller of a route that requires a CDS client; a route that reaches here without one is a bug. */
export function cdsClientOf(request: FastifyRequest): CdsClientPrincipal {
  const principal = request.principal;
  if (principal?.kind !== 'cds-client') throw new Error(`${request.url}: the route did not require a CDS client`);
  return principal;
}

/** The caller of a route that requires a signed-in user; a route that reaches here without one is a bug. */
export function userOf(request: FastifyRequest): UserPrincipal {
  const principal = request.principal;
  if (principal?.kind !== 'user') throw new Error(`${request.url}: the route did not require a signed-in user`);
  return principal;
}

export function knownMethods(authenticators: readonly Authenticator[]): ReadonlySet<string> {
  return new Set(authenticators.map((a) => a.method));
}
