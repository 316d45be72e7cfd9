// What the clinic API's routes share: their dependencies, the acting user as an audit Actor, the
// caller's clinic transaction, use-case failures turned into problems, and the audit row of a
// request refused before or outside its use case (role, CSRF, schema, body), written where a
// clinic is known (issue 3, item 5: "failed and denied attempts too").
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionPolicy } from '../../app/auth/auth-ports.js';
import type { Actor, UseCaseFailure } from '../../app/actor.js';
import type { ClinicRepositories, Repositories } from '../../app/ports.js';
import type { Clock } from '../../clock.js';
import type { Icd10cmSource } from '../../app/reference/icd10cm-source.js';
import { userOf } from '../auth/authenticate.js';
import { ERROR_CODES } from '../error-codes.js';
import { failureOf } from '../error-handler.js';
import { KnotworkError } from '../knotwork-error.js';

export interface ClinicApiDeps {
  readonly repos: Repositories;
  /** The clinical "now": when a visit starts, a screen's as-of. */
  readonly clock: Clock;
  /** Real time: audit `at`, sessions. */
  readonly now: () => number;
  readonly newId: () => string;
  readonly https: boolean;
  readonly sessionPolicy: SessionPolicy;
  readonly loginRateLimit: { readonly max: number; readonly timeWindow: number | string };
  /** The ICD-10-CM list searched; absent: the built-in TPI list. */
  readonly icd10cm?: Icd10cmSource | undefined;
  /** The server's public URL (no trailing slash): patients' follow-up links start with it. */
  readonly publicBaseUrl: string;
}

/** A follow-up link's address for the patient: the web app's form page (/f/:token). */
export const followUpUrl = (deps: Pick<ClinicApiDeps, 'publicBaseUrl'>, token: string): string =>
  `${deps.publicBaseUrl.replace(/\/$/, '')}/f/${token}`;

/** OpenAPI security of reads (the session cookie) and of writes (the cookie and the CSRF header). */
export const READ_SECURITY = [{ sessionCookie: [] }];
export const WRITE_SECURITY = [{ sessionCookie: [], csrfHeader: [] }];
/** OpenAPI security of reads that also take an API token. */
export const TOKEN_READ_SECURITY = [{ apiToken: [] }, ...READ_SECURITY];

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once a use case has written the request's audit row (so a failure is not audited twice). */
    auditRecorded: boolean;
  }
}

/** The caller as an audit Actor: a signed-in user, or an API token (its id, kind 'api-token'). */
export function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal;
  if (principal?.kind === 'api-token') {
    return { userId: principal.tokenId, kind: 'api-token', clinicId: principal.clinicId, from: request.ip };
  }
  const user = userOf(request);
  return { userId: user.userId, clinicId: user.clinicId, from: request.ip };
}

/**
 * Runs a use case in the caller's clinic transaction. Use cases audit their own outcome, failures
 * included, so a failure they return commits with its audit row and is thrown only afterwards.
 */
export async function inCallerClinic<T>(
  deps: Pick<ClinicApiDeps, 'repos' | 'now'>,
  request: FastifyRequest,
  work: (repos: ClinicRepositories, actor: Actor, at: number) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  const result = await deps.repos.inClinic(actor.clinicId, (repos) => work(repos, actor, deps.now()));
  request.auditRecorded = true;
  return result;
}

/**
 * inCallerClinic for a use case that only reads patient data and audits the read (docs/adr/0006):
 * its audit row is group-committed with other reads' rows, and this resolves once it is.
 */
export async function readInCallerClinic<T>(
  deps: Pick<ClinicApiDeps, 'repos' | 'now'>,
  request: FastifyRequest,
  work: (repos: ClinicRepositories, actor: Actor, at: number) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  const result = await deps.repos.readInClinic(actor.clinicId, (repos) => work(repos, actor, deps.now()));
  request.auditRecorded = true;
  return result;
}

/** The value of a use case's result, or its failure thrown as a problem (issue paths as `$.field`). */
export function orThrow<T extends { readonly ok: true }>(result: T | UseCaseFailure): T {
  if (result.ok) return result;
  const errors = result.issues?.map((i) => ({ ...i, path: i.path === '' ? '$' : `$.${i.path}` }));
  throw new KnotworkError(result.code, result.detail, {
    ...(errors ? { errors } : {}),
    ...(result.blockers ? { blockers: result.blockers } : {}),
  });
}

/** Audits requests refused outside a use case: by the role or CSRF check, the schema, the body parser. */
export function registerRefusalAudit(app: FastifyInstance, deps: Pick<ClinicApiDeps, 'repos' | 'now'>): void {
  app.decorateRequest('auditRecorded', false);
  app.addHook('onError', async (request, _reply, error) => {
    const principal = request.principal;
    const action = request.routeOptions.config.action;
    if (principal === null || principal.kind === 'cds-client' || action === undefined || request.auditRecorded) return;
    const actor = principal.kind === 'user' ? principal.userId : principal.tokenId;
    const failure = failureOf(error, request);
    const at = deps.now();
    try {
      await deps.repos.inClinic(principal.clinicId, (repos) =>
        repos.audit.record({
          clinicId: principal.clinicId,
          actor,
          actorKind: principal.kind,
          action,
          entity: null,
          patientId: null,
          at,
          from: request.ip,
          outcome: ERROR_CODES[failure.code].status === 403 ? 'denied' : 'failed',
          detail: {
            code: failure.code,
            route: `${request.method} ${request.routeOptions.url}`,
            params: request.params,
          },
        }),
      );
      request.auditRecorded = true;
    } catch (auditError) {
      request.log.error({ err: auditError }, 'could not audit a refused request');
    }
  });
}
