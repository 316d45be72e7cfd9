// What migrate.ts and the hot paths need beyond the public Database: the driver-specific handles,
// and each transaction's driver connection for statements sent without drizzle. Kept in WeakMaps
// so the public type stays driver-neutral.
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Pool } from 'pg';
import type { Database, KnotworkExecutor, Schema } from './database.js';
import type { SerialQueue } from './serial-queue.js';

/**
 * One SQL statement with $1, $2 ... parameters and a name: node-postgres prepares it once per
 * connection under that name (PostgreSQL then skips parsing and planning); PGlite ignores the name.
 * A name must always carry the same text.
 */
export interface Statement {
  readonly name: string;
  readonly text: string;
  /**
   * A read (SELECT without side effects): on PostgreSQL it may travel in the same write as the
   * transaction's opening (BEGIN and the clinic's settings), whose success is checked before its
   * rows are handed back.
   */
  readonly readOnly?: boolean;
}

/** Runs a statement on one connection; rows come back as objects keyed by column name. */
export type RawQuery = <R>(statement: Statement, values: readonly unknown[]) => Promise<R[]>;

export type DatabaseInternals = (
  | { readonly kind: 'pglite'; readonly db: PgliteDatabase<Schema>; readonly queue: SerialQueue }
  | { readonly kind: 'postgres'; readonly pool: Pool }
) & {
  /** One statement as the owner, outside any transaction (it commits on its own). */
  readonly systemQuery: RawQuery;
};

const internals = new WeakMap<Database, DatabaseInternals>();

export function registerInternals(database: Database, value: DatabaseInternals): void {
  internals.set(database, value);
}

export function internalsOf(database: Database): DatabaseInternals {
  const value = internals.get(database);
  if (!value) throw new Error('not a database returned by openDatabase()');
  return value;
}

/**
 * Queues a statement whose answer the caller does not need: it is sent with the transaction's next
 * statement or with its COMMIT, in the same write, and its failure fails that statement or the
 * commit (PostgreSQL turns the COMMIT of a failed transaction into a rollback). Statements still
 * reach the database in program order.
 */
export type DeferredQuery = (statement: Statement, values: readonly unknown[]) => void;

interface Connection {
  readonly query: RawQuery;
  readonly defer: DeferredQuery | undefined;
}

const connections = new WeakMap<KnotworkExecutor, Connection>();

/** withClinic and asSystem register the connection of each transaction they hand out. */
export function registerRawQuery(tx: KnotworkExecutor, query: RawQuery, defer?: DeferredQuery): void {
  connections.set(tx, { query, defer });
}

/**
 * The connection of a transaction from withClinic/asSystem, for a prepared statement without
 * drizzle's query building and row mapping (the hot paths: the chart, the audit row). Undefined
 * for any other executor (database.db, a savepoint's transaction): use drizzle there.
 */
export function rawQueryOf(tx: KnotworkExecutor): RawQuery | undefined {
  return connections.get(tx)?.query;
}

/** The transaction's DeferredQuery: PostgreSQL transactions from withClinic/asSystem have one. */
export function deferredQueryOf(tx: KnotworkExecutor): DeferredQuery | undefined {
  return connections.get(tx)?.defer;
}
