// The in-memory twin's visit baselines for one clinic (see memory-repositories.ts).
import type { BaselineStore, StoredBaseline } from './visits/baseline-ports.js';

export function memoryBaselineStore(
  baselines: Map<string, StoredBaseline>,
  hasVisit: (visitId: string, patientId: string) => boolean,
  isClinicUser: (id: string) => boolean,
): BaselineStore {
  return {
    ofVisit: (visitId) => Promise.resolve(baselines.get(visitId)),
    save: (b, expectedRevision) => {
      if (!hasVisit(b.visitId, b.patientId))
        return Promise.reject(new Error(`visit ${b.visitId} is not of this clinic`));
      if (!isClinicUser(b.by)) return Promise.reject(new Error(`user ${b.by} is not of this clinic`));
      const current = baselines.get(b.visitId);
      if ((current?.revision ?? 0) !== expectedRevision) return Promise.resolve('stale' as const);
      const saved: StoredBaseline = {
        visitId: b.visitId,
        patientId: b.patientId,
        indication: { ...b.indication },
        painNrs: b.painNrs,
        peg: b.peg === null ? null : { ...b.peg },
        recordedAt: b.at,
        recordedBy: b.by,
        revision: expectedRevision + 1,
      };
      baselines.set(b.visitId, saved);
      return Promise.resolve(saved);
    },
  };
}
