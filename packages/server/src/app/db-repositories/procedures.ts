// ProcedureStore on the database: `administrations`, `complications` and `consents`. Replacing a
// visit's administrations (or its note's complications) on a signature is a DELETE and an INSERT
// in the signature's transaction. A complication is marked entered-in-error with one
// `UPDATE ... WHERE id AND revision` (of two from one revision one wins).
import type { ComplicationType, ConsentForm, ImmediateComplication } from '@knotwork/core';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { administrations, complications, consents } from '../../db/schema.js';
import type {
  NewAdministration,
  ProcedureStore,
  SignedNoteRef,
  StoredAdministration,
  StoredComplication,
  StoredConsent,
} from '../visits/procedure-ports.js';
import type { NewId } from './options.js';
import { dateFromIso, epochMs, isUuid, onlyRow } from './rows.js';

export function administrationOf(r: typeof administrations.$inferSelect): StoredAdministration {
  return {
    id: r.id,
    visitId: r.visitId,
    patientId: r.patientId,
    noteId: r.noteId,
    muscle: r.muscleCode,
    side: r.side,
    injectate: r.productCode ?? r.productText,
    productText: r.productText,
    volumeMl: r.volumeMl,
    lot: r.lot,
    expiry: r.expiry,
    administeredAt: epochMs(r.administeredAt),
    administeredBy: r.administeredBy,
  };
}

export function complicationOf(r: typeof complications.$inferSelect): StoredComplication {
  return {
    id: r.id,
    visitId: r.visitId,
    patientId: r.patientId,
    noteId: r.noteId,
    type: r.typeCode as ComplicationType,
    severity: r.severity,
    onset: r.onsetAt.toISOString(),
    action: r.action,
    note: r.note,
    status: r.status,
    reportedBy: r.reportedBy,
    recordedAt: epochMs(r.recordedAt),
    recordedBy: r.recordedBy,
    revision: r.revision,
  };
}

export function consentOf(r: typeof consents.$inferSelect): StoredConsent {
  return {
    id: r.id,
    visitId: r.visitId ?? '',
    patientId: r.patientId,
    form: r.form as ConsentForm,
    planRevision: r.planRevision ?? 0,
    signerKind: r.signerKind,
    signerName: r.signerName,
    signerRelationship: r.signerRelationship,
    signatureKind: r.signatureKind,
    signatureData: r.signatureData,
    signedAt: epochMs(r.signedAt),
    witnessedBy: r.witnessedBy ?? '',
  };
}

export function procedureStore(tx: KnotworkTx, clinicId: string, newId: NewId): ProcedureStore {
  const complicationRows = (ref: SignedNoteRef, rows: readonly ImmediateComplication[]) =>
    rows.map((c) => ({
      id: newId?.(),
      clinicId,
      patientId: ref.patientId,
      visitId: ref.visitId,
      noteId: ref.noteId,
      typeCode: c.type,
      severity: c.severity,
      onsetAt: dateFromIso(c.onset, 'complication onset'),
      action: c.action,
      note: c.note,
      recordedAt: new Date(ref.at),
      recordedBy: ref.by,
    }));
  return {
    replaceAdministrations: async (ref, rows: readonly NewAdministration[]) => {
      await tx.delete(administrations).where(eq(administrations.visitId, ref.visitId));
      if (rows.length === 0) return;
      await tx.insert(administrations).values(
        rows.map((a) => ({
          id: newId?.(),
          clinicId,
          patientId: ref.patientId,
          visitId: ref.visitId,
          noteId: ref.noteId,
          muscleCode: a.muscle,
          side: a.side,
          productCode: a.injectate,
          productText: a.productText,
          volumeMl: a.volumeMl,
          lot: a.lot,
          expiry: a.expiry,
          administeredAt: new Date(ref.at),
          administeredBy: ref.by,
        })),
      );
    },
    administrationsOf: async (visitId) => {
      if (!isUuid(visitId)) return [];
      const rows = await tx
        .select()
        .from(administrations)
        .where(eq(administrations.visitId, visitId))
        .orderBy(asc(administrations.administeredAt), asc(administrations.id));
      return rows.map(administrationOf);
    },
    replaceNoteComplications: async (ref, rows) => {
      await tx
        .delete(complications)
        .where(and(eq(complications.visitId, ref.visitId), isNotNull(complications.noteId)));
      if (rows.length > 0) await tx.insert(complications).values(complicationRows(ref, rows));
    },
    addComplication: async (c) => {
      const rows = await tx
        .insert(complications)
        .values({
          id: newId?.(),
          clinicId,
          patientId: c.patientId,
          visitId: c.visitId,
          typeCode: c.type,
          severity: c.severity,
          onsetAt: dateFromIso(c.onset, 'complication onset'),
          action: c.action,
          note: c.note,
          reportedBy: c.reportedBy,
          recordedAt: new Date(c.at),
          recordedBy: c.by,
        })
        .returning();
      return complicationOf(onlyRow(rows, 'complication insert'));
    },
    complicationsOf: async (visitId) => {
      if (!isUuid(visitId)) return [];
      const rows = await tx
        .select()
        .from(complications)
        .where(eq(complications.visitId, visitId))
        .orderBy(asc(complications.recordedAt), asc(complications.id));
      return rows.map(complicationOf);
    },
    getComplication: async (id) => {
      if (!isUuid(id)) return undefined;
      const [row] = await tx.select().from(complications).where(eq(complications.id, id));
      return row ? complicationOf(row) : undefined;
    },
    markComplicationEnteredInError: async (id, expectedRevision) => {
      if (!isUuid(id)) return 'stale';
      const [row] = await tx
        .update(complications)
        .set({ status: 'entered-in-error', revision: sql`${complications.revision} + 1`, updatedAt: sql`now()` })
        .where(and(eq(complications.id, id), eq(complications.revision, expectedRevision)))
        .returning();
      return row ? complicationOf(row) : 'stale';
    },
    addConsent: async (c) => {
      const rows = await tx
        .insert(consents)
        .values({
          id: newId?.(),
          clinicId,
          patientId: c.patientId,
          visitId: c.visitId,
          scope: 'trigger-point-injection',
          description: c.form.procedure,
          risksShown: c.form.risks,
          form: c.form,
          formVersion: c.form.version,
          planRevision: c.planRevision,
          signerKind: c.signerKind,
          signerName: c.signerName,
          signerRelationship: c.signerRelationship,
          signatureKind: c.signatureKind,
          signatureData: c.signatureData,
          signedAt: new Date(c.signedAt),
          witnessedBy: c.witnessedBy,
        })
        .returning();
      return consentOf(onlyRow(rows, 'consent insert'));
    },
    consentsOf: async (visitId) => {
      if (!isUuid(visitId)) return [];
      const rows = await tx
        .select()
        .from(consents)
        .where(eq(consents.visitId, visitId))
        .orderBy(asc(consents.signedAt), asc(consents.id));
      return rows.map(consentOf);
    },
  };
}
