// TOTP enrolment, step 1: a new secret for the signed-in user, pending until a code from it is
// confirmed (confirm-totp.ts); a pending secret is not a second factor yet, and a new enrolment
// replaces it. Refused while the second factor is on (turn it off first). Audited as
// `account.totp.enrol` (never the secret).
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import { newTotpSecret, totpUri } from '../auth/totp.js';
import type { ClinicRepositories } from '../ports.js';

export async function enrolTotp(
  input: { readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'users' | 'audit'>,
): Promise<{ readonly ok: true; readonly secret: string; readonly uri: string } | UseCaseFailure> {
  const { actor, at } = input;
  const entity = `User/${actor.userId}`;
  const user = await repos.users.get(actor.userId);
  if (!user) return { ok: false, code: 'not-found', detail: 'the account no longer exists' };
  if (user.totpSecret !== null) {
    await repos.audit.record(
      auditAs(actor, at, {
        action: 'account.totp.enrol',
        entity,
        patientId: null,
        outcome: 'failed',
        detail: { reason: 'on' },
      }),
    );
    return { ok: false, code: 'conflict', detail: 'the second factor is on already: turn it off first' };
  }
  const secret = newTotpSecret();
  await repos.users.update(actor.userId, { totp: { secret, enabled: false } });
  await repos.audit.record(
    auditAs(actor, at, { action: 'account.totp.enrol', entity, patientId: null, outcome: 'success' }),
  );
  return { ok: true, secret, uri: totpUri(secret, user.email) };
}
