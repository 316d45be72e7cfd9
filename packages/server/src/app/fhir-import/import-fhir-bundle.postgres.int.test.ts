// The FHIR import contract on PostgreSQL (a fresh database from TEST_DATABASE_URL, dropped after).
// Without TEST_DATABASE_URL the suite is skipped, saying so.
import { afterAll, describe, it } from 'vitest';
import { databaseSubject } from '../spec/database-subject.js';
import { openTestPostgres, TEST_DATABASE_URL } from '../spec/test-databases.js';
import { describeFhirImportContract } from '../spec/contract-fhir-import.js';

if (TEST_DATABASE_URL === '') {
  console.warn('The FHIR import on PostgreSQL was skipped because TEST_DATABASE_URL is unset');
  describe.skip('FHIR import on PostgreSQL (TEST_DATABASE_URL is unset)', () => {
    it('needs TEST_DATABASE_URL=postgres://...', () => undefined);
  });
} else {
  const opened = await openTestPostgres();
  afterAll(() => opened.dispose());
  const subject = databaseSubject(opened.database);
  describeFhirImportContract('PostgreSQL', () => subject);
}
