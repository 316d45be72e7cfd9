// The audit chain's hashes (issue 3, item 5). A row's hash covers its canonical content, so it can
// be computed at insert without looking at any other row; the chain hash links a row to the one
// sealed before it: chain_hash = SHA-256(previous chain_hash || row_hash), over the raw 32-byte
// digests, starting from 32 zero bytes.
import { createHash } from 'node:crypto';

export const AUDIT_HASH_VERSION = 'knotwork-audit/1';
export const GENESIS_CHAIN_HASH = '0'.repeat(64);

/** What a row's hash covers: every column the event sets (not the id, not the chain columns). */
export interface AuditRowContent {
  readonly clinicId: string | null;
  readonly actor: string | null;
  readonly actorKind: string;
  readonly action: string;
  readonly entity: string | null;
  readonly patientId: string | null;
  /** Epoch milliseconds (whole). */
  readonly at: number;
  readonly fromAddress: string | null;
  readonly outcome: string;
  readonly detail: unknown;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/**
 * JSON with object keys sorted, after a JSON round trip (toJSON applied, undefined dropped), so
 * the value hashed at insert and the jsonb read back (which reorders keys) give the same text.
 */
export function canonicalJson(value: unknown): string {
  const plain: unknown = value === undefined ? null : JSON.parse(JSON.stringify(value) ?? 'null');
  return JSON.stringify(plain, sortedKeys);
}

export function auditRowHash(row: AuditRowContent): string {
  const content = canonicalJson({
    action: row.action,
    actor: row.actor,
    actorKind: row.actorKind,
    at: row.at,
    clinicId: row.clinicId,
    detail: row.detail ?? null,
    entity: row.entity,
    fromAddress: row.fromAddress,
    outcome: row.outcome,
    patientId: row.patientId,
  });
  return createHash('sha256').update(`${AUDIT_HASH_VERSION}\n${content}`).digest('hex');
}

export function auditChainHash(previousChainHash: string, rowHash: string): string {
  return createHash('sha256')
    .update(Buffer.from(previousChainHash, 'hex'))
    .update(Buffer.from(rowHash, 'hex'))
    .digest('hex');
}
