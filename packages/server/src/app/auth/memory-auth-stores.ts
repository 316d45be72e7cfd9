// In-memory twins of the sign-in stores, for tests and for the contract suite.
import type { SessionRecord, SessionStore, UserRecord, UserStore } from './auth-ports.js';

export function memoryUserStore(
  initial: readonly UserRecord[] = [],
): UserStore & { readonly users: Map<string, UserRecord> } {
  const users = new Map(initial.map((u) => [u.id, u]));
  const update = (id: string, change: Partial<UserRecord>) => {
    const u = users.get(id);
    if (u) users.set(id, { ...u, ...change });
    return Promise.resolve();
  };
  return {
    users,
    // Case-insensitive, as the database's unique index on lower(email).
    findByEmail: (email) =>
      Promise.resolve([...users.values()].find((u) => u.email.toLowerCase() === email.trim().toLowerCase())),
    findById: (id) => Promise.resolve(users.get(id)),
    recordFailedLogin: (id, failedLogins, lockedUntil) => update(id, { failedLogins, lockedUntil }),
    recordLogin: (id) => update(id, { failedLogins: 0, lockedUntil: null }),
  };
}

export function memorySessionStore(): SessionStore & { readonly sessions: Map<string, SessionRecord> } {
  const sessions = new Map<string, SessionRecord>();
  return {
    sessions,
    create: (s) => {
      sessions.set(s.id, s);
      return Promise.resolve();
    },
    findByTokenHash: (hash) => Promise.resolve([...sessions.values()].find((s) => s.tokenHash === hash)),
    touch: (id, at) => {
      const s = sessions.get(id);
      if (s) sessions.set(id, { ...s, lastSeenAt: at });
      return Promise.resolve();
    },
    delete: (id) => {
      sessions.delete(id);
      return Promise.resolve();
    },
    deleteForUser: (userId) => {
      for (const [id, s] of sessions) if (s.userId === userId) sessions.delete(id);
      return Promise.resolve();
    },
  };
}
