// `knotwork restore FILE` (issue 3, item 6): the file is read and checked from start to end first
// (format version, table order, row counts, SHA-256), then written into an empty database at the
// backup's schema migration (a new one is migrated that far first) in one transaction as system,
// parents before children, with every id, timestamp, signed note (the signed-note trigger refuses
// UPDATE and DELETE only) and audit row (with its row hash and chain position) as it was. Identity
// sequences are moved past the restored ids. After the commit the later migrations run and the
// audit chain is verified (verifyAuditChain).
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/append-audit.js';
import { auditChainHash, GENESIS_CHAIN_HASH } from '../db/audit-hash.js';
import {
  migrateDatabase,
  verifyAuditChain,
  type AuditVerification,
  type Database,
  type KnotworkTx,
} from '../db/index.js';
import { setExactTextForms } from './backup-database.js';
import { readBackupFile } from './backup-file.js';
import { BackupError, type BackupHeader, type BackupRowLine } from './backup-format.js';
import { migrateUpTo } from './migrate-to.js';
import { findSchemaVersion, migrationIndex, readSchemaVersion } from './schema-version.js';
import { quoteIdent, readTableCatalog, type CatalogTable } from './table-catalog.js';

export interface RestoreOptions {
  readonly file: string;
  /** The file as checkBackupFile() found it, when the caller checked it first (before opening a database). */
  readonly checked?: CheckedBackup;
  /**
   * Migrate the database (default true): a new one only as far as the backup's migration before the
   * rows go in, then to this Knotwork's latest after, so a backup made by an earlier version restores.
   */
  readonly migrate?: boolean;
}

/** A backup file read from start to end and found whole, with what restoring it needs to know. */
export interface CheckedBackup {
  readonly file: string;
  readonly header: BackupHeader;
  /** New chain positions of a one-clinic backup's audit rows; undefined when the chain is whole. */
  readonly relinked: ReadonlyMap<string, { seq: number; hash: string }> | undefined;
}

export interface RestoreResult {
  readonly header: BackupHeader;
  readonly rows: number;
  /** True when a one-clinic backup's audit rows were linked into a chain of their own. */
  readonly auditChainRelinked: boolean;
  readonly verification: AuditVerification;
}

const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

type Row = Readonly<Record<string, string | null>>;

/** New chain positions for a one-clinic backup's sealed audit rows, in their original chain order. */
function relinkChain(
  links: { id: string; seq: number; rowHash: string }[],
): Map<string, { seq: number; hash: string }> {
  links.sort((a, b) => a.seq - b.seq);
  const relinked = new Map<string, { seq: number; hash: string }>();
  let previous = GENESIS_CHAIN_HASH;
  links.forEach((link, i) => {
    previous = auditChainHash(previous, link.rowHash);
    relinked.set(link.id, { seq: i + 1, hash: previous });
  });
  return relinked;
}

function checkSameTables(header: BackupHeader, catalog: readonly CatalogTable[]): void {
  const byName = new Map(catalog.map((t) => [t.name, t]));
  for (const table of header.tables) {
    const target = byName.get(table.name);
    const same =
      target !== undefined &&
      target.columns.length === table.columns.length &&
      table.columns.every((c) => target.columns.some((t) => t.name === c.name));
    if (!same) {
      throw new BackupError(
        'schema-mismatch',
        `the backup's table ${table.name} does not match this database's (same migration, different tables: was the schema changed by hand?)`,
      );
    }
  }
}

async function refuseIfNotEmpty(tx: KnotworkTx, catalog: readonly CatalogTable[]): Promise<void> {
  const clinics = rowsOf<{ id: string; name: string }>(
    await tx.execute(sql`select id::text as id, name from clinics order by name limit 3`),
  );
  if (clinics.length > 0) {
    const names = clinics.map((c) => `"${c.name}" (${c.id})`).join(', ');
    throw new BackupError(
      'not-empty',
      `this database already holds clinic ${names}: restore needs an empty database ` +
        '(a new --data-dir, or a new PostgreSQL database; a server started there with --no-demo leaves it empty)',
    );
  }
  for (const table of catalog) {
    const [row] = rowsOf<{ any: boolean }>(
      await tx.execute(sql.raw(`select exists (select 1 from public.${quoteIdent(table.name)}) as "any"`)),
    );
    if (row?.any) {
      throw new BackupError(
        'not-empty',
        `this database is not empty (table ${table.name} has rows): restore needs an empty database`,
      );
    }
  }
}

/** Rows of a self-referencing table, each after the row it points at (an amendment after the note it amends). */
function parentsFirst(table: CatalogTable, rows: Row[]): Row[] {
  if (table.selfReferences.length === 0) return rows;
  const keyOf = (row: Row, columns: readonly string[]) => JSON.stringify(columns.map((c) => row[c] ?? null));
  const placed = new Set<string>();
  const ordered: Row[] = [];
  let waiting = rows;
  while (waiting.length > 0) {
    const blocked: Row[] = [];
    for (const row of waiting) {
      const ready = table.selfReferences.every((ref) => {
        const values = ref.columns.map((c) => row[c] ?? null);
        return values.some((v) => v === null) || placed.has(`${ref.references.join()}:${keyOf(row, ref.columns)}`);
      });
      if (!ready) {
        blocked.push(row);
        continue;
      }
      ordered.push(row);
      for (const ref of table.selfReferences) placed.add(`${ref.references.join()}:${keyOf(row, ref.references)}`);
    }
    if (blocked.length === waiting.length) {
      // What remains points at rows that are not in the file: insert them and let the key refuse.
      ordered.push(...blocked);
      break;
    }
    waiting = blocked;
  }
  return ordered;
}

