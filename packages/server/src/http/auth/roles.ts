// Role checks (issue 3, item 4: "every route checks the role"). Each route a person can call
// declares the roles that may call it in `config.roles`; a route that takes sessions and declares
// none, or declares roles on a route no person can reach, stops the server at startup. One hook
// enforces them right after authentication, before the body is read: a caller without the role gets
// 403 `forbidden` and never learns how its body would have been judged. API tokens are checked in
// the same place against the route's `config.scopes` (a token needs one of them), and an account
// whose password an admin reset may only change it (403 `password-change-required`) until it does.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { API_SCOPES, type ApiScope } from '../../app/auth/api-scopes.js';
import { ROLES, type Role } from '../../app/auth/auth-ports.js';
import { KnotworkError } from '../knotwork-error.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who among signed-in users may call the route; required with `auth: ['session', ...]`. */
    roles?: readonly Role[];
    /** The audit action of the route (`patient.chart.read`), for the rows of refused attempts. */
    action?: string;
    /** The scopes an API token may call the route with (one suffices); required with 'api-token'. */
    scopes?: readonly ApiScope[];
    /** The route stays open to an account that must change its password (the session, the change). */
    duringPasswordChange?: boolean;
  }
}

/** Every role: the caller's own session, and finding and registering patients (front-desk work). */
export const ANY_ROLE: readonly Role[] = ROLES;
/**
 * Clinical records (charts, visits, screens): the people who treat. Clinic admins run the clinic
 * (accounts, settings) and see no charts: least privilege, since an admin account is also the one
 * most worth stealing.
 */
export const CLINICAL_ROLES: readonly Role[] = ['clinician', 'nurse'];
/** Proceeding despite a critical card is the treating clinician’s decision; a nurse escalates it. */
export const PRESCRIBER_ROLES: readonly Role[] = ['clinician'];
/** Clinic settings (the screening policy): admins only. */
export const ADMIN_ROLES: readonly Role[] = ['clinic-admin'];

export function requireRolesDeclared(route: RouteOptions): void {
  const { auth, roles, scopes } = route.config ?? {};
  const where = `${String(route.method)} ${route.url}`;
  const tokens = Array.isArray(auth) && auth.includes('api-token');
  if (tokens !== (scopes !== undefined && scopes.length > 0)) {
    throw new Error(
      `${where}: config.scopes goes with auth 'api-token' (which of ${API_SCOPES.join(', ')} it accepts)`,
    );
  }
  for (const scope of scopes ?? [])
    if (!API_SCOPES.includes(scope)) throw new Error(`${where}: unknown scope "${scope}"`);
  const people = Array.isArray(auth) && auth.includes('session');
  if (!people) {
    if (roles !== undefined) throw new Error(`${where}: config.roles on a route no signed-in user can call`);
    return;
  }
  if (roles === undefined || roles.length === 0) {
    throw new Error(`${where}: declare config.roles (which of ${ROLES.join(', ')} may call it)`);
  }
  for (const role of roles) if (!ROLES.includes(role)) throw new Error(`${where}: unknown role "${role}"`);
}

/** Why the caller may not call the route, or undefined when it may. */
function refusal(request: FastifyRequest): KnotworkError | undefined {
  const { roles, scopes, duringPasswordChange } = request.routeOptions.config;
  const principal = request.principal;
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  if (principal?.kind === 'api-token') {
    if (scopes === undefined || scopes.some((s) => principal.scopes.includes(s))) return undefined;
    return new KnotworkError('forbidden', `the API token lacks the scope ${scopes.join(' or ')} to ${route}`);
  }
  if (roles === undefined || principal?.kind !== 'user') return undefined;
  if (!roles.includes(principal.role)) return new KnotworkError('forbidden', `a ${principal.role} may not ${route}`);
  if (principal.mustChangePassword && duringPasswordChange !== true) {
    return new KnotworkError('password-change-required', 'change the password first: POST /api/account/password');
  }
  return undefined;
}

/** Registered after authentication (and the CSRF check): it reads `request.principal`. */
export function registerRoleCheck(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    done(refusal(request));
  });
}
