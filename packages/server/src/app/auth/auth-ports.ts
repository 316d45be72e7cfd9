// What the sign-in use cases need from storage. The database implements these; tests use the
// in-memory twins in memory-auth-stores.ts, and one contract suite runs against both.
export const ROLES = ['clinician', 'nurse', 'clinic-admin'] as const;
export type Role = (typeof ROLES)[number];

export interface UserRecord {
  readonly id: string;
  readonly clinicId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly active: boolean;
  readonly failedLogins: number;
  /** Epoch ms until which sign-in is refused after too many failures; null when not locked. */
  readonly lockedUntil: number | null;
  /** Base32 TOTP secret when the second factor is on. */
  readonly totpSecret: string | null;
  readonly mustChangePassword: boolean;
}

export interface UserStore {
  /** Across clinics: an email signs in to the clinic it belongs to. */
  findByEmail(email: string): Promise<UserRecord | undefined>;
  findById(id: string): Promise<UserRecord | undefined>;
  recordFailedLogin(userId: string, failedLogins: number, lockedUntil: number | null): Promise<void>;
  recordLogin(userId: string, at: number): Promise<void>;
}

export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly clinicId: string;
  /** SHA-256 of the cookie's token; the token itself is never stored. */
  readonly tokenHash: string;
  /** Sent back in a header on cookie-authenticated writes (synchroniser token). */
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  /** Absolute expiry. */
  readonly expiresAt: number;
}

export interface SessionStore {
  create(session: SessionRecord): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<SessionRecord | undefined>;
  /**
   * Optional: the session and its user (undefined when no such user) in one read, as
   * findByTokenHash then UserStore.findById would answer. Stores without it get the two calls.
   */
  findWithUser?(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord | undefined } | undefined>;
  touch(id: string, at: number): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
}

export interface SessionPolicy {
  readonly idleMs: number;
  readonly absoluteMs: number;
  readonly maxFailedLogins: number;
  readonly lockoutMs: number;
}

/** Idle 30 minutes, absolute 12 hours (a clinic day), 5 failures lock the account for 15 minutes. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  maxFailedLogins: 5,
  lockoutMs: 15 * 60_000,
};
