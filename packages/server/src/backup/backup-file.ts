// Writing and reading the backup file (./backup-format.ts). The header has to name the content's
// SHA-256 and row counts, which are known only at the end: rows are streamed, gzipped, into a body
// file beside the target while being hashed, then the file is the gzipped header followed by that
// body (two gzip members, which every gunzip reads as one stream), written under a temporary name,
// flushed to disk and renamed, so a backup is either whole or absent. Created readable by its owner
// only: it holds patient records and password hashes.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, open, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, gzipSync } from 'node:zlib';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupHeader,
  type BackupRowLine,
} from './backup-format.js';

const NEWLINE = 0x0a;

export interface BackupWriter {
  writeRow(line: BackupRowLine): Promise<void>;
  /** Writes the header (with the content's hash, lines and bytes) and the body to `path`. */
  finish(header: Omit<BackupHeader, 'content'>): Promise<BackupHeader>;
  /** Removes the temporary files (after a failure). */
  abort(): Promise<void>;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export async function createBackupWriter(
  path: string,
  options: { readonly overwrite?: boolean } = {},
): Promise<BackupWriter> {
  if (!options.overwrite && (await exists(path))) {
    throw new BackupError('file-exists', `${path} exists already: choose another name (or --force to replace it)`);
  }
  const bodyPath = `${path}.body-${process.pid}.tmp`;
  const partialPath = `${path}.partial-${process.pid}.tmp`;
  const body = createWriteStream(bodyPath, { mode: 0o600 });
  const gzip = createGzip();
  const piped = pipeline(gzip, body);
  const hash = createHash('sha256');
  let lines = 0;
  let bytes = 0;
  const cleanup = () => Promise.all([rm(bodyPath, { force: true }), rm(partialPath, { force: true })]);
  return {
    async writeRow(line) {
      const chunk = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
      hash.update(chunk);
      lines += 1;
      bytes += chunk.length;
      if (!gzip.write(chunk)) await once(gzip, 'drain');
    },
    async finish(partial) {
      gzip.end();
      await piped;
      const header: BackupHeader = { ...partial, content: { sha256: hash.digest('hex'), lines, bytes } };
      await writeFile(partialPath, gzipSync(Buffer.from(`${JSON.stringify(header)}\n`, 'utf8')), { mode: 0o600 });
      await pipeline(createReadStream(bodyPath), createWriteStream(partialPath, { flags: 'a' }));
      const handle = await open(partialPath, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partialPath, path);
      await rm(bodyPath, { force: true });
      return header;
    },
    async abort() {
      gzip.destroy();
      await piped.catch(() => undefined);
      await cleanup();
    },
  };
}

/** Node's zlib errors, as what they mean for a backup. */
function readError(path: string, error: unknown, started: boolean): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR' || (error as Error).message === 'unexpected end of file') {
    return new BackupError('truncated', `${path} is truncated: its compressed data ends before the backup does`);
  }
  if (code === 'Z_DATA_ERROR') {
    return started
      ? new BackupError(
          'checksum-mismatch',
          `${path} is damaged: its compressed data fails its own check (${(error as Error).message})`,
        )
      : new BackupError('not-a-backup', `${path} is not a Knotwork backup (not gzip data)`);
  }
  return error;
}

function parseHeader(path: string, line: Buffer): BackupHeader {
  let header: unknown;
  try {
    header = JSON.parse(line.toString('utf8'));
  } catch {
    throw new BackupError('not-a-backup', `${path} is not a Knotwork backup (its first line is not a JSON header)`);
  }
  const h = header as Partial<BackupHeader> | null;
  if (h === null || typeof h !== 'object' || h.format !== BACKUP_FORMAT) {
    throw new BackupError(
      'not-a-backup',
      `${path} is not a Knotwork backup (its header does not say "${BACKUP_FORMAT}")`,
    );
  }
  if (h.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      'unsupported-version',
      `${path} is a Knotwork backup of format version ${String(h.formatVersion)}; this Knotwork reads version ${BACKUP_FORMAT_VERSION} only`,
    );
  }
  if (!Array.isArray(h.tables) || typeof h.content?.sha256 !== 'string' || !h.schema || !Array.isArray(h.clinics)) {
    throw new BackupError(
      'malformed',
      `${path}: the backup header lacks its tables, content checksum, schema or clinics`,
    );
  }
  return h as BackupHeader;
}

