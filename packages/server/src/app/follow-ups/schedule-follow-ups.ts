// The follow-up links of a note's first signature (issue 6 item 2), in the signature's transaction,
// from the clinic's follow-up schedule setting as it is at that moment. Both signing paths call it:
// procedure-note.ts signNote (step by step) and document-visit.ts (a whole documented visit). An
// amendment's signature (version 2 and later) schedules nothing: the visit has its links already
// (and the store refuses a second schedule for a visit in any case).
import { followUpsFor } from '@knotwork/core';
import type { ClinicRepositories } from '../ports.js';
import type { FollowUpLink } from './follow-up-ports.js';

export async function scheduleFollowUps(
  repos: Pick<ClinicRepositories, 'followUps' | 'aftercareSettings'>,
  note: {
    readonly id: string;
    readonly visitId: string;
    readonly patientId: string;
    readonly version: number;
    readonly signedAt: number | null;
  },
): Promise<readonly FollowUpLink[]> {
  if (note.version !== 1 || note.signedAt === null) return [];
  const settings = await repos.aftercareSettings.current();
  const links = await repos.followUps.schedule(
    { visitId: note.visitId, patientId: note.patientId, noteId: note.id, signedAt: note.signedAt },
    followUpsFor(settings.followUpSchedule, note.signedAt),
  );
  return links === 'exists' ? [] : links;
}
