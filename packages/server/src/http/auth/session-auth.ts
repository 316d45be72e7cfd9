// Sessions for people: the `knotwork_session` cookie (httpOnly, SameSite=Strict, Path=/, Secure
// behind https) carries a random token whose SHA-256 names a server-side session (app/auth).
// checkSession slides the idle timer and removes an expired session. A cookie that names no live
// session is answered `session-expired` (it ended: idle, absolute, signed out elsewhere), so the UI
// signs in again without losing what was typed; the answer also clears the cookie.
import { fastifyCookie, type CookieSerializeOptions, type SerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { SessionPolicy, SessionStore, UserStore } from '../../app/auth/auth-ports.js';
import { checkSession } from '../../app/auth/sign-in.js';
import type { Clock } from '../../clock.js';
import { KnotworkError } from '../knotwork-error.js';
import type { Authenticator, UserPrincipal } from './authenticate.js';

export const SESSION_COOKIE = 'knotwork_session';

export function sessionCookieOptions(https: boolean, expiresAt?: number): SerializeOptions & CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: https,
    ...(expiresAt === undefined ? {} : { expires: new Date(expiresAt) }),
  };
}

/** A Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(https: boolean): string {
  return fastifyCookie.serialize(SESSION_COOKIE, '', {
    ...sessionCookieOptions(https),
    expires: new Date(0),
    maxAge: 0,
  });
}

export interface SessionAuthOptions {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  /** Real time: sessions expire by the wall clock even when the clinical clock is fixed. */
  readonly clock: Clock;
  readonly policy?: SessionPolicy | undefined;
  readonly https: boolean;
}

export function sessionAuthenticator(options: SessionAuthOptions): Authenticator {
  const authenticate = async (request: FastifyRequest): Promise<UserPrincipal | undefined> => {
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined || token === '') return undefined;
    const check = await checkSession(token, {
      users: options.users,
      sessions: options.sessions,
      clock: options.clock,
      ...(options.policy ? { policy: options.policy } : {}),
    });
    if (!check.ok) {
      const headers = { 'set-cookie': clearedSessionCookie(options.https) };
      if (check.code === 'account-inactive') {
        throw new KnotworkError('unauthenticated', 'the account is deactivated: ask a clinic admin', { headers });
      }
      throw new KnotworkError('session-expired', 'the session has expired or ended: sign in again', { headers });
    }
    const { user } = check;
    return {
      kind: 'user',
      clinicId: user.clinicId,
      userId: user.id,
      role: user.role,
      displayName: user.displayName,
      sessionId: check.sessionId,
      csrfToken: check.csrfToken,
      mustChangePassword: user.mustChangePassword,
    };
  };
  return {
    method: 'session',
    expects: `the ${SESSION_COOKIE} cookie from POST /api/session`,
    authenticate,
  };
}
