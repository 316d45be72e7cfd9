// The backup round trip, run from a PGlite source and (with TEST_DATABASE_URL) a PostgreSQL one:
// back up an active clinic, restore into fresh databases of both kinds, and compare every table's
// rows exactly; refuse a non-empty target, another format version, a truncated or altered file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLINIC_NAME } from '../../demo/index.js';
import { verifyAuditChain, type AuditVerification, type Database } from '../../db/index.js';
import { backupDatabase } from '../backup-database.js';
import { readBackupFile } from '../backup-file.js';
import { BACKUP_FORMAT_VERSION, type BackupErrorCode, type BackupHeader } from '../backup-format.js';
import { restoreDatabase } from '../restore-database.js';
import { activeClinic, AS_OF, freshPlace, openPlace, type Place } from './active-clinic.js';
import { tableRows } from './table-rows.js';

export interface BackupTarget {
  readonly label: string;
  /** Undefined: PGlite in a temporary folder. */
  readonly adminUrl?: string | undefined;
}

const CHAIN_COLUMNS = { audit_log: ['chain_seq', 'chain_hash'] };

async function restoreInto(target: BackupTarget, file: string) {
  const place = await freshPlace(target.adminUrl);
  const database = await openPlace(place);
  return { place, database, result: await restoreDatabase(database, { file }) };
}

function headOf(v: AuditVerification) {
  return v.ok ? v.head : undefined;
}

async function expectRefusal(work: Promise<unknown>, code: BackupErrorCode, words: RegExp): Promise<void> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e as { code?: string; message: string },
  );
  expect(error?.code, error?.message).toBe(code);
  expect(error?.message).toMatch(words);
}

