// Backup and restore of a clinic, or of every clinic (issue 3, item 6; `knotwork backup`/`restore`).
export { backupDatabase, type BackupOptions } from './backup-database.js';
export {
  checkBackupFile,
  restoreDatabase,
  type CheckedBackup,
  type RestoreOptions,
  type RestoreResult,
} from './restore-database.js';
export { readBackupFile, type ReadBackupOptions } from './backup-file.js';
export { recordBackupEvent, type BackupEvent } from './record-backup-event.js';
export {
  BACKUP_ERROR_CODES,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupErrorCode,
  type BackupHeader,
  type BackupScope,
  type BackupTable,
} from './backup-format.js';
