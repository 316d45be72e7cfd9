// Revoking an API token (clinic admins): from the next request on, the token gets 401. Revoking a
// revoked token changes nothing and answers it as it is. Audited as `api-token.revoke`.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { ApiTokenRecord } from './admin-ports.js';

export async function revokeApiToken(
  input: { readonly tokenId: string; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'apiTokens' | 'audit'>,
): Promise<{ readonly ok: true; readonly record: ApiTokenRecord } | UseCaseFailure> {
  const { tokenId, actor, at } = input;
  const record = await repos.apiTokens.revoke(tokenId, actor.userId, at);
  const entity = `ApiToken/${tokenId}`;
  if (!record) {
    await repos.audit.record(
      auditAs(actor, at, {
        action: 'api-token.revoke',
        entity,
        patientId: null,
        outcome: 'failed',
        detail: { reason: 'not-found' },
      }),
    );
    return { ok: false, code: 'not-found', detail: `no API token ${tokenId} in this clinic` };
  }
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'api-token.revoke',
      entity,
      patientId: null,
      outcome: 'success',
      detail: { name: record.name },
    }),
  );
  return { ok: true, record };
}
