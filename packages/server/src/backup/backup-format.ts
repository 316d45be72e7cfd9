// The backup file (issue 3, item 6): gzipped NDJSON. The first line is a header that describes the
// rest: the format and its version, the schema migration the rows belong to, when and from what it
// was made, which clinics, every table in dependency order with its columns and row count, and the
// SHA-256 of the content (every byte after the header line). Each further line is one row:
// {"t": table, "r": {column: value}}, where a value is PostgreSQL's own text form of the column
// (null for SQL NULL), so that every type (timestamps to the microsecond, doubles, jsonb, arrays)
// comes back exactly as it was stored.
import type { DatabaseKind } from '../db/index.js';

export const BACKUP_FORMAT = 'knotwork-backup';
/** Raise it when a reader of the previous version could misread a new file. */
export const BACKUP_FORMAT_VERSION = 1;

export const BACKUP_ENCODING =
  'one row per line after this header: {"t": table, "r": {column: PostgreSQL text form or null}}; ' +
  'tables in dependency order; content.sha256 is the SHA-256 of every byte after the header line';

export type BackupScope = 'all-clinics' | 'one-clinic';

export interface BackupColumn {
  readonly name: string;
  /** format_type() of the column in the source, e.g. "timestamp with time zone". */
  readonly type: string;
}

export interface BackupTable {
  readonly name: string;
  readonly columns: readonly BackupColumn[];
  readonly rows: number;
}

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly createdAt: string;
  readonly source: { readonly database: DatabaseKind; readonly serverVersion: string };
  /** The last migration applied to the source: a backup restores only into the same schema. */
  readonly schema: { readonly migration: string; readonly hash: string };
  readonly scope: BackupScope;
  readonly clinics: readonly { readonly id: string; readonly name: string }[];
  readonly encoding: string;
  /** Every table, parents before children. */
  readonly tables: readonly BackupTable[];
  /** Tables without a clinic column, left out of a one-clinic backup. */
  readonly tablesNotInScope: readonly string[];
  readonly auditChain: {
    /** The last sealed link among the rows in this file. */
    readonly head: { readonly chainSeq: number; readonly chainHash: string } | null;
    /**
     * True when the file's sealed audit rows are positions 1..n of the chain, so the chain comes
     * back as it was. A one-clinic backup of a database shared with other clinics holds only that
     * clinic's links: restore keeps each row and its row hash and links them into a chain of their
     * own, in the original order.
     */
    readonly whole: boolean;
  };
  readonly content: { readonly sha256: string; readonly lines: number; readonly bytes: number };
}

export type BackupRowLine = { readonly t: string; readonly r: Readonly<Record<string, string | null>> };

export const BACKUP_ERROR_CODES = [
  'not-a-backup',
  'unsupported-version',
  'truncated',
  'checksum-mismatch',
  'malformed',
  'schema-mismatch',
  'not-empty',
  'unknown-clinic',
  'not-migrated',
  'file-exists',
  'audit-chain-broken',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

/** An expected refusal, with a stable code and a message meant for the person running the command. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}
