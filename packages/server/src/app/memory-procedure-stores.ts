// The in-memory twin's administrations, complications and consents for one clinic (see
// memory-repositories.ts and visits/procedure-ports.ts).
import type {
  ProcedureStore,
  StoredAdministration,
  StoredComplication,
  StoredConsent,
} from './visits/procedure-ports.js';

export interface ProcedureData {
  administrations: StoredAdministration[];
  complications: StoredComplication[];
  consents: StoredConsent[];
}

export const emptyProcedureData = (): ProcedureData => ({ administrations: [], complications: [], consents: [] });

/** A copy to put back when a clinic's work fails (as a transaction rolls back). */
export const copyProcedureData = (d: ProcedureData): ProcedureData => ({
  administrations: [...d.administrations],
  complications: [...d.complications],
  consents: [...d.consents],
});

export function restoreProcedureData(d: ProcedureData, saved: ProcedureData): void {
  d.administrations = saved.administrations;
  d.complications = saved.complications;
  d.consents = saved.consents;
}

/** What the database's composite foreign keys refuse: a row pointing outside its clinic. */
const refused = (what: string) => Promise.reject(new Error(`${what} is not of this clinic`));

export function procedureStore(
  data: ProcedureData,
  deps: {
    readonly newId: () => string;
    readonly isClinicUser: (id: string) => boolean;
    readonly hasVisit: (visitId: string, patientId: string) => boolean;
  },
): ProcedureStore {
  const { newId, isClinicUser, hasVisit } = deps;
  return {
    replaceAdministrations: (ref, rows) => {
      if (!hasVisit(ref.visitId, ref.patientId)) return refused(`visit ${ref.visitId}`);
      if (!isClinicUser(ref.by)) return refused(`user ${ref.by}`);
      data.administrations = [
        ...data.administrations.filter((a) => a.visitId !== ref.visitId),
        ...rows.map((r) => ({
          ...r,
          id: newId(),
          visitId: ref.visitId,
          patientId: ref.patientId,
          noteId: ref.noteId,
          administeredAt: ref.at,
          administeredBy: ref.by,
        })),
      ];
      return Promise.resolve();
    },
    administrationsOf: (visitId) => Promise.resolve(data.administrations.filter((a) => a.visitId === visitId)),
    replaceNoteComplications: (ref, rows) => {
      if (!hasVisit(ref.visitId, ref.patientId)) return refused(`visit ${ref.visitId}`);
      data.complications = [
        ...data.complications.filter((c) => c.visitId !== ref.visitId || c.noteId === null),
        ...rows.map((r): StoredComplication => ({
          ...r,
          id: newId(),
          visitId: ref.visitId,
          patientId: ref.patientId,
          noteId: ref.noteId,
          status: 'active',
          reportedBy: 'clinician',
          recordedAt: ref.at,
          recordedBy: ref.by,
          revision: 1,
        })),
      ];
      return Promise.resolve();
    },
    addComplication: (c) => {
      if (!hasVisit(c.visitId, c.patientId)) return refused(`visit ${c.visitId}`);
      if (c.by !== null && !isClinicUser(c.by)) return refused(`user ${c.by}`);
      const { by, at, ...rest } = c;
      const stored: StoredComplication = {
        ...rest,
        id: newId(),
        noteId: null,
        status: 'active',
        recordedAt: at,
        recordedBy: by,
        revision: 1,
      };
      data.complications = [...data.complications, stored];
      return Promise.resolve(stored);
    },
    complicationsOf: (visitId) => Promise.resolve(data.complications.filter((c) => c.visitId === visitId)),
    getComplication: (id) => Promise.resolve(data.complications.find((c) => c.id === id)),
    markComplicationEnteredInError: (id, expectedRevision) => {
      const current = data.complications.find((c) => c.id === id);
      if (!current || current.revision !== expectedRevision) return Promise.resolve('stale' as const);
      const changed: StoredComplication = { ...current, status: 'entered-in-error', revision: current.revision + 1 };
      data.complications = data.complications.map((c) => (c.id === id ? changed : c));
      return Promise.resolve(changed);
    },
    addConsent: (c) => {
      if (!hasVisit(c.visitId, c.patientId)) return refused(`visit ${c.visitId}`);
      if (!isClinicUser(c.witnessedBy)) return refused(`user ${c.witnessedBy}`);
      const stored: StoredConsent = { ...structuredClone(c), id: newId() };
      data.consents = [...data.consents, stored];
      return Promise.resolve(stored);
    },
    consentsOf: (visitId) => Promise.resolve(data.consents.filter((c) => c.visitId === visitId)),
  };
}
