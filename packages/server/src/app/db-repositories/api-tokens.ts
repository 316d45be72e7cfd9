// API tokens on the database: the clinic's (create, list, revoke) in its transaction, and the
// lookup by hash as system (a bearer token is found before its clinic is known; db/README.md
// allows asSystem for token lookup). Scopes are stored as text[]; ones no longer known are dropped.
import { desc, eq } from 'drizzle-orm';
import type { Database, KnotworkTx } from '../../db/index.js';
import { apiTokens } from '../../db/schema.js';
import type { ApiTokenLookup, ApiTokenRecord, ApiTokenStore } from '../admin/admin-ports.js';
import { API_SCOPES, type ApiScope } from '../auth/api-scopes.js';
import type { NewId } from './options.js';
import { epochMsOrNull, isUuid, onlyRow } from './rows.js';

const isScope = (s: string): s is ApiScope => (API_SCOPES as readonly string[]).includes(s);

function tokenOf(row: typeof apiTokens.$inferSelect): ApiTokenRecord {
  return {
    id: row.id,
    clinicId: row.clinicId,
    name: row.name,
    tokenHash: row.tokenHash,
    scopes: row.scopes.filter(isScope),
    createdBy: row.createdBy,
    createdAt: row.createdAt.getTime(),
    lastUsedAt: epochMsOrNull(row.lastUsedAt),
    expiresAt: epochMsOrNull(row.expiresAt),
    revokedAt: epochMsOrNull(row.revokedAt),
    revokedBy: row.revokedBy,
  };
}

export function apiTokenStore(tx: KnotworkTx, clinicId: string, newId: NewId): ApiTokenStore {
  return {
    create: async (t) => {
      const rows = await tx
        .insert(apiTokens)
        .values({
          ...(newId ? { id: newId() } : {}),
          clinicId,
          name: t.name,
          tokenHash: t.tokenHash,
          scopes: [...t.scopes],
          createdBy: t.createdBy,
          createdAt: new Date(t.createdAt),
          expiresAt: t.expiresAt === null ? null : new Date(t.expiresAt),
        })
        .returning();
      return tokenOf(onlyRow(rows, 'api token insert'));
    },
    list: async () =>
      (await tx.select().from(apiTokens).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))).map(tokenOf),
    revoke: async (id, by, at) => {
      if (!isUuid(id)) return undefined;
      const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id));
      if (!row || row.revokedAt !== null) return row && tokenOf(row);
      const [revoked] = await tx
        .update(apiTokens)
        .set({ revokedAt: new Date(at), revokedBy: by })
        .where(eq(apiTokens.id, id))
        .returning();
      return revoked && tokenOf(revoked);
    },
  };
}

export function apiTokenLookup(database: Database): ApiTokenLookup {
  return {
    findByHash: (hash) =>
      database.asSystem(async (tx) => {
        const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.tokenHash, hash));
        return row && tokenOf(row);
      }),
    recordUse: async (id, at) => {
      if (!isUuid(id)) return;
      await database.asSystem((tx) =>
        tx
          .update(apiTokens)
          .set({ lastUsedAt: new Date(at) })
          .where(eq(apiTokens.id, id)),
      );
    },
  };
}
