// A clinic admin issues an API token for a system client: `kwt_` and 256 random bits, answered
// once; only its SHA-256 is stored. Scopes come from the fixed list (../auth/api-scopes.ts); an
// expiry, when given, must be in the future. Audited as `api-token.create` (name and scopes, never
// the token).
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import { API_TOKEN_PREFIX, type ApiScope } from '../auth/api-scopes.js';
import { newToken, tokenHash } from '../auth/session-token.js';
import type { ClinicRepositories } from '../ports.js';
import type { ApiTokenRecord } from './admin-ports.js';

export async function createApiToken(
  input: {
    readonly name: string;
    readonly scopes: readonly ApiScope[];
    readonly expiresAt: number | null;
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Pick<ClinicRepositories, 'apiTokens' | 'audit'>,
): Promise<{ readonly ok: true; readonly token: string; readonly record: ApiTokenRecord } | UseCaseFailure> {
  const { actor, at, expiresAt } = input;
  const scopes = [...new Set(input.scopes)].sort();
  if (expiresAt !== null && expiresAt <= at) {
    const message = 'the expiry must be in the future';
    await repos.audit.record(
      auditAs(actor, at, {
        action: 'api-token.create',
        entity: null,
        patientId: null,
        outcome: 'failed',
        detail: { reason: 'expired' },
      }),
    );
    return { ok: false, code: 'validation-failed', detail: message, issues: [{ path: 'expiresAt', message }] };
  }
  const token = newToken(API_TOKEN_PREFIX);
  const record = await repos.apiTokens.create({
    name: input.name.trim(),
    tokenHash: tokenHash(token),
    scopes,
    createdBy: actor.userId,
    createdAt: at,
    expiresAt,
  });
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'api-token.create',
      entity: `ApiToken/${record.id}`,
      patientId: null,
      outcome: 'success',
      detail: { name: record.name, scopes, expiresAt },
    }),
  );
  return { ok: true, token, record };
}
