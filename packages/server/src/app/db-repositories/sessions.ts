// SessionStore on the database, as system: a request's session is found by the hash of its cookie
// before the clinic is known. The token itself is never stored; the CSRF token is, because every
// cookie-authenticated write must send it back.
//
// Every request's session check is findWithUser: one prepared statement outside any transaction
// (a single SELECT sees one snapshot on its own), so it costs one round trip and no BEGIN/COMMIT.
// Nothing is cached: a sign-out, an expiry or a deactivation holds from the next request, in
// every server process.
import { eq } from 'drizzle-orm';
import type { Database, KnotworkTx } from '../../db/index.js';
import { internalsOf, type Statement } from '../../db/database-internals.js';
import { sessions } from '../../db/schema.js';
import type { SessionRecord, SessionStore, UserRecord } from '../auth/auth-ports.js';
import { isUuid } from './rows.js';
import { USER_RECORD_COLUMNS, userRecordOfRaw, type RawUserRow } from './users.js';

/** Timestamps as epoch milliseconds (what Date.getTime() of the driver's Date would give). */
const ms = (column: string) => `floor(extract(epoch from ${column}) * 1000)::float8`;

const SESSION_COLUMNS = `s.id as session_id, s.user_id as session_user_id, s.clinic_id as session_clinic_id,
      s.id_hash, s.csrf_token, ${ms('s.created_at')} as created_at_ms, ${ms('s.last_seen_at')} as last_seen_at_ms,
      ${ms('s.expires_at')} as expires_at_ms`;

const SESSION_BY_HASH: Statement = {
  name: 'knotwork_session_by_hash',
  text: `select ${SESSION_COLUMNS} from sessions s where s.id_hash = $1`,
};

const SESSION_WITH_USER: Statement = {
  name: 'knotwork_session_with_user',
  text: `select ${SESSION_COLUMNS}, u.id is not null as user_found, ${USER_RECORD_COLUMNS('u')}
    from sessions s left join users u on u.id = s.user_id
    where s.id_hash = $1`,
};

interface RawSession {
  session_id: string;
  session_user_id: string;
  session_clinic_id: string;
  id_hash: string;
  csrf_token: string;
  created_at_ms: number;
  last_seen_at_ms: number;
  expires_at_ms: number;
}

interface RawSessionRow extends RawSession, RawUserRow {
  user_found: boolean;
}

function sessionOfRaw(row: RawSession): SessionRecord {
  return {
    id: row.session_id,
    userId: row.session_user_id,
    clinicId: row.session_clinic_id,
    tokenHash: row.id_hash,
    csrfToken: row.csrf_token,
    createdAt: Number(row.created_at_ms),
    lastSeenAt: Number(row.last_seen_at_ms),
    expiresAt: Number(row.expires_at_ms),
  };
}

function sessionWithUserOf(row: RawSessionRow): { session: SessionRecord; user: UserRecord | undefined } {
  return { session: sessionOfRaw(row), user: row.user_found ? userRecordOfRaw(row) : undefined };
}

export function sessionStore(database: Database): SessionStore {
  const { systemQuery } = internalsOf(database);
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
    findByTokenHash: async (tokenHash) => {
      const [row] = await systemQuery<RawSession>(SESSION_BY_HASH, [tokenHash]);
      return row ? sessionOfRaw(row) : undefined;
    },
    // The session and its user in one statement, outside a transaction: one round trip.
    findWithUser: async (tokenHash) => {
      const [row] = await systemQuery<RawSessionRow>(SESSION_WITH_USER, [tokenHash]);
      return row ? sessionWithUserOf(row) : undefined;
    },
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