export function describeBackup(
  sourceLabel: string,
  sourceAdminUrl: string | undefined,
  targets: readonly BackupTarget[],
): void {
  describe(`backup and restore, from ${sourceLabel}`, () => {
    let source: Place;
    let database: Database;
    let demoClinicId = '';
    let dir = '';
    let allFile = '';
    let clinicFile = '';
    let header: BackupHeader;
    const opened: { place: Place; database: Database }[] = [];

    beforeAll(async () => {
      source = await freshPlace(sourceAdminUrl);
      const active = await activeClinic(source);
      database = active.database;
      demoClinicId = active.demoClinicId;
      dir = await mkdtemp(join(tmpdir(), 'knotwork-backup-file-'));
      allFile = join(dir, 'all.knotwork-backup.gz');
      clinicFile = join(dir, 'demo.knotwork-backup.gz');
      header = await backupDatabase(database, { file: allFile, now: Date.parse(AS_OF) });
    }, 60_000);

    afterAll(async () => {
      for (const o of opened) {
        await o.database.close();
        await o.place.dispose();
      }
      await database?.close();
      await source?.dispose();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('describes itself: format version, migration, clinics, tables in dependency order with counts, checksum', () => {
      expect(header).toMatchObject({
        format: 'knotwork-backup',
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: '2026-11-27T10:00:00.000Z',
        scope: 'all-clinics',
        auditChain: { whole: true },
      });
      expect(header.schema.migration).toMatch(/^\d{4}_/);
      expect(header.clinics.map((c) => c.name).sort()).toEqual([DEMO_CLINIC_NAME, 'Harbour Pain Clinic'].sort());
      const names = header.tables.map((t) => t.name);
      expect(names.indexOf('clinics')).toBeLessThan(names.indexOf('users'));
      expect(names.indexOf('patients')).toBeLessThan(names.indexOf('visits'));
      expect(names.indexOf('visits')).toBeLessThan(names.indexOf('procedure_notes'));
      expect(names.indexOf('plan_sites')).toBeLessThan(names.indexOf('administrations'));
      expect(header.content.sha256).toMatch(/^[0-9a-f]{64}$/);
      const count = (t: string) => header.tables.find((x) => x.name === t)?.rows ?? 0;
      for (const t of ['screens', 'screen_overrides', 'procedure_notes', 'sessions', 'audit_log'])
        expect(count(t), t).toBeGreaterThan(0);
    });

    for (const target of targets) {
      it(`restores every clinic into a fresh ${target.label} exactly: every row of every table, and the audit chain`, async () => {
        const restored = await restoreInto(target, allFile);
        opened.push(restored);
        expect(restored.result.rows).toBe(header.content.lines);
        expect(restored.result.auditChainRelinked).toBe(false);
        expect(await tableRows(restored.database)).toEqual(await tableRows(database));
        expect(restored.result.verification.ok, JSON.stringify(restored.result.verification)).toBe(true);
        expect(headOf(restored.result.verification)).toEqual(headOf(await verifyAuditChain(database)));
        // The restored identity sequence goes on after the restored ids.
        const next = await restored.database.asSystem(async (tx) => {
          const { appendAudit } = await import('../../db/index.js');
          return appendAudit(tx, {
            clinicId: null,
            actor: null,
            actorKind: 'system',
            action: 'restore.test',
            entity: null,
            patientId: null,
            at: Date.parse(AS_OF),
            from: null,
            outcome: 'success',
          });
        });
        const ids = (await tableRows(database)).audit_log?.length ?? 0;
        expect(next.id).toBeGreaterThan(ids);
      }, 30_000);
    }

    it('backs up one clinic, and restores it alone with its audit rows linked into a chain of their own', async () => {
      const one = await backupDatabase(database, {
        file: clinicFile,
        clinic: DEMO_CLINIC_NAME,
        now: Date.parse(AS_OF),
      });
      expect(one.scope).toBe('one-clinic');
      expect(one.clinics).toEqual([{ id: demoClinicId, name: DEMO_CLINIC_NAME }]);
      expect(one.auditChain.whole).toBe(false); // the other clinic's and clinic-less events were in between
      const place = await freshPlace(targets[0]?.adminUrl);
      const empty = await openPlace(place);
      opened.push({ place, database: empty });
      // An altered file is refused before anything is written: the database stays empty.
      const text = gunzipSync(await readFile(clinicFile)).toString('utf8');
      const altered = join(dir, 'demo-altered.gz');
      await writeFile(altered, gzipSync(text.replace(/"Ngata"/, '"Nqata"')));
      await expectRefusal(restoreDatabase(empty, { file: altered }), 'checksum-mismatch', /altered/);
      expect(Object.values(await tableRows(empty)).flat()).toEqual([]);
      const restored = { database: empty, result: await restoreDatabase(empty, { file: clinicFile }) };
      expect(restored.result.auditChainRelinked).toBe(true);
      expect(await tableRows(restored.database, { without: CHAIN_COLUMNS })).toEqual(
        await tableRows(database, { clinicId: demoClinicId, without: CHAIN_COLUMNS }),
      );
      expect(restored.result.verification).toMatchObject({ ok: true });
    }, 30_000);

    it('refuses a database that is not empty, naming the clinic there', async () => {
      await expectRefusal(
        restoreDatabase(database, { file: allFile }),
        'not-empty',
        /already holds clinic "(Knotwork Demo Clinic|Harbour Pain Clinic)"/,
      );
    });

    it('refuses another format version, a truncated file, an altered one and one that is no backup', async () => {
      const bytes = await readFile(allFile);
      const text = gunzipSync(bytes).toString('utf8');
      const newline = text.indexOf('\n');
      const head = JSON.parse(text.slice(0, newline)) as BackupHeader;
      const body = text.slice(newline + 1);
      const write = async (name: string, data: Buffer) => {
        const path = join(dir, name);
        await writeFile(path, data);
        return path;
      };
      const future = await write('future.gz', gzipSync(`${JSON.stringify({ ...head, formatVersion: 99 })}\n${body}`));
      await expectRefusal(
        readBackupFile(future),
        'unsupported-version',
        /format version 99; this Knotwork reads version 1/,
      );
      const cut = await write('cut.gz', bytes.subarray(0, Math.floor(bytes.length * 0.8)));
      await expectRefusal(readBackupFile(cut), 'truncated', /truncated/);
      const short = await write(
        'short.gz',
        gzipSync(`${text.slice(0, newline)}\n${body.slice(0, body.lastIndexOf('\n', body.length - 2) + 1)}`),
      );
      await expectRefusal(readBackupFile(short), 'truncated', /header announces \d+ rows, the file holds \d+/);
      const altered = await write(
        'altered.gz',
        gzipSync(`${text.slice(0, newline)}\n${body.replace('Ngata', 'Nqata')}`),
      );
      await expectRefusal(readBackupFile(altered), 'checksum-mismatch', /altered or damaged: its content's SHA-256/);
      const plain = await write('plain.txt', Buffer.from('hello\n'));
      await expectRefusal(readBackupFile(plain), 'not-a-backup', /not a Knotwork backup/);
    }, 30_000);
  });
}
