// The one table of error codes at the HTTP edge (GUIDE.md habit 5): each stable code with its HTTP
// status, its title and when it is used. Route handlers and use cases name a code; only this table
// picks the status. ERRORS.md repeats it for readers and error-codes.test.ts keeps the two equal
// (the pattern of fastify's lib/errors.js and test/internals/errors.test.js).
export const ERROR_CODES = {
  'bad-request': {
    status: 400,
    title: 'Bad request',
    when: 'The request cannot be read at all: a malformed URL, a body whose size does not match Content-Length.',
  },
  'malformed-json': {
    status: 400,
    title: 'The body is not valid JSON',
    when: 'A JSON body that does not parse, or is empty, outside the CDS Hooks service.',
  },
  'validation-failed': {
    status: 400,
    title: 'The request does not match its schema',
    when: 'The body, query, parameters or headers fail the route schema; errors lists each issue with its path.',
  },
  'unusable-cds-request': {
    status: 400,
    title: 'Not a usable CDS Hooks request',
    when: 'SCREENING.md section 4: unreadable JSON ($), another hook ($.hook), no draftOrders Bundle, no TPI order.',
  },
  unauthenticated: {
    status: 401,
    title: 'Authentication required',
    when: 'No credentials the route accepts, or credentials that do not verify (a CDS client JWT: issuer, key, aud, exp, iat, jti; an API token unknown, revoked or expired; a deactivated account’s session).',
  },
  'session-expired': {
    status: 401,
    title: 'The session has ended',
    when: 'The session cookie names no live session (idle or absolute expiry, signed out): sign in again, keeping unsaved input.',
  },
  'invalid-credentials': {
    status: 401,
    title: 'Sign-in refused',
    when: 'POST /api/session: the email and password do not match an active account (which of them is wrong is not said).',
  },
  'totp-required': {
    status: 401,
    title: 'A TOTP code is required',
    when: 'POST /api/session: the password is right and the account has the second factor on; send totp too.',
  },
  'totp-invalid': {
    status: 401,
    title: 'The TOTP code is wrong',
    when: 'POST /api/session: the password is right but the TOTP code is not (it counts towards the lockout).',
  },
  forbidden: {
    status: 403,
    title: 'Not allowed',
    when: 'Authenticated, but the role, the API token’s scopes or the clinic may not do this.',
  },
  'csrf-failed': {
    status: 403,
    title: 'CSRF token missing or wrong',
    when: 'A cookie-authenticated request other than GET/HEAD without X-CSRF-Token equal to the session’s csrfToken.',
  },
  'password-change-required': {
    status: 403,
    title: 'The password must be changed first',
    when: 'A clinic admin reset the account’s password: until POST /api/account/password, only the session and that route answer.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    when: 'No such route, or no such record in the caller’s clinic.',
  },
  conflict: {
    status: 409,
    title: 'Conflict with the current state',
    when: 'The change contradicts the record as it stands (a signed note changed in place, a duplicate).',
  },
  'note-locked': {
    status: 409,
    title: 'The note is signed',
    when: 'A signed (or amended) procedure note is never changed in place: amend it instead.',
  },
  'signing-blocked': {
    status: 409,
    title: 'The note cannot be signed yet',
    when: 'Signing a note while something is still open (no screen of the current plan, a critical card without an override); detail names each, and blockers lists each as { code, step, message }.',
  },
  'precondition-failed': {
    status: 412,
    title: 'The record has changed',
    when: 'If-Match names a version that is no longer current: the write changed nothing.',
  },
  'payload-too-large': {
    status: 413,
    title: 'The body is too large',
    when: 'The body is larger than the server’s body limit.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    when: 'The Content-Type is not one the route accepts (application/json).',
  },
  'account-locked': {
    status: 423,
    title: 'The account is locked',
    when: 'POST /api/session after repeated failed sign-ins: the account refuses every password for a while (not a rate limit).',
  },
  'precondition-required': {
    status: 428,
    title: 'If-Match is required',
    when: 'An update sent without If-Match.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    when: 'A rate limit was reached (Retry-After says when to try again), or too many CDS tokens are in flight.',
  },
  internal: {
    status: 500,
    title: 'Internal server error',
    when: 'Anything unexpected; the detail names the request id to find in the log, never a stack.',
  },
} as const satisfies Record<string, { status: number; title: string; when: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** The problem `type` URI of a code (RFC 9457 section 3.1.1). */
export function problemType(code: ErrorCode): string {
  return `https://knotwork.dev/problems/${code}`;
}
