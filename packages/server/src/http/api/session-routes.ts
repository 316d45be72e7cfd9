// Sessions (issue 3, item 4): POST /api/session signs in (rate-limited per address, lockout in the
// use case) and sets the session cookie; GET /api/session says who is signed in and repeats the
// CSRF token; DELETE /api/session signs out and clears the cookie.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { UserRecord } from '../../app/auth/auth-ports.js';
import { signIn } from '../../app/auth/sign-in.js';
import { tokenHash } from '../../app/auth/session-token.js';
import { userOf } from '../auth/authenticate.js';
import { ANY_ROLE } from '../auth/roles.js';
import { clearedSessionCookie, SESSION_COOKIE, sessionCookieOptions } from '../auth/session-auth.js';
import { KnotworkError } from '../knotwork-error.js';
import { problemResponses } from '../openapi.js';
import { READ_SECURITY, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { NoBody } from './common-schemas.js';

export const SESSION_PATH = '/api/session';

const SignInBody = z
  .strictObject({
    email: z.string().trim().min(3).max(320),
    password: z.string().min(1).max(1024),
    totp: z
      .string()
      .regex(/^\d{6}$/, 'six digits')
      .optional(),
  })
  .meta({ id: 'SignIn' });

const SessionUser = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(['clinician', 'nurse', 'clinic-admin']),
  clinicId: z.string(),
  mustChangePassword: z.boolean(),
});

const Session = z
  .object({
    user: SessionUser,
    csrfToken: z.string().describe('Send it back in X-CSRF-Token on every request other than GET'),
    expiresAt: z.iso.datetime().describe('Absolute expiry; the session also ends after idleTimeoutSeconds unused'),
    idleTimeoutSeconds: z.number().int(),
  })
  .meta({ id: 'Session' });

const userView = (u: Pick<UserRecord, 'id' | 'displayName' | 'role' | 'clinicId' | 'mustChangePassword'>) => ({
  id: u.id,
  displayName: u.displayName,
  role: u.role,
  clinicId: u.clinicId,
  mustChangePassword: u.mustChangePassword,
});

export const sessionRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  const { system } = deps.repos;
  const clock = { now: deps.now, fixedAt: undefined };
  const idleTimeoutSeconds = Math.floor(deps.sessionPolicy.idleMs / 1000);

  app.post(
    SESSION_PATH,
    {
      config: { auth: 'public', rateLimit: deps.loginRateLimit },
      schema: {
        summary: 'Sign in: sets the knotwork_session cookie and answers the CSRF token',
        tags: ['Session'],
        body: SignInBody,
        response: {
          200: Session,
          ...problemResponses('validation-failed', 'invalid-credentials', 'account-locked', 'rate-limited'),
        },
      },
    },
    async (request, reply) => {
      const { email, password, totp } = request.body;
      const result = await signIn(
        { email, password, totp, from: request.ip },
        {
          users: system.users,
          sessions: system.sessions,
          clock,
          audit: system.audit,
          policy: deps.sessionPolicy,
          newId: deps.newId,
        },
      );
      if (!result.ok) {
        const detail = {
          'invalid-credentials': 'the email or the password is wrong',
          'totp-required': 'this account has a second factor: send the six-digit code as totp',
          'totp-invalid': 'the six-digit code is wrong or too old',
          'account-locked':
            'too many failed sign-ins: the account is locked for a while; try later or ask a clinic admin',
        }[result.code];
        throw new KnotworkError(result.code, detail);
      }
      void reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(deps.https, result.expiresAt));
      return {
        user: userView(result.user),
        csrfToken: result.csrfToken,
        expiresAt: new Date(result.expiresAt).toISOString(),
        idleTimeoutSeconds,
      };
    },
  );

  app.get(
    SESSION_PATH,
    {
      config: { auth: ['session'], roles: ANY_ROLE, duringPasswordChange: true },
      schema: {
        summary: 'Who is signed in, with the CSRF token (401 session-expired when the session ended)',
        tags: ['Session'],
        security: READ_SECURITY,
        response: { 200: Session, ...problemResponses('unauthenticated', 'session-expired') },
      },
    },
    async (request) => {
      const principal = userOf(request);
      const token = request.cookies[SESSION_COOKIE] ?? '';
      const [session, user] = await Promise.all([
        system.sessions.findByTokenHash(tokenHash(token)),
        system.users.findById(principal.userId),
      ]);
      if (!session || !user) throw new KnotworkError('session-expired', 'the session ended: sign in again');
      return {
        user: userView(user),
        csrfToken: principal.csrfToken,
        expiresAt: new Date(session.expiresAt).toISOString(),
        idleTimeoutSeconds,
      };
    },
  );

  app.delete(
    SESSION_PATH,
    {
      config: { auth: ['session'], roles: ANY_ROLE, duringPasswordChange: true },
      schema: {
        summary: 'Sign out: ends the session and clears the cookie',
        tags: ['Session'],
        security: WRITE_SECURITY,
        body: NoBody,
        response: {
          204: z.undefined().describe('Signed out'),
          ...problemResponses('unauthenticated', 'session-expired', 'csrf-failed'),
        },
      },
    },
    async (request, reply) => {
      const principal = userOf(request);
      await system.sessions.delete(principal.sessionId);
      await system.audit.record({
        clinicId: principal.clinicId,
        actor: principal.userId,
        actorKind: 'user',
        action: 'auth.sign-out',
        entity: `User/${principal.userId}`,
        patientId: null,
        at: deps.now(),
        from: request.ip,
        outcome: 'success',
      });
      return reply.code(204).header('set-cookie', clearedSessionCookie(deps.https)).send();
    },
  );
  return Promise.resolve();
};
