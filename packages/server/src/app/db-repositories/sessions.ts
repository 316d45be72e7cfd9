// SessionStore on the database, as system: a request's session is found by the hash of its cookie
// before the clinic is known. The token itself is never stored; the CSRF token is, because every
// cookie-authenticated write must send it back.
import { eq } from 'drizzle-orm';
import type { Database, KnotworkTx } from '../../db/index.js';
import { sessions, users } from '../../db/schema.js';
import type { SessionRecord, SessionStore } from '../auth/auth-ports.js';
import { isUuid } from './rows.js';
import { userRecordOf } from './users.js';

function sessionOf(row: typeof sessions.$inferSelect): SessionRecord {
  return {
    id: row.id,
    userId: row.userId,
    clinicId: row.clinicId,
    tokenHash: row.idHash,
    csrfToken: row.csrfToken,
    createdAt: row.createdAt.getTime(),
    lastSeenAt: row.lastSeenAt.getTime(),
    expiresAt: row.expiresAt.getTime(),
  };
}

export function sessionStore(database: Database): SessionStore {
  /** An id that is not a uuid names no session: nothing to change. */
  const run = async (id: string, work: (tx: KnotworkTx) => PromiseLike<unknown>) => {
    if (!isUuid(id)) return;
    await database.asSystem(async (tx) => {
      await work(tx);
    });
  };
  return {
    create: async (s) => {
      await database.asSystem((tx) =>
        tx.insert(sessions).values({
          id: s.id,
          clinicId: s.clinicId,
          idHash: s.tokenHash,
          userId: s.userId,
          csrfToken: s.csrfToken,
          createdAt: new Date(s.createdAt),
          lastSeenAt: new Date(s.lastSeenAt),
          expiresAt: new Date(s.expiresAt),
        }),
      );
    },
    findByTokenHash: (tokenHash) =>
      database.asSystem(async (tx) => {
        const [row] = await tx.select().from(sessions).where(eq(sessions.idHash, tokenHash));
        return row ? sessionOf(row) : undefined;
      }),
    // The session and its user in one statement: a request's session check is one round trip.
    findWithUser: (tokenHash) =>
      database.asSystem(async (tx) => {
        const [row] = await tx
          .select({ session: sessions, user: users })
          .from(sessions)
          .leftJoin(users, eq(users.id, sessions.userId))
          .where(eq(sessions.idHash, tokenHash));
        return row
          ? { session: sessionOf(row.session), user: row.user ? userRecordOf(row.user) : undefined }
          : undefined;
      }),
    touch: (id, at) =>
      run(id, (tx) =>
        tx
          .update(sessions)
          .set({ lastSeenAt: new Date(at) })
          .where(eq(sessions.id, id)),
      ),
    delete: (id) => run(id, (tx) => tx.delete(sessions).where(eq(sessions.id, id))),
    deleteForUser: (userId) => run(userId, (tx) => tx.delete(sessions).where(eq(sessions.userId, userId))),
  };
}
