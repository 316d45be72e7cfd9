// `knotwork backup FILE` and `knotwork restore FILE` (issue 3, item 6): a clinic, or every clinic,
// to a self-describing file and back, exactly. The work is in @knotwork/server (src/backup/); this
// is the command line around it.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type * as ServerModule from '@knotwork/server';
import { EXIT_OK, EXIT_UNUSABLE, type CommandIo } from '../io.js';
import { DATA_HELP, dataOptions, type DataOptions } from './server-options.js';

type Server = typeof ServerModule;
type Database = Awaited<ReturnType<Server['openDatabase']>>;

const STOP_THE_SERVER = `The embedded database must not be in use: stop the server first (it holds the data folder's
lock, and the command says so). On PostgreSQL (DATABASE_URL) the server may keep running.`;

export const BACKUP_HELP = `Usage: knotwork backup FILE [--clinic NAME|ID] [--force] [--data-dir DIR]

Writes every row of every table to FILE, for one clinic with --clinic, otherwise for every clinic
(with the audit events that belong to none). All of it is read in one consistent snapshot. FILE is
gzipped NDJSON: a header line (format version, schema migration, when, the clinics, every table in
dependency order with its row count, and the SHA-256 of the content), then one row per line.

FILE holds patient records and password hashes: it is created readable by you only; keep it as
safe as the database. An existing FILE is not replaced unless --force. Each clinic's audit log
records the backup (clinic.backup: who, when, the file and its checksum).

${STOP_THE_SERVER}

Options:
  --clinic NAME|ID    back up this clinic only
  --force             replace FILE if it exists
${DATA_HELP}
`;

export const RESTORE_HELP = `Usage: knotwork restore FILE [--data-dir DIR]

Restores a backup made by "knotwork backup" into an empty database, in one transaction: every id,
timestamp, signed note and audit row (with its hashes) as it was, then verifies the audit chain.
A new database (a new data folder, or an empty PostgreSQL database) is migrated to the backup's
schema first and to this version's after, so a backup made by an earlier Knotwork restores too.
Refuses a file of another format version, a truncated or altered file (checksum), a database at
another schema migration, and a database that already holds a clinic (naming it). Each clinic's
audit log then records the restore (clinic.restore).

${STOP_THE_SERVER}

Then start the server on it, e.g.:
  knotwork restore clinic.knotwork-backup.gz --data-dir ./restored && knotwork serve --data-dir ./restored

Options:
${DATA_HELP}
`;

/** Opens the database without migrating it: backup reads it as it is; restore migrates as it needs. */
async function withDatabase<T>(
  data: DataOptions,
  work: (server: Server, database: Database) => Promise<T>,
): Promise<T> {
  const server = await import('@knotwork/server');
  const database = await server.openDatabase(data);
  try {
    return await work(server, database);
  } finally {
    await database.close();
  }
}

/** The operating-system account running the command, for the audit log. */
function who(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

const COMMON = { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** A refusal the person can act on (exit 2) or anything else (exit 1), as one line. */
function failure(io: CommandIo, command: string, error: unknown): number {
  const e = error as Error & { code?: string };
  io.stderr(`knotwork ${command}: ${e.message}\n`);
  return e.name === 'BackupError' ? EXIT_UNUSABLE : 1;
}

export async function backupCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`knotwork backup: ${message}\n`);
    return EXIT_UNUSABLE;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...COMMON, clinic: { type: 'string' }, force: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message} (see knotwork backup --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(BACKUP_HELP);
    return EXIT_OK;
  }
  const [file, extra] = positionals;
  if (file === undefined || extra !== undefined) return fail('give one FILE to write (see knotwork backup --help)');
  const data = dataOptions(values, process.env);
  if (typeof data === 'string') return fail(data);
  if (data.databaseUrl === undefined && !existsSync(join(data.dataDir, 'pglite'))) {
    return fail(`there is no Knotwork database in ${data.dataDir} (set --data-dir or DATABASE_URL)`);
  }
  try {
    const header = await withDatabase(data, async (server, database) => {
      const written = await server.backupDatabase(database, {
        file,
        clinic: values.clinic,
        now: io.now(),
        overwrite: values.force ?? false,
      });
      await server.recordBackupEvent(database, {
        action: 'clinic.backup',
        header: written,
        file,
        at: io.now(),
        by: who(),
      });
      return written;
    });
    const clinics = header.clinics.map((c) => `"${c.name}"`).join(', ');
    const rows = header.tables.reduce((n, t) => n + t.rows, 0);
    io.stdout(
      `backed up ${header.scope === 'one-clinic' ? 'clinic' : `all ${header.clinics.length} clinic(s):`} ${clinics} to ${file}\n` +
        `  ${rows} rows in ${header.tables.length} tables, schema ${header.schema.migration}, format version ${header.formatVersion}\n` +
        `  SHA-256 of the content ${header.content.sha256}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    return failure(io, 'backup', error);
  }
}

export async function restoreCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`knotwork restore: ${message}\n`);
    return EXIT_UNUSABLE;
  };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: COMMON, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(`${(error as Error).message} (see knotwork restore --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(RESTORE_HELP);
    return EXIT_OK;
  }
  const [file, extra] = positionals;
  if (file === undefined || extra !== undefined) return fail('give one FILE to restore (see knotwork restore --help)');
  if (!existsSync(file)) return fail(`${file} does not exist`);
  const data = dataOptions(values, process.env);
  if (typeof data === 'string') return fail(data);
  try {
    // The file is checked whole before any database is opened (or a new folder created for it).
    const checked = await (await import('@knotwork/server')).checkBackupFile(file);
    const result = await withDatabase(data, async (server, database) => {
      const restored = await server.restoreDatabase(database, { file, checked });
      await server.recordBackupEvent(database, {
        action: 'clinic.restore',
        header: restored.header,
        file,
        at: io.now(),
        by: who(),
      });
      return restored;
    });
    const { header, verification } = result;
    const where = data.databaseUrl ? 'the PostgreSQL database' : data.dataDir;
    const clinics = header.clinics.map((c) => `"${c.name}"`).join(', ');
    io.stdout(
      `restored ${result.rows} rows of ${clinics} into ${where}\n` +
        `  from ${file}: made ${header.createdAt} on ${header.source.database}, schema ${header.schema.migration}\n`,
    );
    if (result.auditChainRelinked) {
      io.stdout(
        "  the clinic's audit rows were linked into a chain of their own (in the source they were\n" +
          "  interleaved with other clinics' events); every row and its row hash is as it was\n",
      );
    }
    if (!verification.ok) {
      const p = verification.problem;
      io.stdout(`  audit chain BROKEN at row ${p.rowId} (${p.code}): it was so in the backup, whose checksum holds\n`);
      return 1;
    }
    const head = verification.head
      ? `head #${verification.head.chainSeq} ${verification.head.chainHash}`
      : 'no sealed rows';
    io.stdout(`  audit chain whole: ${verification.rows} rows; ${head}\n`);
    return EXIT_OK;
  } catch (error) {
    return failure(io, 'restore', error);
  }
}