export interface ReadBackupOptions {
  /** Called once with the header, before any row (throw to refuse the file). */
  readonly onHeader?: (header: BackupHeader) => void | Promise<void>;
  /** Called for every row, in file order; rows are checked against the header's tables first. */
  readonly onRow?: (line: BackupRowLine) => void | Promise<void>;
}

/**
 * Reads a backup from start to end and checks it: the format and its version, every line against
 * the header's tables (order and columns), the row counts, the number of lines and bytes, and the
 * SHA-256 of the content. A failed check throws BackupError; rows already passed to onRow were read
 * from a file that then failed, so a caller writing them must do so in a transaction it can roll back.
 */
export async function readBackupFile(path: string, options: ReadBackupOptions = {}): Promise<BackupHeader> {
  const source = createReadStream(path);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const hash = createHash('sha256');
  let header: BackupHeader | undefined;
  let pending: Buffer[] = [];
  let lines = 0;
  let bytes = 0;
  let started = false;
  let tableIndex = 0;
  const counts = new Map<string, number>();

  const onLine = async (line: Buffer) => {
    if (header === undefined) {
      header = parseHeader(path, line);
      await options.onHeader?.(header);
      return;
    }
    hash.update(line);
    hash.update(Buffer.of(NEWLINE));
    lines += 1;
    bytes += line.length + 1;
    const row = parseRow(path, line, lines);
    const tables = header.tables;
    while (tableIndex < tables.length && tables[tableIndex]?.name !== row.t) tableIndex += 1;
    const table = tables[tableIndex];
    if (!table) {
      throw new BackupError(
        'malformed',
        `${path}: line ${lines + 1} is a row of "${row.t}", out of the header's table order`,
      );
    }
    const keys = Object.keys(row.r);
    if (keys.length !== table.columns.length || table.columns.some((c) => !Object.hasOwn(row.r, c.name))) {
      throw new BackupError(
        'malformed',
        `${path}: line ${lines + 1} does not have the columns the header gives ${row.t}`,
      );
    }
    counts.set(row.t, (counts.get(row.t) ?? 0) + 1);
    await options.onRow?.(row);
  };

  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      started = true;
      let from = 0;
      for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
        const piece = chunk.subarray(from, at);
        const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
        pending = [];
        from = at + 1;
        await onLine(line);
      }
      if (from < chunk.length) pending.push(chunk.subarray(from));
    }
  } catch (error) {
    source.destroy();
    throw readError(path, error, started);
  }
  if (header === undefined) throw new BackupError('not-a-backup', `${path} is empty: not a Knotwork backup`);
  const content = header.content;
  if (pending.length > 0 || lines < content.lines || bytes < content.bytes) {
    throw new BackupError(
      'truncated',
      `${path} is truncated: the header announces ${content.lines} rows, the file holds ${lines}${pending.length > 0 ? ' and a partial line' : ''}`,
    );
  }
  const sha256 = hash.digest('hex');
  if (sha256 !== content.sha256 || lines !== content.lines || bytes !== content.bytes) {
    throw new BackupError(
      'checksum-mismatch',
      `${path} has been altered or damaged: its content's SHA-256 is ${sha256}, the header says ${content.sha256}`,
    );
  }
  for (const table of header.tables) {
    const found = counts.get(table.name) ?? 0;
    if (found !== table.rows) {
      throw new BackupError(
        'checksum-mismatch',
        `${path}: the header counts ${table.rows} rows of ${table.name}, the file holds ${found}`,
      );
    }
  }
  return header;
}

function parseRow(path: string, line: Buffer, index: number): BackupRowLine {
  let row: unknown;
  try {
    row = JSON.parse(line.toString('utf8'));
  } catch {
    throw new BackupError('malformed', `${path}: line ${index + 1} is not JSON`);
  }
  const r = row as Partial<BackupRowLine> | null;
  if (r === null || typeof r !== 'object' || typeof r.t !== 'string' || r.r === null || typeof r.r !== 'object') {
    throw new BackupError('malformed', `${path}: line ${index + 1} is not a row ({"t": table, "r": {...}})`);
  }
  for (const value of Object.values(r.r)) {
    if (value !== null && typeof value !== 'string') {
      throw new BackupError('malformed', `${path}: line ${index + 1} holds a value that is neither text nor null`);
    }
  }
  return r as BackupRowLine;
}
