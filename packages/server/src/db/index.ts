// The database layer's public surface: open, migrate, run in a clinic or as system, audit.
export { openDatabase, APP_ROLE, CLINIC_SETTING, type OpenDatabaseOptions } from './open-database.js';
export type { Database, DatabaseKind, KnotworkDb, KnotworkExecutor, KnotworkTx, Schema } from './database.js';
export { migrateDatabase, MIGRATIONS_FOLDER } from './migrate.js';
export { appendAudit } from './append-audit.js';
export {
  sealAuditChain,
  verifyAuditChain,
  type AuditChainHead,
  type AuditChainProblem,
  type AuditChainProblemCode,
  type AuditVerification,
  type SealResult,
} from './audit-chain.js';
export { DataDirLockedError, LOCK_FILE_NAME } from './data-dir-lock.js';
export { SQLSTATE, sqlStateOf } from './database-error.js';
export * as schema from './schema.js';
export * from './schema/vocab.js';
