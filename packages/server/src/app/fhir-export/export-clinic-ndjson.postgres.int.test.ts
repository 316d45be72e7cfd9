// The FHIR export suite on PostgreSQL: a fresh database from TEST_DATABASE_URL, dropped afterwards.
// Without TEST_DATABASE_URL the suite is skipped, saying so.
import { afterAll, describe, it } from 'vitest';
import { openTestPostgres, TEST_DATABASE_URL } from '../spec/test-databases.js';
import { describeClinicExport } from './spec/clinic-export-suite.js';

if (TEST_DATABASE_URL === '') {
  console.warn('The FHIR export on PostgreSQL was skipped because TEST_DATABASE_URL is unset');
  describe.skip('the FHIR export on PostgreSQL (TEST_DATABASE_URL is unset)', () => {
    it('needs TEST_DATABASE_URL=postgres://...', () => undefined);
  });
} else {
  const opened = await openTestPostgres();
  afterAll(() => opened.dispose());
  describeClinicExport('PostgreSQL', () => opened.database);
}
