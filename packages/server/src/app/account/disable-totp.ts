// Turning the second factor off (the user's password verified before, verify-own-password.ts): the
// secret, enabled or pending, is removed. Audited as `account.totp.disable`.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';

export async function disableTotp(
  input: { readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'users' | 'audit'>,
): Promise<{ readonly ok: true } | UseCaseFailure> {
  const { actor, at } = input;
  const user = await repos.users.get(actor.userId);
  if (!user) return { ok: false, code: 'not-found', detail: 'the account no longer exists' };
  const wasOn = user.totpSecret !== null;
  if (wasOn || user.pendingTotpSecret !== null) await repos.users.update(actor.userId, { totp: null });
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'account.totp.disable',
      entity: `User/${actor.userId}`,
      patientId: null,
      outcome: 'success',
      detail: { wasOn },
    }),
  );
  return { ok: true };
}
