// UserStore on the database, as system: sign-in finds the account by email before it knows the
// clinic. Emails are unique case-insensitively (the users_email_key index on lower(email)).
// Sign-in bookkeeping does not bump the account's revision: an admin's edit is not made stale by
// somebody signing in.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { internalsOf, type Statement } from '../../db/database-internals.js';
import { users } from '../../db/schema.js';
import type { UserRecord, UserStore } from '../auth/auth-ports.js';
import { epochMsOrNull, isUuid } from './rows.js';

export function userRecordOf(row: typeof users.$inferSelect): UserRecord {
  return {
    id: row.id,
    clinicId: row.clinicId,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    passwordHash: row.passwordHash,
    active: row.active,
    failedLogins: row.failedLoginCount,
    lockedUntil: epochMsOrNull(row.lockedUntil),
    // A secret still being enrolled is not a second factor yet.
    totpSecret: row.totpEnabledAt === null ? null : row.totpSecret,
    mustChangePassword: row.mustChangePassword,
  };
}

/** The columns of a UserRecord from `alias` (users), for statements sent without drizzle. */
export const USER_RECORD_COLUMNS = (alias: string) =>
  `${alias}.id as user_id, ${alias}.clinic_id as user_clinic_id, ${alias}.email, ${alias}.display_name,
   ${alias}.role, ${alias}.password_hash, ${alias}.active, ${alias}.failed_login_count,
   floor(extract(epoch from ${alias}.locked_until) * 1000)::float8 as locked_until_ms,
   ${alias}.totp_secret, ${alias}.totp_enabled_at is not null as totp_enabled, ${alias}.must_change_password`;

export interface RawUserRow {
  user_id: string;
  user_clinic_id: string;
  email: string;
  display_name: string;
  role: UserRecord['role'];
  password_hash: string;
  active: boolean;
  failed_login_count: number;
  locked_until_ms: number | null;
  totp_secret: string | null;
  totp_enabled: boolean;
  must_change_password: boolean;
}

/** The same record as userRecordOf, from the columns of USER_RECORD_COLUMNS. */
export function userRecordOfRaw(row: RawUserRow): UserRecord {
  return {
    id: row.user_id,
    clinicId: row.user_clinic_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    active: row.active,
    failedLogins: row.failed_login_count,
    lockedUntil: row.locked_until_ms === null ? null : Number(row.locked_until_ms),
    totpSecret: row.totp_enabled ? row.totp_secret : null,
    mustChangePassword: row.must_change_password,
  };
}

const USER_BY_ID: Statement = {
  name: 'knotwork_user_by_id',
  text: `select ${USER_RECORD_COLUMNS('u')} from users u where u.id = $1`,
};

export function userStore(database: Database): UserStore {
  const { systemQuery } = internalsOf(database);
  const findOne = (where: SQL) =>
    database.asSystem(async (tx) => {
      const [row] = await tx.select().from(users).where(where);
      return row ? userRecordOf(row) : undefined;
    });
  return {
    findByEmail: (email) => findOne(sql`lower(${users.email}) = lower(${email.trim()})`),
    // One statement outside a transaction, like the session check.
    findById: async (id) => {
      if (!isUuid(id)) return undefined;
      const [row] = await systemQuery<RawUserRow>(USER_BY_ID, [id]);
      return row ? userRecordOfRaw(row) : undefined;
    },
    recordFailedLogin: async (userId, failedLogins, lockedUntil) => {
      if (!isUuid(userId)) return;
      await database.asSystem((tx) =>
        tx
          .update(users)
          .set({ failedLoginCount: failedLogins, lockedUntil: lockedUntil === null ? null : new Date(lockedUntil) })
          .where(eq(users.id, userId)),
      );
    },
    recordLogin: async (userId, at) => {
      if (!isUuid(userId)) return;
      await database.asSystem((tx) =>
        tx
          .update(users)
          .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date(at) })
          .where(eq(users.id, userId)),
      );
    },
  };
}
