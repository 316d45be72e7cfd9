// Sign-in: password (argon2id), then the TOTP code when the user has the second factor on, with a
// lockout after repeated failures; success opens a server-side session. Every attempt is audited.
// The answer to a failed attempt never says whether the email exists.
import type { AuditSink } from '../../audit-event.js';
import type { Clock } from '../../clock.js';
import {
  DEFAULT_SESSION_POLICY,
  type SessionPolicy,
  type SessionStore,
  type UserRecord,
  type UserStore,
} from './auth-ports.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { newToken, tokenHash } from './session-token.js';
import { verifyTotp } from './totp.js';

export type SignInResult =
  | {
      readonly ok: true;
      readonly token: string;
      readonly csrfToken: string;
      readonly user: UserRecord;
      readonly expiresAt: number;
    }
  | { readonly ok: false; readonly code: 'invalid-credentials' | 'account-locked' | 'totp-required' | 'totp-invalid' };

export interface SignInDeps {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly clock: Clock;
  readonly audit: AuditSink;
  readonly policy?: SessionPolicy;
  readonly newId: () => string;
}

// Verifying against a real hash when the email is unknown keeps the timing the same.
let dummyHash: Promise<string> | undefined;

export async function signIn(
  input: {
    readonly email: string;
    readonly password: string;
    readonly totp?: string | undefined;
    readonly from: string | null;
  },
  deps: SignInDeps,
): Promise<SignInResult> {
  const { users, sessions, clock, audit, policy = DEFAULT_SESSION_POLICY } = deps;
  const now = clock.now();
  const user = await users.findByEmail(input.email.trim().toLowerCase());
  const record = (outcome: 'success' | 'denied', reason: string) =>
    audit.record({
      clinicId: user?.clinicId ?? null,
      actor: user?.id ?? null,
      actorKind: user ? 'user' : 'anonymous',
      action: 'auth.sign-in',
      entity: user ? `User/${user.id}` : null,
      patientId: null,
      at: now,
      from: input.from,
      outcome,
      detail: { reason },
    });

  if (!user || !user.active) {
    await verifyPassword(await (dummyHash ??= hashPassword(newToken())), input.password);
    await record('denied', user ? 'inactive' : 'unknown-email');
    return { ok: false, code: 'invalid-credentials' };
  }
  if (user.lockedUntil !== null && user.lockedUntil > now) {
    await record('denied', 'locked');
    return { ok: false, code: 'account-locked' };
  }
  const fail = async (code: 'invalid-credentials' | 'totp-invalid'): Promise<SignInResult> => {
    const failures = user.failedLogins + 1;
    const locks = failures >= policy.maxFailedLogins;
    await users.recordFailedLogin(user.id, locks ? 0 : failures, locks ? now + policy.lockoutMs : null);
    await record('denied', locks ? `${code}; locked` : code);
    return { ok: false, code: locks ? 'account-locked' : code };
  };
  if (!(await verifyPassword(user.passwordHash, input.password))) return fail('invalid-credentials');
  if (user.totpSecret !== null) {
    if (!input.totp) {
      await record('denied', 'totp-required');
      return { ok: false, code: 'totp-required' };
    }
    if (!verifyTotp(user.totpSecret, input.totp, now)) return fail('totp-invalid');
  }
  const token = newToken('kws_');
  const csrfToken = newToken();
  const expiresAt = now + policy.absoluteMs;
  await sessions.create({
    id: deps.newId(),
    userId: user.id,
    clinicId: user.clinicId,
    tokenHash: tokenHash(token),
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  await users.recordLogin(user.id, now);
  await record('success', 'signed-in');
  return { ok: true, token, csrfToken, user, expiresAt };
}

/** How often the session's last-seen time is written. */
export const TOUCH_EVERY_MS = 60_000;

export type SessionCheck =
  | { readonly ok: true; readonly user: UserRecord; readonly sessionId: string; readonly csrfToken: string }
  | { readonly ok: false; readonly code: 'no-session' | 'session-expired' | 'account-inactive' };

/** The user behind a session cookie, sliding the idle timer; expired sessions are removed. */
export async function checkSession(
  token: string,
  deps: Pick<SignInDeps, 'users' | 'sessions' | 'clock' | 'policy'>,
): Promise<SessionCheck> {
  const { users, sessions, clock, policy = DEFAULT_SESSION_POLICY } = deps;
  const now = clock.now();
  const hash = tokenHash(token);
  // One read where the store can join the session to its user; else the session, then the user.
  const found = sessions.findWithUser
    ? await sessions.findWithUser(hash)
    : await sessions.findByTokenHash(hash).then((session) => (session ? { session, user: undefined } : undefined));
  if (!found) return { ok: false, code: 'no-session' };
  const { session } = found;
  if (now >= session.expiresAt || now - session.lastSeenAt >= policy.idleMs) {
    await sessions.delete(session.id);
    return { ok: false, code: 'session-expired' };
  }
  const user = sessions.findWithUser ? found.user : await users.findById(session.userId);
  if (!user || !user.active) {
    await sessions.delete(session.id);
    return { ok: false, code: 'account-inactive' };
  }
  // The idle timer slides at most once a minute: a read then costs no write, and a session
  // expires at most a minute early, never late.
  if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await sessions.touch(session.id, now);
  return { ok: true, user, sessionId: session.id, csrfToken: session.csrfToken };
}
