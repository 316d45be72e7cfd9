// Deactivating and reactivating an account (clinic admins). Deactivating ends the user's sessions in
// the same transaction, so their next request is refused at once; an admin cannot deactivate
// themself (the clinic would be left without the account that can undo it). Reactivating also
// clears a lockout. Audited as `user.deactivate` / `user.reactivate`.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { ClinicUser } from './admin-ports.js';

export async function setUserActive(
  input: { readonly userId: string; readonly active: boolean; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'users' | 'audit'>,
): Promise<{ readonly ok: true; readonly user: ClinicUser } | UseCaseFailure> {
  const { userId, active, actor, at } = input;
  const action = active ? 'user.reactivate' : 'user.deactivate';
  const entity = `User/${userId}`;
  const record = (outcome: 'success' | 'failed', detail: Record<string, unknown>) =>
    repos.audit.record(auditAs(actor, at, { action, entity, patientId: null, outcome, detail }));
  if (!active && userId === actor.userId) {
    await record('failed', { reason: 'self' });
    return { ok: false, code: 'conflict', detail: 'an admin cannot deactivate their own account' };
  }
  const user = await repos.users.update(userId, active ? { active, unlock: true } : { active });
  if (!user) {
    await record('failed', { reason: 'not-found' });
    return { ok: false, code: 'not-found', detail: `no user ${userId} in this clinic` };
  }
  const sessionsEnded = active ? 0 : await repos.users.endSessions(userId);
  await record('success', { sessionsEnded });
  return { ok: true, user };
}
