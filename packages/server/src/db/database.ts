// The database handle every server layer receives: one type for PGlite and PostgreSQL.
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';

export type Schema = typeof schema;
/** The drizzle API common to both drivers. */
export type KnotworkDb = PgDatabase<PgQueryResultHKT, Schema>;
export type KnotworkTx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Where a use case may run a query: a transaction from withClinic/asSystem (or, rarely, the db). */
export type KnotworkExecutor = KnotworkDb | KnotworkTx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: DatabaseKind;
  /**
   * The connection as its owner: superuser on PGlite, the DATABASE_URL role on PostgreSQL. It is
   * NOT subject to row-level security. Request code uses withClinic; this is for asSystem's
   * callers and for tooling (backup, tests).
   */
  readonly db: KnotworkDb;
  /**
   * Runs `fn` in one transaction as the role knotwork_app with knotwork.clinic_id = clinicId, so
   * row-level security confines every statement to that clinic's rows. Commits when `fn` resolves,
   * rolls back when it throws. Everything a request does with patient or clinic data goes here.
   * Calling withClinic or asSystem from inside `fn` is refused (use `tx`). On PGlite transactions
   * run one at a time, in call order.
   */
  withClinic<T>(clinicId: string, fn: (tx: KnotworkTx) => Promise<T>): Promise<T>;
  /**
   * withClinic for work that only reads patient data and audits it (a chart read). On PostgreSQL
   * the transaction is READ ONLY (a write in it fails) and its audit rows are not inserted in it:
   * they are group-committed with other reads' rows once it has ended, and this resolves only when
   * they are committed, so nothing read is handed back before its audit row is durable
   * (docs/adr/0006). On PGlite it is withClinic.
   */
  readInClinic<T>(clinicId: string, fn: (tx: KnotworkTx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction as the owner, across clinics, without row-level security. Only
   * for what cannot know its clinic first or must see them all: migrations, login and session
   * lookup (by email, by session-id hash, by API token hash, by CDS client issuer), creating a
   * clinic and demo seeding, audit events without a clinic, audit sealing and verification,
   * backup and restore. Never with a clinic id taken from the request to skip withClinic.
   */
  asSystem<T>(fn: (tx: KnotworkTx) => Promise<T>): Promise<T>;
  /** Waits for queued work, closes the connection(s) and releases the data folder's lock. */
  close(): Promise<void>;
}
