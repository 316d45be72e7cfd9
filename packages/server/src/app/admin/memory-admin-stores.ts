// In-memory twins of the administration stores, over the twin's shared maps, showing one clinic's
// rows only (as row-level security does). The database's versions are in ../db-repositories/.
import type { AuditEvent } from '../../audit-event.js';
import type { SessionRecord, UserRecord } from '../auth/auth-ports.js';
import { InvalidCursorError } from '../db-repositories/invalid-cursor.js';
import {
  auditCursor,
  type ApiTokenLookup,
  type ApiTokenRecord,
  type ApiTokenStore,
  type AuditReader,
  type ClinicUser,
  type ClinicUserStore,
} from './admin-ports.js';

export interface AdminState {
  readonly users: Map<string, UserRecord>;
  readonly sessions: Map<string, SessionRecord>;
  /** TOTP secrets enrolled but not yet confirmed, by user id. */
  readonly pendingTotp: Map<string, string>;
  readonly apiTokens: Map<string, ApiTokenRecord>;
  readonly demoClinics: Set<string>;
  readonly audit: readonly AuditEvent[];
}

export function memoryClinicUserStore(state: AdminState, clinicId: string, newId: () => string): ClinicUserStore {
  const view = (u: UserRecord): ClinicUser => ({ ...u, pendingTotpSecret: state.pendingTotp.get(u.id) ?? null });
  const own = (id: string) => {
    const u = state.users.get(id);
    return u?.clinicId === clinicId ? u : undefined;
  };
  return {
    list: () =>
      Promise.resolve(
        [...state.users.values()]
          .filter((u) => u.clinicId === clinicId)
          .sort((a, b) => (a.email.toLowerCase() < b.email.toLowerCase() ? -1 : 1))
          .map(view),
      ),
    get: (id) => {
      const u = own(id);
      return Promise.resolve(u && view(u));
    },
    create: (n) => {
      const email = n.email.toLowerCase();
      if ([...state.users.values()].some((u) => u.email.toLowerCase() === email))
        return Promise.resolve('duplicate-email' as const);
      const user: UserRecord = {
        ...n,
        id: newId(),
        clinicId,
        active: true,
        failedLogins: 0,
        lockedUntil: null,
        totpSecret: null,
      };
      state.users.set(user.id, user);
      return Promise.resolve(view(user));
    },
    update: (id, change) => {
      const u = own(id);
      if (!u) return Promise.resolve(undefined);
      const { totp } = change;
      if (totp !== undefined) {
        if (totp === null || totp.enabled) state.pendingTotp.delete(id);
        else state.pendingTotp.set(id, totp.secret);
      }
      const updated: UserRecord = {
        ...u,
        ...(change.active === undefined ? {} : { active: change.active }),
        ...(change.passwordHash === undefined ? {} : { passwordHash: change.passwordHash }),
        ...(change.mustChangePassword === undefined ? {} : { mustChangePassword: change.mustChangePassword }),
        ...(change.unlock ? { failedLogins: 0, lockedUntil: null } : {}),
        ...(totp === undefined ? {} : { totpSecret: totp?.enabled ? totp.secret : null }),
      };
      state.users.set(id, updated);
      return Promise.resolve(view(updated));
    },
    endSessions: (userId, except) => {
      let ended = 0;
      for (const [id, s] of state.sessions) {
        if (s.userId === userId && s.clinicId === clinicId && id !== except) {
          state.sessions.delete(id);
          ended += 1;
        }
      }
      return Promise.resolve(ended);
    },
    isDemoClinic: () => Promise.resolve(state.demoClinics.has(clinicId)),
  };
}

export function memoryApiTokenStore(state: AdminState, clinicId: string, newId: () => string): ApiTokenStore {
  return {
    create: (t) => {
      const token: ApiTokenRecord = { ...t, id: newId(), clinicId, lastUsedAt: null, revokedAt: null, revokedBy: null };
      state.apiTokens.set(token.id, token);
      return Promise.resolve(token);
    },
    list: () =>
      Promise.resolve(
        [...state.apiTokens.values()]
          .filter((t) => t.clinicId === clinicId)
          .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)),
      ),
    revoke: (id, by, at) => {
      const t = state.apiTokens.get(id);
      if (t?.clinicId !== clinicId) return Promise.resolve(undefined);
      const revoked = t.revokedAt === null ? { ...t, revokedAt: at, revokedBy: by } : t;
      state.apiTokens.set(id, revoked);
      return Promise.resolve(revoked);
    },
  };
}

export function memoryApiTokenLookup(state: AdminState): ApiTokenLookup {
  return {
    findByHash: (hash) => Promise.resolve([...state.apiTokens.values()].find((t) => t.tokenHash === hash)),
    recordUse: (id, at) => {
      const t = state.apiTokens.get(id);
      if (t) state.apiTokens.set(id, { ...t, lastUsedAt: at });
      return Promise.resolve();
    },
  };
}

/** Row ids are positions in the twin's event list (1-based); the twin never seals. */
export function memoryAuditReader(state: AdminState, clinicId: string): AuditReader {
  return {
    page: (q) => {
      const before = q.cursor === undefined ? undefined : auditCursor.decode(q.cursor);
      if (q.cursor !== undefined && before === undefined)
        throw new InvalidCursorError('the audit cursor is not one this server gave');
      const rows = state.audit
        .map((e, i) => ({ ...e, id: i + 1, chainSeq: null, sealed: false }))
        .filter(
          (e) =>
            e.clinicId === clinicId &&
            (before === undefined || e.id < before) &&
            (q.from === undefined || e.at >= q.from) &&
            (q.to === undefined || e.at < q.to) &&
            (q.actor === undefined || e.actor === q.actor) &&
            (q.action === undefined || e.action === q.action) &&
            (q.patientId === undefined || e.patientId === q.patientId),
        )
        .reverse();
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return Promise.resolve({ items, next: rows.length > q.limit && last ? auditCursor.encode(last.id) : null });
    },
  };
}
