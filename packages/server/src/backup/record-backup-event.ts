// A backup reads, and a restore writes, every patient record of a clinic: each is audited (issue 3,
// item 5) in the clinic's log, so its admins see who copied the clinic out or back, when, and into
// or from which file, with the file's checksum.
import { appendAudit, type Database } from '../db/index.js';
import type { BackupHeader } from './backup-format.js';

export interface BackupEvent {
  readonly action: 'clinic.backup' | 'clinic.restore';
  readonly header: BackupHeader;
  readonly file: string;
  /** Epoch ms. */
  readonly at: number;
  /** Who ran the command (the operating-system account). */
  readonly by: string;
}

export async function recordBackupEvent(database: Database, event: BackupEvent): Promise<void> {
  const { header } = event;
  await database.asSystem(async (tx) => {
    for (const clinic of header.clinics) {
      await appendAudit(tx, {
        clinicId: clinic.id,
        actor: null,
        actorKind: 'system',
        action: event.action,
        entity: `Clinic/${clinic.id}`,
        patientId: null,
        at: event.at,
        from: null,
        outcome: 'success',
        detail: {
          by: event.by,
          file: event.file,
          scope: header.scope,
          backupCreatedAt: header.createdAt,
          rows: header.content.lines,
          sha256: header.content.sha256,
        },
      });
    }
  });
}
