// What migrate.ts needs beyond the public Database: the driver-specific handles. Kept in a
// WeakMap so the public type stays driver-neutral.
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Pool } from 'pg';
import type { Database, Schema } from './database.js';
import type { SerialQueue } from './serial-queue.js';

export type DatabaseInternals =
  | { readonly kind: 'pglite'; readonly db: PgliteDatabase<Schema>; readonly queue: SerialQueue }
  | { readonly kind: 'postgres'; readonly pool: Pool };

const internals = new WeakMap<Database, DatabaseInternals>();

export function registerInternals(database: Database, value: DatabaseInternals): void {
  internals.set(database, value);
}

export function internalsOf(database: Database): DatabaseInternals {
  const value = internals.get(database);
  if (!value) throw new Error('not a database returned by openDatabase()');
  return value;
}
