// The in-memory twin's VisitDocumentationStore: the rows of a documented visit written through the
// twin's own stores, in the order the step-by-step use cases write them, each store handed the ids
// the decision chose; so the twin's foreign-key refusals apply and what it leaves is what the steps
// leave. Audit events go to the clinic's sink (rolled back with the clinic's work).
import type { AuditSink } from '../audit-event.js';
import type { ChartPatient } from '../fhir/chart.js';
import { procedureStore } from './memory-procedure-stores.js';
import { noteStore, planStore, screenStore, visitStore, type ClinicData } from './memory-visit-stores.js';
import { memoryRecordStore } from './records/memory-record-store.js';
import type { VisitDocumentationStore } from './visits/documentation-ports.js';

export function memoryVisitDocumentation(
  data: ClinicData,
  deps: {
    readonly isClinicUser: (id: string) => boolean;
    /** The patient as the chart shows it, when the clinic has that patient. */
    readonly patient: (patientId: string) => ChartPatient | undefined;
    readonly audit: AuditSink;
  },
): VisitDocumentationStore {
  const { isClinicUser } = deps;
  return {
    write: async (rows) => {
      // Each store takes the next of the ids the decision gave, in the order the writes ask for one.
      const ids = [
        rows.visit.id,
        ...rows.observations.map((o) => o.id),
        rows.plan.id,
        rows.consent.id,
        rows.note.id,
        ...rows.administrations.map((a) => a.id),
        ...rows.complications.map((c) => c.id),
      ];
      const newId = () => {
        const id = ids.shift();
        if (id === undefined) throw new Error('visit documentation: more rows than ids');
        return id;
      };
      const { visit, plan, note } = rows;
      const by = visit.startedBy;
      await visitStore(data, newId, isClinicUser).create({
        patientId: visit.patientId,
        startedAt: visit.startedAt,
        startedBy: by,
      });
      const records = memoryRecordStore({ charts: data.charts, patient: deps.patient, isClinicUser, newId });
      for (const o of rows.observations) {
        const entry = { loinc: o.loinc, display: o.display, value: o.value, at: o.at, status: o.status };
        await records.add('observation', visit.patientId, entry, { at: rows.recordedAt, by });
      }
      const plans = planStore(data, newId, isClinicUser);
      await plans.create({
        visitId: visit.id,
        patientId: visit.patientId,
        by,
        sites: plan.sites,
        products: plan.products,
      });
      const screens = screenStore(data, isClinicUser);
      await screens.save(rows.screen);
      await plans.markScreened(plan.id, plan.revision, rows.screen.id);
      for (const o of rows.overrides) await screens.saveOverride(o);
      const procedures = procedureStore(data.procedures, {
        newId,
        isClinicUser,
        hasVisit: (visitId, patientId) => data.visits.get(visitId)?.patientId === patientId,
      });
      const { consent } = rows;
      await procedures.addConsent({
        visitId: consent.visitId,
        patientId: consent.patientId,
        form: consent.form,
        planRevision: consent.planRevision,
        signerKind: consent.signerKind,
        signerName: consent.signerName,
        signerRelationship: consent.signerRelationship,
        signatureKind: consent.signatureKind,
        signatureData: consent.signatureData,
        signedAt: consent.signedAt,
        witnessedBy: consent.witnessedBy,
      });
      const notes = noteStore(data, newId, isClinicUser);
      await notes.insert({
        visitId: visit.id,
        patientId: visit.patientId,
        version: note.version,
        content: note.content,
        by,
        previousVersionId: null,
        amendmentReason: null,
      });
      await notes.edit(note.id, 1, note.content);
      const signature = { status: 'signed' as const, by: note.signedBy ?? by, at: note.signedAt ?? rows.recordedAt };
      await notes.sign(note.id, 2, signature);
      const ref = { visitId: visit.id, patientId: visit.patientId, noteId: note.id, by, at: signature.at };
      await procedures.replaceAdministrations(
        ref,
        rows.administrations.map((a) => ({
          muscle: a.muscle,
          side: a.side,
          injectate: a.injectate,
          productText: a.productText,
          volumeMl: a.volumeMl,
          lot: a.lot,
          expiry: a.expiry,
        })),
      );
      await procedures.replaceNoteComplications(
        ref,
        rows.complications.map((c) => ({
          type: c.type,
          severity: c.severity,
          onset: c.onset,
          action: c.action,
          note: c.note,
        })),
      );
      for (const event of rows.audit) await deps.audit.record(event);
    },
  };
}
