// Builds the app for `fastify.inject` tests with in-memory twins, a registered EHR client with a
// fresh ES384 key pair, and a signer for that client's JWTs.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { memoryAuditSink } from '../../audit-event.js';
import { systemClock } from '../../clock.js';
import { buildApp } from '../build-app.js';
import { TPI_SERVICE_PATH } from '../cds/discovery.js';
import type { AppDeps, CdsClient } from '../deps.js';
import { memoryCdsClientRegistry, memoryScreenStore, staticPolicies } from '../memory-deps.js';

export const BASE = 'https://tpi.example.test';
export const ISSUER = 'https://ehr.example.test';
export const CLINIC = 'clinic-a';
export const SERVICE_URL = BASE + TPI_SERVICE_PATH;

export interface KeyPair {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  readonly alg: string;
}

export async function newKeyPair(alg = 'ES384', kid: string = randomUUID()): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }, alg };
}

let sharedKey: Promise<KeyPair> | undefined;
export const clientKey = (): Promise<KeyPair> => (sharedKey ??= newKeyPair());

export interface SignOptions {
  readonly key?: KeyPair;
  readonly claims?: JWTPayload;
  /** Claims to leave out. */
  readonly omit?: readonly string[];
  readonly now?: number;
  readonly lifetimeSeconds?: number;
}

export async function signToken(options: SignOptions = {}): Promise<string> {
  const key = options.key ?? (await clientKey());
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const claims: JWTPayload = {
    iss: ISSUER,
    sub: 'ehr-client-id',
    aud: SERVICE_URL,
    iat: now,
    exp: now + (options.lifetimeSeconds ?? 120),
    jti: randomUUID(),
    ...options.claims,
  };
  for (const name of options.omit ?? []) delete claims[name];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, typ: 'JWT', ...(key.publicJwk.kid ? { kid: key.publicJwk.kid } : {}) })
    .sign(key.privateKey);
}

export interface TestRig {
  readonly app: FastifyInstance;
  readonly audit: ReturnType<typeof memoryAuditSink>;
  readonly store: ReturnType<typeof memoryScreenStore>;
  /** POSTs JSON with a fresh valid token unless `token` is given (null: no Authorization header). */
  post(
    url: string,
    body: unknown,
    more?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
}

export async function buildTestApp(
  overrides: Partial<AppDeps> & { readonly clients?: readonly CdsClient[] } = {},
): Promise<TestRig> {
  const key = await clientKey();
  const audit = memoryAuditSink();
  const store = memoryScreenStore();
  const clients = overrides.clients ?? [
    { issuer: ISSUER, clinicId: CLINIC, jwks: { keys: [key.publicJwk] }, active: true },
  ];
  const app = await buildApp({
    clock: systemClock,
    audit,
    cdsClients: memoryCdsClientRegistry(clients),
    policyFor: staticPolicies(),
    publicBaseUrl: BASE,
    storeScreen: store.store,
    ...overrides,
  });
  const post = async (
    url: string,
    body: unknown,
    more: { token?: string | null; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> => {
    const token = more.token === undefined ? await signToken() : more.token;
    const request: InjectOptions = {
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...more.headers,
      },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    };
    return app.inject(request);
  };
  return { app, audit, store, post };
}

/** Asserts nothing; returns the problem body of a response, for expectations. */
export function problemOf(response: LightMyRequestResponse): {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: { path: string; message: string; code?: string }[];
  blockers?: { code: string; step: string; message: string }[];
} {
  return response.json();
}
