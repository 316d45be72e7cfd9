// Opens the server's database (issue 3, item 1): PGlite in the data folder, or PostgreSQL when a
// postgres:// URL is given. Both return the same Database; row-level security holds on both
// because every request transaction switches to the knotwork_app role (./migrations/0001_security.sql).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, type Transaction as PgliteClientTransaction } from '@electric-sql/pglite';
import type { RelationalSchemaConfig, TablesRelationalConfig } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, PgliteSession, PgliteTransaction } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.js';
import type { Database, KnotworkDb, KnotworkTx } from './database.js';
import { auditBatchValues, INSERT_AUDIT, INSERT_AUDIT_BATCH } from './append-audit.js';
import { createAuditBatcher } from './audit-batcher.js';
import { registerInternals, registerRawQuery, type DeferredQuery, type RawQuery } from './database-internals.js';
import { createNestingGuard } from './nesting-guard.js';
import { pipelinedConnection } from './postgres-connection.js';
import * as schema from './schema.js';
import { createSerialQueue } from './serial-queue.js';

export const APP_ROLE = 'knotwork_app';
export const CLINIC_SETTING = 'knotwork.clinic_id';

export interface OpenDatabaseOptions {
  /** postgres:// or postgresql://; without it, PGlite under dataDir. */
  readonly databaseUrl?: string | undefined;
  /** The data folder: PGlite's files go to `${dataDir}/pglite`, the lock to `${dataDir}/knotwork.lock`. */
  readonly dataDir: string;
  /** PostgreSQL pool size (default 20). */
  readonly poolSize?: number;
  /** PostgreSQL: an idle pooled connection failed (the pool drops it and reconnects on demand). */
  readonly onPoolError?: (error: Error) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed clinic id is a bug upstream; it never reaches SQL. */
function badClinicId(clinicId: string): Promise<never> | undefined {
  if (UUID.test(clinicId)) return undefined;
  return Promise.reject(new TypeError(`withClinic: clinic id ${JSON.stringify(clinicId)} is not a uuid`));
}

/**
 * SET LOCAL ROLE and the clinic: set_config('role', ..., true) is what SET LOCAL ROLE does (same
 * membership check); both end with the transaction, commit or rollback. The clinic id is a uuid
 * (badClinicId), so it can stand in the text as a literal.
 */
const enterClinicSql = (clinicId: string) =>
  `select set_config('role', '${APP_ROLE}', true), set_config('${CLINIC_SETTING}', '${clinicId}', true)`;

/** drizzle's relational configuration of a database, to build transactions on one connection. */
function relationalOf(db: KnotworkDb): RelationalSchemaConfig<TablesRelationalConfig> | undefined {
  const { schema: tables, fullSchema, tableNamesMap } = db._;
  return tables === undefined ? undefined : { schema: tables, fullSchema, tableNamesMap };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const url = options.databaseUrl;
  if (url === undefined || url === '') return openPglite(options.dataDir);
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return openPostgres(url, options);
}

async function openPglite(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(join(dataDir, 'pglite'));
  } catch (error) {
    await lock.release();
    throw error;
  }
  const db = drizzlePglite({ client, schema });
  const queue = createSerialQueue();
  const outermost = createNestingGuard();
  const dialect = new PgDialect();
  const relational = relationalOf(db);
  const rawOn =
    (on: PGlite | PgliteClientTransaction): RawQuery =>
    async <R>(statement: { text: string }, values: readonly unknown[]) =>
      (await on.query<R>(statement.text, [...values])).rows;
  /** One PGlite transaction as drizzle's, with its connection registered for raw statements. */
  const transaction = <T>(setup: string | undefined, fn: (tx: KnotworkTx) => Promise<T>) =>
    outermost(() =>
      queue.run(() =>
        client.transaction(async (ptx) => {
          const tx = new PgliteTransaction(
            dialect,
            new PgliteSession(ptx, dialect, relational),
            relational,
          ) as unknown as KnotworkTx;
          registerRawQuery(tx, rawOn(ptx));
          if (setup !== undefined) await ptx.query(setup);
          return fn(tx);
        }),
      ),
    );
  let closing: Promise<void> | undefined;
  const database: Database = {
    kind: 'pglite',
    db,
    withClinic: (clinicId, fn) => badClinicId(clinicId) ?? transaction(enterClinicSql(clinicId), fn),
    // One connection, transactions one at a time and commits without a flush (ADR 0003): a read's
    // audit row stays in its own transaction.
    readInClinic: (clinicId, fn) => badClinicId(clinicId) ?? transaction(enterClinicSql(clinicId), fn),
    asSystem: (fn) => transaction(undefined, fn),
    close: () =>
      (closing ??= (async () => {
        await queue.idle();
        try {
          await client.close();
        } finally {
          await lock.release();
        }
      })()),
  };
  const systemQuery = rawOn(client);
  registerInternals(database, {
    kind: 'pglite',
    db,
    queue,
    systemQuery: (statement, values) => queue.run(() => systemQuery(statement, values)),
  });
  return database;
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 20,
    application_name: 'knotwork',
    // Statements go out without waiting for the previous answer (./postgres-connection.ts).
    pipeline: true,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  try {
    await checkSystemRole(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg({ client: pool, schema });
  const outermost = createNestingGuard();
  const dialect = new PgDialect();
  const relational = relationalOf(db);
  /**
   * drizzle's transaction on one pooled connection. BEGIN and the clinic's settings are one
   * message, queued to travel with the first statement (./postgres-connection.ts). In a
   * multi-statement message an error stops the rest: the settings never run outside the
   * transaction, and a failed setting aborts it, so no statement of `fn` runs without them.
   */
  const transaction = <T>(setup: string, fn: (tx: KnotworkTx) => Promise<T>, audit?: ReadAuditCapture) =>
    outermost(async () => {
      const client = await pool.connect();
      const connection = pipelinedConnection(client);
      const session = new NodePgSession(connection.drizzleClient as pg.PoolClient, dialect, relational);
      const tx = new NodePgTransaction(dialect, session, relational) as unknown as KnotworkTx;
      registerRawQuery(tx, connection.query, audit?.defer ?? connection.defer);
      let broken: Error | undefined;
      try {
        connection.queue(setup);
        const result = await fn(tx);
        await connection.commit();
        return result;
      } catch (error) {
        await client.query('rollback').catch((rollbackError: unknown) => {
          // A connection that cannot roll back is not given to the next request.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.release(broken);
      }
    });
  const readAudit = createAuditBatcher<readonly unknown[]>((rows) => writeAuditBatch(pool, rows));
  /**
   * A READ ONLY transaction (PostgreSQL refuses any write in it) whose audit rows are kept aside
   * and group-committed after it ends (./audit-batcher.ts, docs/adr/0006); resolves once they are.
   */
  const readTransaction = async <T>(clinicId: string, fn: (tx: KnotworkTx) => Promise<T>) => {
    const audit = readAuditCapture(clinicId);
    const result = await transaction(`begin transaction read only; ${enterClinicSql(clinicId)}`, fn, audit);
    await readAudit.append(audit.rows);
    return result;
  };
  let closing: Promise<void> | undefined;
  const database: Database = {
    kind: 'postgres',
    db,
    withClinic: (clinicId, fn) => badClinicId(clinicId) ?? transaction(`begin; ${enterClinicSql(clinicId)}`, fn),
    readInClinic: (clinicId, fn) => badClinicId(clinicId) ?? readTransaction(clinicId, fn),
    asSystem: (fn) => transaction('begin', fn),
    close: () =>
      (closing ??= (async () => {
        await readAudit.idle();
        await pool.end();
      })()),
  };
  // The pool's query: a connection for one statement, outside any transaction.
  const systemQuery: RawQuery = async <R>(statement: { name: string; text: string }, values: readonly unknown[]) =>
    (await pool.query<R & pg.QueryResultRow>({ name: statement.name, text: statement.text, values: [...values] })).rows;
  registerInternals(database, { kind: 'postgres', pool, systemQuery });
  return database;
}

/** The audit rows a read transaction queued (queueAudit), kept for the batch; any other write is refused. */
interface ReadAuditCapture {
  readonly rows: (readonly unknown[])[];
  readonly defer: DeferredQuery;
}

function readAuditCapture(clinicId: string): ReadAuditCapture {
  const rows: (readonly unknown[])[] = [];
  return {
    rows,
    defer: (statement, values) => {
      if (statement.name !== INSERT_AUDIT.name) {
        throw new Error(`a read transaction cannot write (${statement.name}); use withClinic`);
      }
      // Row-level security would refuse it in the clinic's own transaction: refuse it here, before
      // it could share (and fail) a batch with other requests' rows.
      if (values[0] !== clinicId) {
        throw new Error(`an audit row of clinic ${String(values[0])} in a read of clinic ${clinicId}`);
      }
      rows.push(values);
    },
  };
}

/**
 * One batch of reads' audit rows in one transaction, each clinic's rows under row-level security as
 * that clinic (the role and the clinic setting switched per clinic), all in one write: BEGIN, then
 * per clinic its settings and one INSERT_AUDIT_BATCH, then COMMIT. Throws if it did not commit.
 */
async function writeAuditBatch(pool: pg.Pool, rows: readonly (readonly unknown[])[]): Promise<void> {
  const byClinic = new Map<string, (readonly unknown[])[]>();
  for (const row of rows) {
    const clinicId = String(row[0]);
    const list = byClinic.get(clinicId) ?? [];
    list.push(row);
    byClinic.set(clinicId, list);
  }
  const client = await pool.connect();
  const connection = pipelinedConnection(client);
  let broken: Error | undefined;
  try {
    connection.queue('begin');
    for (const [clinicId, clinicRows] of byClinic) {
      if (!UUID.test(clinicId)) throw new TypeError(`audit batch: clinic id ${JSON.stringify(clinicId)} is not a uuid`);
      connection.queue(enterClinicSql(clinicId));
      connection.defer(INSERT_AUDIT_BATCH, auditBatchValues(clinicRows));
    }
    await connection.commit();
  } catch (error) {
    await client.query('rollback').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * asSystem must see every clinic's rows, and the tables FORCE row-level security: the URL's role
 * has to be a superuser or BYPASSRLS. Without this check it would silently see nothing.
 */
async function checkSystemRole(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string; ok: boolean }>(
    'select rolname as name, rolsuper or rolbypassrls as ok from pg_roles where rolname = current_user',
  );
  const role = rows[0];
  if (!role?.ok) {
    throw new Error(
      `DATABASE_URL connects as role ${role?.name ?? '(unknown)'}, which is neither superuser nor BYPASSRLS; ` +
        `the server's system connection (migrations, login lookup, audit sealing) needs one of them ` +
        `(ALTER ROLE ... BYPASSRLS). Request queries still run as ${APP_ROLE}, under row-level security.`,
    );
  }
}
