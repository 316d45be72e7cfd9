// What clinic administration needs from storage, in the clinic's transaction (row-level security):
// the clinic's accounts, its API tokens and its audit log. `ApiTokenLookup` is the one system store
// here: a bearer token is found by its hash before the clinic is known.
import type { AuditEvent } from '../../audit-event.js';
import type { ApiScope } from '../auth/api-scopes.js';
import type { Role, UserRecord } from '../auth/auth-ports.js';

/** An account as its clinic sees it: with a TOTP secret still being enrolled (not yet a second factor). */
export interface ClinicUser extends UserRecord {
  readonly pendingTotpSecret: string | null;
}

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
}

/** Fields an admin or the account's owner changes; `totp: null` removes the second factor. */
export interface UserChange {
  readonly active?: boolean;
  readonly passwordHash?: string;
  readonly mustChangePassword?: boolean;
  /** Clears failed sign-ins and the lockout. */
  readonly unlock?: true;
  readonly totp?: { readonly secret: string; readonly enabled: boolean } | null;
}

export interface ClinicUserStore {
  /** The clinic's accounts, by email. */
  list(): Promise<readonly ClinicUser[]>;
  get(id: string): Promise<ClinicUser | undefined>;
  /** Emails are unique across clinics, case-insensitively. */
  create(user: NewUser): Promise<ClinicUser | 'duplicate-email'>;
  update(id: string, change: UserChange): Promise<ClinicUser | undefined>;
  /** Ends the user's sessions (but `exceptSessionId`); answers how many ended. */
  endSessions(userId: string, exceptSessionId?: string): Promise<number>;
  /** Demo logins exist only in a demo clinic. */
  isDemoClinic(): Promise<boolean>;
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly clinicId: string;
  readonly name: string;
  /** SHA-256 (hex) of the token; the token is shown once and never stored. */
  readonly tokenHash: string;
  readonly scopes: readonly ApiScope[];
  readonly createdBy: string | null;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
  readonly revokedBy: string | null;
}

export type NewApiToken = Pick<
  ApiTokenRecord,
  'name' | 'tokenHash' | 'scopes' | 'createdBy' | 'createdAt' | 'expiresAt'
>;

export interface ApiTokenStore {
  create(token: NewApiToken): Promise<ApiTokenRecord>;
  /** Newest first. */
  list(): Promise<readonly ApiTokenRecord[]>;
  /** Marks the token revoked (a revoked token keeps its first revocation). */
  revoke(id: string, by: string, at: number): Promise<ApiTokenRecord | undefined>;
}

/** As system: the bearer's token by its hash, across clinics. */
export interface ApiTokenLookup {
  findByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  recordUse(id: string, at: number): Promise<void>;
}

export interface AuditQuery {
  /** Epoch ms, inclusive. */
  readonly from?: number | undefined;
  /** Epoch ms, exclusive. */
  readonly to?: number | undefined;
  readonly actor?: string | undefined;
  readonly action?: string | undefined;
  readonly patientId?: string | undefined;
  /** Opaque, from the previous page's `next`. */
  readonly cursor?: string | undefined;
  readonly limit: number;
}

export interface AuditEntry extends AuditEvent {
  /** Insertion order: newest first in pages. */
  readonly id: number;
  /** Position in the hash chain; null until the sealer reaches the row. */
  readonly chainSeq: number | null;
  readonly sealed: boolean;
}

export interface AuditReader {
  /** The clinic's rows, newest first, a page at a time (keyset on id). */
  page(query: AuditQuery): Promise<{ readonly items: readonly AuditEntry[]; readonly next: string | null }>;
}

/** The audit cursor: the last row's id, base64url; anything else raises InvalidCursorError. */
export const auditCursor = {
  encode: (id: number): string => Buffer.from(String(id), 'utf8').toString('base64url'),
  decode: (cursor: string): number | undefined => {
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    return /^[1-9]\d{0,15}$/.test(text) ? Number(text) : undefined;
  },
};
