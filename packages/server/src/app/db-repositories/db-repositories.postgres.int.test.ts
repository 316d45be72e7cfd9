// The repository contract, and what only a database shows, on PostgreSQL: a fresh database from
// TEST_DATABASE_URL, dropped afterwards. Without TEST_DATABASE_URL the suite is skipped, saying so.
import { afterAll, describe, it } from 'vitest';
import { databaseSubject } from '../spec/database-subject.js';
import { describeDatabaseEntries } from '../spec/database-entries.js';
import { describeDatabaseOnly } from '../spec/database-only.js';
import { describeRepositoryContract } from '../spec/repository-contract.js';
import { openTestPostgres, TEST_DATABASE_URL } from '../spec/test-databases.js';

if (TEST_DATABASE_URL === '') {
  console.warn('The repository contract on PostgreSQL was skipped because TEST_DATABASE_URL is unset');
  describe.skip('repository contract on PostgreSQL (TEST_DATABASE_URL is unset)', () => {
    it('needs TEST_DATABASE_URL=postgres://...', () => undefined);
  });
} else {
  const opened = await openTestPostgres();
  afterAll(() => opened.dispose());
  describeRepositoryContract('PostgreSQL', () => Promise.resolve(databaseSubject(opened.database)));
  describeDatabaseOnly('PostgreSQL', () => opened.database);
  describeDatabaseEntries('PostgreSQL', () => opened.database);
}
