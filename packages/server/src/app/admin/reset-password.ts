// A clinic admin resets a user's password: a generated temporary password (256 random bits, shown
// once to the admin, hashed before the transaction) replaces it, the account must change it at its
// next sign-in, its sessions end and its lockout clears. Audited as `user.reset-password`.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import { newToken } from '../auth/session-token.js';
import type { ClinicRepositories } from '../ports.js';
import type { ClinicUser } from './admin-ports.js';

/** A temporary password: long and random, so it passes every password rule. */
export const temporaryPassword = (): string => newToken();

export async function resetPassword(
  input: { readonly userId: string; readonly passwordHash: string; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'users' | 'audit'>,
): Promise<{ readonly ok: true; readonly user: ClinicUser } | UseCaseFailure> {
  const { userId, actor, at } = input;
  const entity = `User/${userId}`;
  const user = await repos.users.update(userId, {
    passwordHash: input.passwordHash,
    mustChangePassword: true,
    unlock: true,
  });
  if (!user) {
    await repos.audit.record(
      auditAs(actor, at, {
        action: 'user.reset-password',
        entity,
        patientId: null,
        outcome: 'failed',
        detail: { reason: 'not-found' },
      }),
    );
    return { ok: false, code: 'not-found', detail: `no user ${userId} in this clinic` };
  }
  const sessionsEnded = await repos.users.endSessions(userId);
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'user.reset-password',
      entity,
      patientId: null,
      outcome: 'success',
      detail: { sessionsEnded },
    }),
  );
  return { ok: true, user };
}
