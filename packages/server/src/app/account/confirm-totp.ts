// TOTP enrolment, step 2: a valid code from the pending secret turns the second factor on; from then
// on sign-in needs a code. Time is the wall clock (the authenticator app's). Audited as
// `account.totp.confirm`, failures included.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import { verifyTotp } from '../auth/totp.js';
import type { ClinicRepositories } from '../ports.js';

export async function confirmTotp(
  input: { readonly code: string; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'users' | 'audit'>,
): Promise<{ readonly ok: true } | UseCaseFailure> {
  const { actor, at } = input;
  const record = (outcome: 'success' | 'failed', reason: string) =>
    repos.audit.record(
      auditAs(actor, at, {
        action: 'account.totp.confirm',
        entity: `User/${actor.userId}`,
        patientId: null,
        outcome,
        detail: { reason },
      }),
    );
  const secret = (await repos.users.get(actor.userId))?.pendingTotpSecret ?? null;
  if (secret === null) {
    await record('failed', 'nothing-pending');
    return { ok: false, code: 'conflict', detail: 'no enrolment is pending: POST /api/account/totp first' };
  }
  if (!verifyTotp(secret, input.code, at)) {
    await record('failed', 'wrong-code');
    const message = 'the code is wrong or too old';
    return { ok: false, code: 'validation-failed', detail: message, issues: [{ path: 'code', message }] };
  }
  await repos.users.update(actor.userId, { totp: { secret, enabled: true } });
  await record('success', 'enabled');
  return { ok: true };
}
