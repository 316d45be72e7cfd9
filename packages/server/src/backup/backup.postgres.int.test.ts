// Backup and restore with PostgreSQL (TEST_DATABASE_URL; fresh databases, dropped afterwards): a
// PostgreSQL source restored into PostgreSQL and into PGlite, and a PGlite source into PostgreSQL.
// Without TEST_DATABASE_URL the suite is skipped, saying so.
import { describe, it } from 'vitest';
import { describeBackup } from './spec/backup-suite.js';

const adminUrl = process.env['TEST_DATABASE_URL'] ?? '';

if (adminUrl === '') {
  console.warn('Backup and restore on PostgreSQL were skipped because TEST_DATABASE_URL is unset');
  describe.skip('backup and restore on PostgreSQL (TEST_DATABASE_URL is unset)', () => {
    it('needs TEST_DATABASE_URL=postgres://...', () => undefined);
  });
} else {
  describeBackup('PostgreSQL', adminUrl, [{ label: 'PostgreSQL', adminUrl }, { label: 'PGlite' }]);
  describeBackup('PGlite', undefined, [{ label: 'PostgreSQL', adminUrl }]);
}
