// The database contract on PostgreSQL: a fresh database per run, created from TEST_DATABASE_URL
// and dropped afterwards. Without TEST_DATABASE_URL the suite is skipped, saying so.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openDatabase } from './open-database.js';
import { describeDatabaseContract } from './spec/database-contract.js';

const adminUrl = process.env['TEST_DATABASE_URL'];

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

if (adminUrl === undefined || adminUrl === '') {
  console.warn('PostgreSQL tests were skipped because TEST_DATABASE_URL is unset');
  describe.skip('database contract on PostgreSQL (TEST_DATABASE_URL is unset)', () => {
    it('needs TEST_DATABASE_URL=postgres://...', () => undefined);
  });
} else {
  describeDatabaseContract('PostgreSQL', async () => {
    const name = `knotwork_test_${randomBytes(6).toString('hex')}`;
    await admin(adminUrl, (c) => c.query(`create database ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const dataDir = await mkdtemp(join(tmpdir(), 'knotwork-pg-'));
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir });
    return {
      database,
      dispose: async () => {
        await database.close();
        await admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  });
}
