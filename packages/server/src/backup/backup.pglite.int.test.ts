// Backup and restore on PGlite: an active demo clinic backed up and restored into a fresh PGlite,
// and a backup made at an earlier migration restored into this version's schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from '../db/index.js';
import { backupDatabase } from './backup-database.js';
import { migrateUpTo } from './migrate-to.js';
import { restoreDatabase } from './restore-database.js';
import { findSchemaVersion } from './schema-version.js';
import { describeBackup } from './spec/backup-suite.js';
import { freshPlace } from './spec/active-clinic.js';

describeBackup('PGlite', undefined, [{ label: 'PGlite' }]);

describe('a backup made at an earlier migration', () => {
  it('restores into a new database (its schema, its rows, then the later migrations), not into a migrated one', async () => {
    const tags = (
      JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
        entries: { tag: string }[];
      }
    ).entries.map((e) => e.tag);
    const earlier = tags.at(-2) ?? '';
    const source = await freshPlace();
    const target = await freshPlace();
    const old = await openDatabase({ dataDir: source.dataDir });
    const file = join(source.dataDir, 'old.gz');
    try {
      await migrateUpTo(old, earlier);
      await old.asSystem((tx) => tx.execute(sql`insert into clinics (name) values ('Old Harbour Clinic')`));
      const header = await backupDatabase(old, { file, now: 0 });
      expect(header.schema.migration).toBe(earlier);
    } finally {
      await old.close();
    }
    const restored = await openDatabase({ dataDir: target.dataDir });
    try {
      const result = await restoreDatabase(restored, { file });
      expect(result.header.clinics.map((c) => c.name)).toEqual(['Old Harbour Clinic']);
      expect((await restored.asSystem((tx) => findSchemaVersion(tx)))?.migration).toBe(tags.at(-1));
      // A database already past the backup's migration (this one, now) is refused, saying what to do.
      const error = await restoreDatabase(restored, { file }).catch((e: unknown) => e as Error);
      expect((error as Error).message).toMatch(
        /made at migration .*, this database is at .*: restore into a new data folder/,
      );
    } finally {
      await restored.close();
      await source.dispose();
      await target.dispose();
    }
  }, 90_000);
});
