// Clinics and who may act for them: users, server-side sessions, API tokens, CDS Hooks clients,
// and the clinic's versioned settings.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, holds, id, oneOf, revision, sameClinic, timestamptz, updatedAt } from './columns.js';
import { USER_ROLES } from './vocab.js';

export const clinics = pgTable('clinics', {
  id: id(),
  name: text('name').notNull(),
  /** Demo logins exist only in a demo clinic (issue 3, item 4). */
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  revision: revision(),
});

/** The clinic that owns the row; row-level security keys on it. */
export const clinicId = () =>
  uuid('clinic_id')
    .notNull()
    .references(() => clinics.id);

export const users = pgTable(
  'users',
  {
    id: id(),
    clinicId: clinicId(),
    /** Unique across clinics (case-insensitively): login finds the account by email alone. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    /** An argon2id PHC string ($argon2id$v=19$...). */
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamptz('locked_until'),
    /** Base32 TOTP secret; null until the second factor is enrolled. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamptz('totp_enabled_at'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamptz('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    unique('users_clinic_id_id_key').on(t.clinicId, t.id),
    oneOf('users_role_check', t.role, USER_ROLES),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    clinicId: clinicId(),
    /** SHA-256 (hex) of the cookie's random token; the token itself is never stored. */
    idHash: text('id_hash').notNull(),
    userId: uuid('user_id').notNull(),
    /** The synchroniser token cookie-authenticated writes must send back in a header (CSRF). */
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    /** Absolute expiry; the idle expiry is last_seen_at plus the configured idle time. */
    expiresAt: timestamptz('expires_at').notNull(),
    /** Set once the second factor (TOTP) has been passed in this session. */
    secondFactorAt: timestamptz('second_factor_at'),
    remoteAddress: text('remote_address'),
    userAgent: text('user_agent'),
  },
  (t) => [
    uniqueIndex('sessions_id_hash_key').on(t.idHash),
    index('sessions_user_idx').on(t.clinicId, t.userId),
    index('sessions_expires_idx').on(t.expiresAt),
    sameClinic('sessions_user_fk', [t.clinicId, t.userId], [users.clinicId, users.id]),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    clinicId: clinicId(),
    name: text('name').notNull(),
    /** SHA-256 (hex) of the token; shown once at creation, never stored in clear. */
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    lastUsedAt: timestamptz('last_used_at'),
    expiresAt: timestamptz('expires_at'),
    revokedAt: timestamptz('revoked_at'),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash),
    sameClinic('api_tokens_created_by_fk', [t.clinicId, t.createdBy], [users.clinicId, users.id]),
    sameClinic('api_tokens_revoked_by_fk', [t.clinicId, t.revokedBy], [users.clinicId, users.id]),
  ],
);

/** EHRs allowed to call the CDS Hooks service: a JWT's `iss` names one, checked with its keys. */
export const cdsClients = pgTable(
  'cds_clients',
  {
    id: id(),
    clinicId: clinicId(),
    /** The JWT `iss`; unique across clinics, since the issuer alone picks the clinic. */
    issuer: text('issuer').notNull(),
    name: text('name').notNull(),
    /** The client's public keys as a JWK Set ({ "keys": [...] }). */
    jwks: jsonb('jwks').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [uniqueIndex('cds_clients_issuer_key').on(t.issuer)],
);

/**
 * The clinic's settings, one row per change (the current one has the highest settings_version):
 * the screening policy values and their version label, the follow-up schedule, the observation time.
 */
export const clinicSettings = pgTable(
  'clinic_settings',
  {
    id: id(),
    clinicId: clinicId(),
    settingsVersion: integer('settings_version').notNull(),
    /** The screening policy's version label, as cards cite it. */
    policyVersion: text('policy_version').notNull(),
    policyValues: jsonb('policy_values').notNull(),
    followUpSchedule: jsonb('follow_up_schedule').notNull(),
    observationMinutes: integer('observation_minutes').notNull(),
    /** The repeat-eligibility rule pack ({ packId, rules? }, @knotwork/core outcomes); null: the default pack. */
    eligibilityPack: jsonb('eligibility_pack'),
    changedBy: uuid('changed_by'),
    changeReason: text('change_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('clinic_settings_version_key').on(t.clinicId, t.settingsVersion),
    holds('clinic_settings_observation_minutes_check', sql`${t.observationMinutes} >= 0`),
    sameClinic('clinic_settings_changed_by_fk', [t.clinicId, t.changedBy], [users.clinicId, users.id]),
  ],
);
