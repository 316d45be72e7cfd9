// A signed-in user changes their password: the current one verified and the new one checked against
// the rules and hashed before the transaction (preparePasswordChange); then the new hash is stored,
// must-change-password is cleared, the user's other sessions end, and `account.password.change` is
// audited.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { UserRecord } from '../auth/auth-ports.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import type { ClinicRepositories } from '../ports.js';
import { verifyOwnPassword } from './verify-own-password.js';

export async function preparePasswordChange(input: {
  readonly user: Pick<UserRecord, 'passwordHash' | 'email'>;
  readonly currentPassword: string;
  readonly newPassword: string;
}): Promise<{ readonly ok: true; readonly passwordHash: string } | UseCaseFailure> {
  const { user, currentPassword, newPassword } = input;
  const wrong = await verifyOwnPassword(user, currentPassword, 'currentPassword');
  if (wrong) return wrong;
  const weak =
    newPassword === currentPassword
      ? 'the new password must differ from the current one'
      : passwordProblem(newPassword, user);
  if (weak)
    return { ok: false, code: 'validation-failed', detail: weak, issues: [{ path: 'newPassword', message: weak }] };
  return { ok: true, passwordHash: await hashPassword(newPassword) };
}

export async function changePassword(
  input: { readonly passwordHash: string; readonly sessionId: string; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'users' | 'audit'>,
): Promise<{ readonly ok: true } | UseCaseFailure> {
  const { actor, at } = input;
  const user = await repos.users.update(actor.userId, { passwordHash: input.passwordHash, mustChangePassword: false });
  if (!user) return { ok: false, code: 'not-found', detail: 'the account no longer exists' };
  const sessionsEnded = await repos.users.endSessions(actor.userId, input.sessionId);
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'account.password.change',
      entity: `User/${actor.userId}`,
      patientId: null,
      outcome: 'success',
      detail: { sessionsEnded },
    }),
  );
  return { ok: true };
}
