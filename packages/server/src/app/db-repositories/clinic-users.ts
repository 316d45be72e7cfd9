// The clinic's accounts on the database, in the clinic's transaction (row-level security shows its
// users only). Emails are unique across clinics: an insert that meets the unique index does nothing
// (ON CONFLICT DO NOTHING, which does not abort the transaction) and answers 'duplicate-email'.
// An admin's change bumps the account's revision; ending sessions deletes them in the same
// transaction, so a deactivated account's next request is refused.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { clinics, sessions, users } from '../../db/schema.js';
import type { ClinicUser, ClinicUserStore, UserChange } from '../admin/admin-ports.js';
import type { NewId } from './options.js';
import { isUuid } from './rows.js';
import { userRecordOf } from './users.js';

const clinicUserOf = (row: typeof users.$inferSelect): ClinicUser => ({
  ...userRecordOf(row),
  pendingTotpSecret: row.totpEnabledAt === null ? row.totpSecret : null,
});

function columnsOf(change: UserChange, at: Date) {
  const { totp } = change;
  return {
    ...(change.active === undefined ? {} : { active: change.active }),
    ...(change.passwordHash === undefined ? {} : { passwordHash: change.passwordHash }),
    ...(change.mustChangePassword === undefined ? {} : { mustChangePassword: change.mustChangePassword }),
    ...(change.unlock ? { failedLoginCount: 0, lockedUntil: null } : {}),
    ...(totp === undefined ? {} : { totpSecret: totp?.secret ?? null, totpEnabledAt: totp?.enabled ? at : null }),
  };
}

export function clinicUserStore(tx: KnotworkTx, clinicId: string, newId: NewId): ClinicUserStore {
  return {
    list: async () =>
      (
        await tx
          .select()
          .from(users)
          .orderBy(asc(sql`lower(${users.email})`))
      ).map(clinicUserOf),
    get: async (id) => {
      if (!isUuid(id)) return undefined;
      const [row] = await tx.select().from(users).where(eq(users.id, id));
      return row && clinicUserOf(row);
    },
    create: async (n) => {
      const [row] = await tx
        .insert(users)
        .values({ ...(newId ? { id: newId() } : {}), clinicId, ...n })
        .onConflictDoNothing()
        .returning();
      return row ? clinicUserOf(row) : 'duplicate-email';
    },
    update: async (id, change) => {
      if (!isUuid(id)) return undefined;
      const [row] = await tx
        .update(users)
        .set({ ...columnsOf(change, new Date()), revision: sql`${users.revision} + 1`, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning();
      return row && clinicUserOf(row);
    },
    endSessions: async (userId, except) => {
      if (!isUuid(userId)) return 0;
      const mine = eq(sessions.userId, userId);
      const where = except !== undefined && isUuid(except) ? and(mine, ne(sessions.id, except)) : mine;
      return (await tx.delete(sessions).where(where).returning({ id: sessions.id })).length;
    },
    isDemoClinic: async () => {
      const [row] = await tx.select({ isDemo: clinics.isDemo }).from(clinics).where(eq(clinics.id, clinicId));
      return row?.isDemo ?? false;
    },
  };
}
