// The clinic's API tokens (never the tokens themselves: only their hashes are stored), audited as
// `api-token.list`.
import { auditAs, type Actor } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { ApiTokenRecord } from './admin-ports.js';

export async function listApiTokens(
  input: { readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'apiTokens' | 'audit'>,
): Promise<readonly ApiTokenRecord[]> {
  const tokens = await repos.apiTokens.list();
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'api-token.list',
      entity: null,
      patientId: null,
      outcome: 'success',
      detail: { returned: tokens.length },
    }),
  );
  return tokens;
}
