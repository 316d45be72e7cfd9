// Which migration a database is at: the last row drizzle's migrator recorded, named by the tag of
// the migrations journal entry it came from (e.g. 0003_repositories_security).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/append-audit.js';
import { MIGRATIONS_FOLDER, type KnotworkTx } from '../db/index.js';
import { BackupError } from './backup-format.js';

export interface SchemaVersion {
  readonly migration: string;
  readonly hash: string;
}

interface Journal {
  entries: { tag: string; when: number }[];
}

function journal(): Journal {
  return JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;
}

function tagOf(createdAt: number): string {
  return journal().entries.find((e) => e.when === createdAt)?.tag ?? `migration of ${createdAt}`;
}

/** The migration's position in this Knotwork's journal; -1 when it does not know it. */
export function migrationIndex(tag: string): number {
  return journal().entries.findIndex((e) => e.tag === tag);
}

/** The last migration applied, or null when none has run (a new database). */
export async function findSchemaVersion(tx: KnotworkTx): Promise<SchemaVersion | null> {
  const [table] = rowsOf<{ name: string | null }>(
    await tx.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`),
  );
  if (!table?.name) return null;
  const [last] = rowsOf<{ hash: string; created_at: string | number }>(
    await tx.execute(
      sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1`,
    ),
  );
  return last ? { migration: tagOf(Number(last.created_at)), hash: last.hash } : null;
}

export async function readSchemaVersion(tx: KnotworkTx): Promise<SchemaVersion> {
  const found = await findSchemaVersion(tx);
  if (!found) throw new BackupError('not-migrated', 'this database holds no Knotwork schema (no migration has run)');
  return found;
}
