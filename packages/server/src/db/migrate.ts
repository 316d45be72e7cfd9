// Applies ./migrations (drizzle-kit's output plus the hand-written security migration) to either
// database; already-applied migrations are skipped (drizzle.__drizzle_migrations), so it is safe
// at every start and from `knotwork migrate`.
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './database.js';
import { internalsOf } from './database-internals.js';

/**
 * The SQL lives in src/db/migrations and is not copied by tsc. This file runs as
 * packages/server/src/db/migrate.ts (tests) or packages/server/dist/db/migrate.js (built): both are
 * two folders below the package, so the same relative URL finds the folder from either.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));

/** Serialises concurrent migrators (two servers starting on one PostgreSQL); any constant will do. */
const MIGRATION_LOCK_KEY = 0x6b6e6f74; // 'knot'

export async function migrateDatabase(database: Database): Promise<void> {
  const internals = internalsOf(database);
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (internals.kind === 'pglite') {
    await internals.queue.run(() => migratePglite(internals.db, config));
    return;
  }
  const client = await internals.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg({ client }), config);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
