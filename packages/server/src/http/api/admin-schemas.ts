// The zod schemas of accounts, API tokens and the audit log as the API shows them: never a password
// hash, a TOTP secret or a token (a token is answered once, at creation).
import { z } from 'zod';
import type { ApiTokenRecord, AuditEntry, ClinicUser } from '../../app/admin/admin-ports.js';
import { API_SCOPES } from '../../app/auth/api-scopes.js';
import { ROLES } from '../../app/auth/auth-ports.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** User ids are the database's uuids; the in-memory twin's test users have short ids. */
export const UserIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const UserView = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    active: z.boolean(),
    locked: z.boolean().describe('Refusing sign-ins after repeated failures'),
    totp: z.enum(['off', 'pending', 'on']),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'User' });

export const userView = (u: ClinicUser, now: number): z.infer<typeof UserView> => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  active: u.active,
  locked: u.lockedUntil !== null && u.lockedUntil > now,
  totp: u.totpSecret !== null ? 'on' : u.pendingTotpSecret !== null ? 'pending' : 'off',
  mustChangePassword: u.mustChangePassword,
});

export const NewUserBody = z
  .strictObject({
    email: z.string().trim().min(3).max(254),
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    password: z.string().min(1).max(1024).describe('At least 12 characters (NIST SP 800-63B length rule)'),
    mustChangePassword: z.boolean().default(true).describe('Ask for a new password at the first sign-in'),
  })
  .meta({ id: 'NewUser' });

export const ApiTokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(API_SCOPES)),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable().describe('Recorded at most once a minute'),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiToken' });

export const tokenView = (t: ApiTokenRecord, now: number): z.infer<typeof ApiTokenView> => ({
  id: t.id,
  name: t.name,
  scopes: [...t.scopes],
  createdBy: t.createdBy,
  createdAt: new Date(t.createdAt).toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  expiresAt: iso(t.expiresAt),
  revokedAt: iso(t.revokedAt),
  status: t.revokedAt !== null ? 'revoked' : t.expiresAt !== null && t.expiresAt <= now ? 'expired' : 'active',
});

export const NewApiTokenBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).describe('Which client holds it, e.g. "reporting export"'),
    scopes: z.array(z.enum(API_SCOPES)).min(1).max(API_SCOPES.length),
    expiresAt: z.iso.datetime({ offset: true }).optional().describe('No expiry when absent'),
  })
  .meta({ id: 'NewApiToken' });

export const AuditQueryString = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional().describe('Inclusive'),
  to: z.iso.datetime({ offset: true }).optional().describe('Exclusive'),
  actor: z.string().min(1).max(200).optional().describe('A user id, API token id or CDS issuer'),
  action: z.string().min(1).max(100).optional(),
  patientId: z.string().min(1).max(64).optional(),
  cursor: z.string().min(1).max(200).optional().describe('From the previous page’s next'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AuditEntryView = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actor: z.string().nullable(),
    actorKind: z.enum(['user', 'api-token', 'cds-client', 'system', 'anonymous', 'patient']),
    action: z.string(),
    entity: z.string().nullable(),
    patientId: z.string().nullable(),
    from: z.string().nullable(),
    outcome: z.enum(['success', 'denied', 'failed']),
    detail: z.record(z.string(), z.unknown()).nullable(),
    chainSeq: z.number().int().nullable().describe('Position in the hash chain; null until sealed'),
    sealed: z.boolean(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditPage = z
  .object({ items: z.array(AuditEntryView), next: z.string().nullable() })
  .meta({ id: 'AuditPage' });

export const auditEntryView = (e: AuditEntry): z.infer<typeof AuditEntryView> => ({
  id: e.id,
  at: new Date(e.at).toISOString(),
  actor: e.actor,
  actorKind: e.actorKind,
  action: e.action,
  entity: e.entity,
  patientId: e.patientId,
  from: e.from,
  outcome: e.outcome,
  detail: e.detail ? { ...e.detail } : null,
  chainSeq: e.chainSeq,
  sealed: e.sealed,
});
