// API tokens for system clients (issue 3, item 3): `Authorization: Bearer kwt_<256 random bits>`.
// The prefix and the absence of dots tell them from CDS Hooks JWTs (list 'api-token' before
// 'cds-jwt' on a route that takes both). The token is found by its SHA-256 as system (its clinic
// is not known before); an unknown, revoked or expired token is 401 with the reason. Last use is
// recorded at most once a minute per token, so reads do not each write.
import type { FastifyRequest } from 'fastify';
import type { ApiTokenLookup } from '../../app/admin/admin-ports.js';
import { API_TOKEN_PREFIX } from '../../app/auth/api-scopes.js';
import { tokenHash } from '../../app/auth/session-token.js';
import { KnotworkError } from '../knotwork-error.js';
import type { ApiTokenPrincipal, Authenticator } from './authenticate.js';

const USE_RECORDING_MS = 60_000;
const BEARER = /^Bearer\s+(kwt_\S*)$/i;

export function apiTokenAuthenticator(options: {
  readonly tokens: ApiTokenLookup;
  readonly now: () => number;
}): Authenticator {
  const refuse = (detail: string) =>
    new KnotworkError('unauthenticated', detail, { headers: { 'www-authenticate': 'Bearer realm="knotwork"' } });
  const authenticate = async (request: FastifyRequest): Promise<ApiTokenPrincipal | undefined> => {
    const match = BEARER.exec(request.headers.authorization?.trim() ?? '');
    const token = match?.[1];
    if (token === undefined || !token.startsWith(API_TOKEN_PREFIX)) return undefined;
    const found = await options.tokens.findByHash(tokenHash(token));
    if (!found) throw refuse('the API token is not one this server issued');
    const now = options.now();
    if (found.revokedAt !== null)
      throw refuse(`the API token "${found.name}" was revoked at ${new Date(found.revokedAt).toISOString()}`);
    if (found.expiresAt !== null && found.expiresAt <= now)
      throw refuse(`the API token "${found.name}" expired at ${new Date(found.expiresAt).toISOString()}`);
    if (found.lastUsedAt === null || now - found.lastUsedAt >= USE_RECORDING_MS) {
      await options.tokens.recordUse(found.id, now);
    }
    return { kind: 'api-token', clinicId: found.clinicId, tokenId: found.id, name: found.name, scopes: found.scopes };
  };
  return { method: 'api-token', expects: `Authorization: Bearer ${API_TOKEN_PREFIX}... (an API token)`, authenticate };
}
