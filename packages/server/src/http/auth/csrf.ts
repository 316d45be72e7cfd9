// CSRF protection for cookie-authenticated writes (issue 3, item 4): a synchroniser token. Sign-in
// and GET /api/session hand the session's csrfToken to the page; every request other than
// GET/HEAD/OPTIONS authenticated by the session cookie must repeat it in X-CSRF-Token, else 403
// `csrf-failed`, before the body is read. Bearer-authenticated callers (CDS clients) are exempt: a
// browser never attaches their credentials on its own. Sign-in itself (public) is covered by the
// JSON-only body: a cross-site form cannot send application/json without a CORS preflight, and
// this server answers none.
import type { FastifyInstance } from 'fastify';
import { sameSecret } from '../../app/auth/session-token.js';
import { KnotworkError } from '../knotwork-error.js';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Registered after authentication: it reads `request.principal`. */
export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const principal = request.principal;
    if (principal?.kind !== 'user' || SAFE_METHODS.has(request.method)) return done();
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || sent === '') {
      return done(new KnotworkError('csrf-failed', `a signed-in ${request.method} needs the ${CSRF_HEADER} header`));
    }
    if (!sameSecret(sent, principal.csrfToken)) {
      return done(new KnotworkError('csrf-failed', `the ${CSRF_HEADER} header is not this session's token`));
    }
    done();
  });
}
