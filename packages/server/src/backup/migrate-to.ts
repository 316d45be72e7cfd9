// Migrating a new database only as far as a backup's schema, so that a backup made by an earlier
// Knotwork restores into this one: the rows go into the schema they were read from, then the later
// migrations run over them as they would have over the running database. Drizzle's migrator applies
// a whole folder, so it is given a copy of the journal cut at that migration (same SQL, same hashes:
// the full migrator later sees those as applied).
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { internalsOf } from '../db/database-internals.js';
import { MIGRATIONS_FOLDER, type Database } from '../db/index.js';
import { BackupError } from './backup-format.js';

interface Journal {
  entries: { tag: string }[];
}

const MIGRATION_LOCK_KEY = 0x6b6e6f74; // as ../db/migrate.ts: one migrator at a time

/** Applies the migrations up to and including `tag`. */
export async function migrateUpTo(database: Database, tag: string): Promise<void> {
  const journal = JSON.parse(await readFile(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;
  const last = journal.entries.findIndex((e) => e.tag === tag);
  if (last === -1) {
    throw new BackupError(
      'schema-mismatch',
      `the backup was made at migration ${tag}, which this Knotwork does not know: restore it with a Knotwork at least as new as the one that made it`,
    );
  }
  const folder = await mkdtemp(join(tmpdir(), 'knotwork-migrate-to-'));
  try {
    await mkdir(join(folder, 'meta'));
    const entries = journal.entries.slice(0, last + 1);
    await writeFile(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const entry of entries)
      await copyFile(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
    const internals = internalsOf(database);
    if (internals.kind === 'pglite') {
      await internals.queue.run(() => migratePglite(internals.db, { migrationsFolder: folder }));
      return;
    }
    const client = await internals.pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await migratePg(drizzlePg({ client }), { migrationsFolder: folder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
