// Demo seeding and the account commands on PostgreSQL: a fresh database from TEST_DATABASE_URL,
// dropped afterwards. Without TEST_DATABASE_URL the suite is skipped, saying so.
import { afterAll, describe, it } from 'vitest';
import { openTestPostgres, TEST_DATABASE_URL } from '../app/spec/test-databases.js';
import { describeAccounts, describeDemoSeeding } from './spec/seeding-suite.js';

if (TEST_DATABASE_URL === '') {
  console.warn('Demo seeding on PostgreSQL was skipped because TEST_DATABASE_URL is unset');
  describe.skip('demo seeding on PostgreSQL (TEST_DATABASE_URL is unset)', () => {
    it('needs TEST_DATABASE_URL=postgres://...', () => undefined);
  });
} else {
  const opened = await openTestPostgres();
  afterAll(() => opened.dispose());
  describeDemoSeeding('PostgreSQL', () => opened.database);
  describeAccounts('PostgreSQL', () => opened.database);
}
