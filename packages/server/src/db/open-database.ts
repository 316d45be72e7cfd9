// Opens the server's database (issue 3, item 1): PGlite in the data folder, or PostgreSQL when a
// postgres:// URL is given. Both return the same Database; row-level security holds on both
// because every request transaction switches to the knotwork_app role (./migrations/0001_security.sql).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.js';
import type { Database, KnotworkTx } from './database.js';
import { registerInternals } from './database-internals.js';
import { createNestingGuard } from './nesting-guard.js';
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
 * SET LOCAL ROLE and the clinic in one round trip: set_config('role', ..., true) is what SET LOCAL
 * ROLE does (same membership check); both end with the transaction, commit or rollback.
 */
function enterClinic(tx: KnotworkTx, clinicId: string) {
  return tx.execute(
    sql`select set_config('role', ${APP_ROLE}, true), set_config(${CLINIC_SETTING}, ${clinicId}, true)`,
  );
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
  let closing: Promise<void> | undefined;
  const database: Database = {
    kind: 'pglite',
    db,
    withClinic: (clinicId, fn) =>
      badClinicId(clinicId) ??
      outermost(() =>
        queue.run(() =>
          db.transaction(async (tx) => {
            await enterClinic(tx, clinicId);
            return fn(tx);
          }),
        ),
      ),
    asSystem: (fn) => outermost(() => queue.run(() => db.transaction(fn))),
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
  registerInternals(database, { kind: 'pglite', db, queue });
  return database;
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 20, application_name: 'knotwork' });
  pool.on('error', (error) => options.onPoolError?.(error));
  try {
    await checkSystemRole(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg({ client: pool, schema });
  const outermost = createNestingGuard();
  let closing: Promise<void> | undefined;
  const database: Database = {
    kind: 'postgres',
    db,
    withClinic: (clinicId, fn) =>
      badClinicId(clinicId) ??
      outermost(() =>
        db.transaction(async (tx) => {
          await enterClinic(tx, clinicId);
          return fn(tx);
        }),
      ),
    asSystem: (fn) => outermost(() => db.transaction(fn)),
    close: () => (closing ??= pool.end()),
  };
  registerInternals(database, { kind: 'postgres', pool });
  return database;
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
