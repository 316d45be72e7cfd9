// UserStore on the database, as system: sign-in finds the account by email before it knows the
// clinic. Emails are unique case-insensitively (the users_email_key index on lower(email)).
// Sign-in bookkeeping does not bump the account's revision: an admin's edit is not made stale by
// somebody signing in.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
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

export function userStore(database: Database): UserStore {
  const findOne = (where: SQL) =>
    database.asSystem(async (tx) => {
      const [row] = await tx.select().from(users).where(where);
      return row ? userRecordOf(row) : undefined;
    });
  return {
    findByEmail: (email) => findOne(sql`lower(${users.email}) = lower(${email.trim()})`),
    findById: (id) => (isUuid(id) ? findOne(eq(users.id, id)) : Promise.resolve(undefined)),
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
