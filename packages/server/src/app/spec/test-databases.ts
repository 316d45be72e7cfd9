// Fresh, migrated databases for the integration tests: PGlite in a temporary folder, or a new
// PostgreSQL database created from TEST_DATABASE_URL and dropped afterwards (as
// src/db/postgres.int.test.ts does). One per test file: open it in beforeAll, dispose in afterAll.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../../db/index.js';

export interface TestDatabase {
  readonly database: Database;
  dispose(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? '';

export async function openTestPglite(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'knotwork-repos-'));
  const database = await openDatabase({ dataDir });
  await migrateDatabase(database);
  return {
    database,
    dispose: async () => {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function openTestPostgres(adminUrl: string = TEST_DATABASE_URL): Promise<TestDatabase> {
  const name = `knotwork_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'knotwork-pg-'));
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir, poolSize: 5 });
  await migrateDatabase(database);
  return {
    database,
    dispose: async () => {
      await database.close();
      await admin(adminUrl, `drop database if exists ${name} with (force)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
