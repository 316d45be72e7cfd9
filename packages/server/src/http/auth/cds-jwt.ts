// CDS Hooks 2.0 "Trusting CDS Clients": the EHR sends `Authorization: Bearer <JWT>`, signed with a
// key of its registered JWKS (never a key the token points to: `jku` is not fetched), with `iss` its
// registered issuer, `aud` this service's endpoint, `exp` at most 5 minutes ahead, `iat` and a
// `jti` used once. Every refusal is a 401 whose detail says which check failed.
import type { FastifyRequest } from 'fastify';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import type { CdsClient, CdsClientRegistry } from '../deps.js';
import { KnotworkError } from '../knotwork-error.js';
import type { Authenticator, CdsClientPrincipal } from './authenticate.js';
import type { ReplayCache } from './replay-cache.js';

/** The spec's ES384 and RS384, and their 256-bit siblings that EHRs also use. */
export const CDS_JWT_ALGORITHMS = ['ES384', 'RS384', 'ES256', 'RS256'] as const;

export interface CdsJwtOptions {
  readonly registry: CdsClientRegistry;
  readonly replay: ReplayCache;
  /** `https://host` with no trailing slash; `aud` is this plus the service path. */
  readonly publicBaseUrl: string;
  /** Real time, epoch ms. */
  readonly now: () => number;
  readonly maxLifetimeSeconds?: number;
  readonly clockToleranceSeconds?: number;
}

const JWS_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function refuse(detail: string): never {
  throw new KnotworkError('unauthenticated', detail, {
    headers: { 'www-authenticate': 'Bearer realm="knotwork", error="invalid_token"' },
  });
}

const quote = (value: unknown): string => JSON.stringify(value)?.slice(0, 200) ?? String(value);

/** The `aud` values a route accepts: the service's endpoint (and, for feedback, its own URL). */
export function expectedAudiences(publicBaseUrl: string, routeUrl: string): string[] {
  const service = routeUrl.replace(/\/feedback$/, '');
  return service === routeUrl ? [publicBaseUrl + service] : [publicBaseUrl + service, publicBaseUrl + routeUrl];
}

function explain(error: unknown, client: CdsClient, audiences: readonly string[], claims: JWTPayload): string {
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return `the signature does not verify with the keys registered for ${client.issuer}`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return `no key registered for ${client.issuer} matches the token's kid and alg`;
  }
  if (error instanceof errors.JWTExpired) {
    return error.claim === 'exp'
      ? `the token expired at ${new Date((claims.exp ?? 0) * 1000).toISOString()}`
      : `the token was issued (iat) too long ago`;
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `the token has no "${error.claim}" claim`;
    if (error.claim === 'aud') return `aud must be ${audiences.join(' or ')}, not ${quote(claims.aud)}`;
    if (error.claim === 'iat') return 'iat is in the future';
    return `the "${error.claim}" claim does not check: ${error.message}`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return error.message;
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) {
    return `malformed JWT: ${error.message}`;
  }
  if (error instanceof errors.JOSEError) return `the token does not verify: ${error.message}`;
  throw error;
}

export function cdsJwtAuthenticator(options: CdsJwtOptions): Authenticator {
  const maxLifetime = options.maxLifetimeSeconds ?? 300;
  const tolerance = options.clockToleranceSeconds ?? 30;
  const algorithms: readonly string[] = CDS_JWT_ALGORITHMS;
  const keySets = new WeakMap<object, ReturnType<typeof createLocalJWKSet>>();
  const keySetOf = (client: CdsClient): ReturnType<typeof createLocalJWKSet> => {
    let set = keySets.get(client.jwks);
    if (!set) keySets.set(client.jwks, (set = createLocalJWKSet(client.jwks)));
    return set;
  };

  const authenticate = async (request: FastifyRequest): Promise<CdsClientPrincipal | undefined> => {
    const header = request.headers.authorization;
    if (header === undefined) return undefined;
    const match = /^Bearer +(\S+)$/i.exec(header);
    if (!match?.[1]) refuse('the Authorization header must be "Bearer <JWT>"');
    const token = match[1];
    if (!JWS_SHAPE.test(token)) refuse('malformed JWT: a JWT is three base64url parts separated by dots');

    let alg: unknown;
    let claims: JWTPayload;
    try {
      alg = decodeProtectedHeader(token).alg;
      claims = decodeJwt(token);
    } catch (error) {
      return refuse(`malformed JWT: ${(error as Error).message}`);
    }
    if (typeof alg !== 'string' || !algorithms.includes(alg)) {
      refuse(`alg ${quote(alg)} is not accepted: sign with ${algorithms.join(', ')}`);
    }
    if (typeof claims.iss !== 'string' || claims.iss === '') refuse('the token has no "iss" claim');
    const client = await options.registry.find(claims.iss);
    if (!client) refuse(`iss ${quote(claims.iss)} is not a registered CDS client`);
    if (!client.active) refuse(`the CDS client ${quote(client.issuer)} is deactivated`);

    const now = options.now();
    const audiences = expectedAudiences(options.publicBaseUrl, request.routeOptions.url ?? request.url);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySetOf(client), {
        algorithms: [...algorithms],
        issuer: client.issuer,
        audience: audiences,
        currentDate: new Date(now),
        clockTolerance: tolerance,
        maxTokenAge: maxLifetime,
        requiredClaims: ['exp', 'iat', 'jti'],
      }));
    } catch (error) {
      return refuse(explain(error, client, audiences, claims));
    }
    const { exp, iat, jti } = payload as Required<Pick<JWTPayload, 'exp' | 'iat'>> & JWTPayload;
    if (exp - iat > maxLifetime) refuse(`the token lives ${exp - iat} s (exp - iat); at most ${maxLifetime} s`);
    if (exp * 1000 - now > (maxLifetime + tolerance) * 1000) refuse(`exp is more than ${maxLifetime} s ahead`);
    if (typeof jti !== 'string' || jti === '') refuse('jti must be a non-empty string');

    const claim = await options.replay.claim(`${client.issuer} ${jti}`, (exp + tolerance) * 1000, now);
    if (claim === 'replayed') refuse(`jti ${quote(jti)} was already used: each token is good for one call`);
    if (claim === 'full') {
      throw new KnotworkError('rate-limited', 'too many CDS tokens are in flight; retry shortly', {
        headers: { 'retry-after': '5' },
      });
    }
    return { kind: 'cds-client', clinicId: client.clinicId, issuer: client.issuer, tokenId: jti };
  };

  return {
    method: 'cds-jwt',
    expects: 'Authorization: Bearer <JWT> signed by a registered CDS client (CDS Hooks 2.0)',
    authenticate,
  };
}
