// Registering an EHR that may call the CDS Hooks service (CDS Hooks 2.0 "Trusting CDS Clients"):
// its JWT issuer, unique across clinics, and its public keys as a JWK Set. A set holding private
// key material is refused: the server must never keep an EHR's private key.
import { sql } from 'drizzle-orm';
import { appendAudit, schema, sqlStateOf, SQLSTATE, type Database } from '../db/index.js';
import { findClinic } from './find-clinic.js';

export type RegisterCdsClientFailure = 'unknown-clinic' | 'invalid-issuer' | 'invalid-jwks' | 'duplicate-issuer';

export type RegisterCdsClientResult =
  | { readonly ok: true; readonly clientId: string }
  | { readonly ok: false; readonly code: RegisterCdsClientFailure; readonly message: string };

/** JWK members that only private or symmetric keys have (RFC 7518 section 6). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** Why `jwks` is not a JWK Set of public keys, or undefined when it is one. */
export function jwksProblem(jwks: unknown): string | undefined {
  if (jwks === null || typeof jwks !== 'object' || Array.isArray(jwks))
    return 'a JWK Set is an object { "keys": [...] }';
  const keys = (jwks as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0) return 'a JWK Set needs a non-empty "keys" list';
  for (const [i, key] of keys.entries()) {
    if (key === null || typeof key !== 'object' || Array.isArray(key)) return `keys[${i}] is not a JWK object`;
    const jwk = key as Record<string, unknown>;
    if (typeof jwk['kty'] !== 'string') return `keys[${i}] has no "kty"`;
    const secret = PRIVATE_MEMBERS.find((m) => Object.hasOwn(jwk, m));
    if (secret) return `keys[${i}] holds private or secret key material ("${secret}"): register the public key only`;
  }
  return undefined;
}

export async function registerCdsClient(
  database: Database,
  input: {
    readonly clinicId: string;
    readonly issuer: string;
    readonly jwks: unknown;
    readonly name?: string;
    readonly at?: number;
  },
): Promise<RegisterCdsClientResult> {
  const fail = (code: RegisterCdsClientFailure, message: string): RegisterCdsClientResult => ({
    ok: false,
    code,
    message,
  });
  const issuer = input.issuer.trim();
  if (issuer.length === 0 || /\s/.test(issuer))
    return fail('invalid-issuer', 'the issuer is the JWT "iss": one word, usually a URL');
  const problem = jwksProblem(input.jwks);
  if (problem) return fail('invalid-jwks', problem);
  const duplicate = () => fail('duplicate-issuer', `an EHR with the issuer ${issuer} is registered already`);
  try {
    return await database.asSystem(async (tx): Promise<RegisterCdsClientResult> => {
      const clinic = await findClinic(tx, { clinicId: input.clinicId });
      if (!clinic.ok) return fail('unknown-clinic', clinic.message);
      const taken = await tx
        .select({ id: schema.cdsClients.id })
        .from(schema.cdsClients)
        .where(sql`${schema.cdsClients.issuer} = ${issuer}`);
      if (taken.length > 0) return duplicate();
      const [row] = await tx
        .insert(schema.cdsClients)
        .values({ clinicId: clinic.id, issuer, name: input.name?.trim() || issuer, jwks: input.jwks })
        .returning({ id: schema.cdsClients.id });
      if (!row) throw new Error('the CDS client was not registered');
      await appendAudit(tx, {
        clinicId: clinic.id,
        actor: null,
        actorKind: 'system',
        action: 'cds-client.register',
        entity: `CdsClient/${row.id}`,
        patientId: null,
        at: input.at ?? Date.now(),
        from: null,
        outcome: 'success',
        detail: { issuer, keys: (input.jwks as { keys: unknown[] }).keys.length },
      });
      return { ok: true, clientId: row.id };
    });
  } catch (error) {
    if (sqlStateOf(error) === SQLSTATE.uniqueViolation) return duplicate();
    throw error;
  }
}
