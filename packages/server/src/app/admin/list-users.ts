// The clinic's accounts (clinic admins), audited as `user.list`.
import { auditAs, type Actor } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { ClinicUser } from './admin-ports.js';

export async function listUsers(
  input: { readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'users' | 'audit'>,
): Promise<readonly ClinicUser[]> {
  const users = await repos.users.list();
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'user.list',
      entity: null,
      patientId: null,
      outcome: 'success',
      detail: { returned: users.length },
    }),
  );
  return users;
}