async function insertRows(tx: KnotworkTx, table: CatalogTable, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = table.columns.map((c) => quoteIdent(c.name));
  const casts = table.columns.map((c) => `cast(r.${quoteIdent(c.name)} as ${c.type})`);
  const record = names.map((n) => `${n} text`).join(', ');
  await tx.execute(
    sql`${sql.raw(`insert into public.${quoteIdent(table.name)} (${names.join(', ')}) overriding system value
      select ${casts.join(', ')} from jsonb_to_recordset(`)}${JSON.stringify(rows)}${sql.raw(`::jsonb) as r(${record})`)}`,
  );
}

async function advanceSequences(tx: KnotworkTx, catalog: readonly CatalogTable[]): Promise<void> {
  for (const table of catalog) {
    for (const column of table.columns) {
      if (column.sequence === null) continue;
      await tx.execute(
        sql.raw(
          `select setval('${column.sequence.replaceAll("'", "''")}', max(${quoteIdent(column.name)})) ` +
            `from public.${quoteIdent(table.name)} having max(${quoteIdent(column.name)}) is not null`,
        ),
      );
    }
  }
}

function schemaMismatch(header: BackupHeader, current: string): BackupError {
  return new BackupError(
    'schema-mismatch',
    `the backup was made at migration ${header.schema.migration}, this database is at ${current}: ` +
      'restore into a new data folder or an empty PostgreSQL database that no server has migrated yet ' +
      "(restore migrates it to the backup's schema, then to this version's)",
  );
}

/** A database behind the backup's migration (or new) is brought to it; one ahead of it is refused. */
async function migrateForBackup(database: Database, header: BackupHeader): Promise<void> {
  const current = await database.asSystem((tx) => findSchemaVersion(tx));
  if (current?.hash === header.schema.hash) return;
  if (current && migrationIndex(current.migration) >= migrationIndex(header.schema.migration)) {
    throw schemaMismatch(header, current.migration);
  }
  await migrateUpTo(database, header.schema.migration);
}

/** Reads `file` from start to end and checks it (./backup-file.ts), without touching any database. */
export async function checkBackupFile(file: string): Promise<CheckedBackup> {
  const links: { id: string; seq: number; rowHash: string }[] = [];
  const header = await readBackupFile(file, {
    onRow: (line) => {
      const seq = line.t === 'audit_log' ? line.r['chain_seq'] : null;
      if (seq !== null && seq !== undefined) {
        links.push({ id: line.r['id'] ?? '', seq: Number(seq), rowHash: line.r['row_hash'] ?? '' });
      }
    },
  });
  return { file, header, relinked: header.auditChain.whole ? undefined : relinkChain(links) };
}

/** Restores `file` into `database`, which must be migrated and empty. */
export async function restoreDatabase(database: Database, options: RestoreOptions): Promise<RestoreResult> {
  const { file } = options;
  // Pass 1: the whole file checks out before anything is written.
  const checked = options.checked?.file === file ? options.checked : await checkBackupFile(file);
  const { header, relinked } = checked;
  const migrate = options.migrate ?? true;
  if (migrate) await migrateForBackup(database, header);

  // Pass 2: one transaction, as system.
  const rows = await database.asSystem(async (tx) => {
    await setExactTextForms(tx);
    const schema = await readSchemaVersion(tx);
    if (schema.hash !== header.schema.hash) throw schemaMismatch(header, schema.migration);
    const catalog = await readTableCatalog(tx);
    checkSameTables(header, catalog);
    await refuseIfNotEmpty(tx, catalog);
    const byName = new Map(catalog.map((t) => [t.name, t]));
    let current: CatalogTable | undefined;
    let batch: Row[] = [];
    let batchBytes = 0;
    let written = 0;
    const flush = async () => {
      if (current) await insertRows(tx, current, parentsFirst(current, batch));
      written += batch.length;
      batch = [];
      batchBytes = 0;
    };
    await readBackupFile(file, {
      onHeader: (again) => {
        if (again.content.sha256 !== header.content.sha256)
          throw new BackupError('checksum-mismatch', `${file} changed while it was being restored`);
      },
      onRow: async (line: BackupRowLine) => {
        if (current?.name !== line.t) {
          await flush();
          current = byName.get(line.t);
        }
        let row = line.r;
        if (relinked && line.t === 'audit_log') {
          const link = relinked.get(row['id'] ?? '');
          if (link) row = { ...row, chain_seq: String(link.seq), chain_hash: link.hash };
        }
        batch.push(row);
        batchBytes += JSON.stringify(row).length;
        const selfReferencing = (current?.selfReferences.length ?? 0) > 0;
        if (!selfReferencing && (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES)) await flush();
      },
    });
    await flush();
    await advanceSequences(tx, catalog);
    return written;
  });
  if (migrate) await migrateDatabase(database);
  const verification = await verifyAuditChain(database);
  return { header, rows, auditChainRelinked: relinked !== undefined, verification };
}
