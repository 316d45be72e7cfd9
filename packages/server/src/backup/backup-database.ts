// `knotwork backup FILE` (issue 3, item 6): every row of every table, for one clinic or all of them,
// read as system in one repeatable-read, read-only transaction (one snapshot: a server writing on
// PostgreSQL meanwhile cannot make the file inconsistent), parents before children, each table in
// primary-key order, into the file of ./backup-format.ts.
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/append-audit.js';
import type { Database, KnotworkTx } from '../db/index.js';
import { findClinic } from '../demo/index.js';
import { createBackupWriter } from './backup-file.js';
import {
  BACKUP_ENCODING,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupHeader,
  type BackupTable,
} from './backup-format.js';
import { readSchemaVersion } from './schema-version.js';
import { quoteIdent, readTableCatalog, type CatalogTable } from './table-catalog.js';

export interface BackupOptions {
  /** Where to write the file. */
  readonly file: string;
  /** The clinic to back up, by name or id; all clinics (and the audit rows of none) when absent. */
  readonly clinic?: string | undefined;
  /** Epoch ms, recorded in the header. */
  readonly now: number;
  /** Replace an existing file (default: refuse). */
  readonly overwrite?: boolean;
}

const FETCH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The session settings that make every value's text form exact and the same on every server:
 * timestamps in UTC with their offset, doubles in their shortest exact form.
 */
export async function setExactTextForms(tx: KnotworkTx): Promise<void> {
  await tx.execute(
    sql`select set_config('timezone', 'UTC', true), set_config('datestyle', 'ISO, YMD', true),
      set_config('intervalstyle', 'iso_8601', true), set_config('extra_float_digits', '1', true)`,
  );
}

async function pickClinics(tx: KnotworkTx, clinic: string | undefined): Promise<{ id: string; name: string }[]> {
  if (clinic === undefined) {
    return rowsOf<{ id: string; name: string }>(
      await tx.execute(sql`select id::text as id, name from clinics order by id`),
    );
  }
  const found = await findClinic(tx, UUID.test(clinic) ? { clinicId: clinic } : { clinicName: clinic });
  if (!found.ok) throw new BackupError('unknown-clinic', found.message);
  const [row] = rowsOf<{ name: string }>(await tx.execute(sql`select name from clinics where id = ${found.id}::uuid`));
  return [{ id: found.id, name: row?.name ?? clinic }];
}

function selectText(table: CatalogTable, clinicId: string | undefined) {
  const columns = table.columns.map((c) => `${quoteIdent(c.name)}::text as ${quoteIdent(c.name)}`).join(', ');
  // The clinic id is a uuid read from the database (checked again here), so it can be inlined:
  // DECLARE ... CURSOR takes no bind parameters.
  if (clinicId !== undefined && !UUID.test(clinicId)) throw new Error(`not a clinic id: ${clinicId}`);
  const where =
    clinicId !== undefined && table.clinicColumn
      ? ` where ${quoteIdent(table.clinicColumn)} = '${clinicId}'::uuid`
      : '';
  const order = table.primaryKey.length > 0 ? ` order by ${table.primaryKey.map(quoteIdent).join(', ')}` : '';
  return `select ${columns} from public.${quoteIdent(table.name)}${where}${order}`;
}

interface ChainLink {
  seq: number | null;
  hash: string | null;
}

/** Writes the backup and returns its header. On PGlite the server must be stopped (it holds the folder). */
export async function backupDatabase(database: Database, options: BackupOptions): Promise<BackupHeader> {
  const writer = await createBackupWriter(options.file, { overwrite: options.overwrite ?? false });
  try {
    const partial = await database.asSystem(async (tx) => {
      // The first statement of the transaction: everything below reads the same snapshot.
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      await setExactTextForms(tx);
      const schemaVersion = await readSchemaVersion(tx);
      const [version] = rowsOf<{ v: string }>(await tx.execute(sql`select current_setting('server_version') as v`));
      const clinics = await pickClinics(tx, options.clinic);
      const clinicId = options.clinic === undefined ? undefined : clinics[0]?.id;
      const catalog = await readTableCatalog(tx);
      const inScope = clinicId === undefined ? catalog : catalog.filter((t) => t.clinicColumn !== null);
      const tables: BackupTable[] = [];
      const links: ChainLink[] = [];
      for (const table of inScope) {
        let rows = 0;
        await tx.execute(sql.raw(`declare knotwork_backup no scroll cursor for ${selectText(table, clinicId)}`));
        for (;;) {
          const page = rowsOf<Record<string, string | null>>(
            await tx.execute(sql.raw(`fetch forward ${FETCH} from knotwork_backup`)),
          );
          for (const r of page) {
            await writer.writeRow({ t: table.name, r });
            if (table.name === 'audit_log')
              links.push({ seq: numberOrNull(r['chain_seq']), hash: r['chain_hash'] ?? null });
          }
          rows += page.length;
          if (page.length < FETCH) break;
        }
        await tx.execute(sql.raw('close knotwork_backup'));
        tables.push({ name: table.name, columns: table.columns.map((c) => ({ name: c.name, type: c.type })), rows });
      }
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: new Date(options.now).toISOString(),
        source: { database: database.kind, serverVersion: version?.v ?? 'unknown' },
        schema: schemaVersion,
        scope: clinicId === undefined ? 'all-clinics' : 'one-clinic',
        clinics,
        encoding: BACKUP_ENCODING,
        tables,
        tablesNotInScope: catalog.filter((t) => !inScope.includes(t)).map((t) => t.name),
        auditChain: chainSummary(links),
      } satisfies Omit<BackupHeader, 'content'>;
    });
    return await writer.finish(partial);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

function numberOrNull(text: string | null | undefined): number | null {
  return text === null || text === undefined ? null : Number(text);
}

function chainSummary(links: readonly ChainLink[]): BackupHeader['auditChain'] {
  const sealed = links.filter((l): l is { seq: number; hash: string } => l.seq !== null && l.hash !== null);
  sealed.sort((a, b) => a.seq - b.seq);
  const last = sealed.at(-1);
  return {
    head: last ? { chainSeq: last.seq, chainHash: last.hash } : null,
    whole: sealed.every((l, i) => l.seq === i + 1),
  };
}
