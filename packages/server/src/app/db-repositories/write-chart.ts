// Writes a whole chart (fhir/chart.ts) into the record tables: the patient and identifiers, the
// review and reconciliation dates, conditions with body sites, allergies, medicines, observations
// and injections given elsewhere. For demo seeding, imports and tests; the chart's ids are kept
// when they are uuids, otherwise the database makes new ones.
import type { KnotworkTx } from '../../db/index.js';
import { allergies, conditions, earlierAdministrations, medicines, observations, patients } from '../../db/schema.js';
import type { Chart } from '../../fhir/chart.js';
import { insertIdentifiers, patientColumns, writeSearchNames } from './patient-rows.js';
import {
  allergyColumns,
  conditionColumns,
  earlierAdministrationColumns,
  medicineColumns,
  observationColumns,
} from './record-columns.js';
import { dateFromIso, isUuid, onlyRow } from './rows.js';

export interface WriteChartOptions {
  /** The user the entries are recorded by (and who reviewed allergies and reconciled medicines). */
  readonly recordedBy?: string | undefined;
  /** Where injections given elsewhere came from (default "chart import"). */
  readonly source?: string;
}

const keepId = (id: string) => (isUuid(id) ? id : undefined);
const at = (value: string | undefined, what: string) => (value === undefined ? undefined : dateFromIso(value, what));

/** Returns the patient's id. Runs in the caller's transaction (withClinic of `clinicId`, or asSystem). */
export async function writeChart(
  tx: KnotworkTx,
  clinicId: string,
  chart: Chart,
  options: WriteChartOptions = {},
): Promise<string> {
  const { patient } = chart;
  const recordedBy = options.recordedBy ?? null;
  const base = (id: string) => ({ id: keepId(id), clinicId, recordedBy });
  const reviewedAt = chart.allergiesReviewedAt;
  const reconciledAt = chart.medicationsReconciledAt;
  const { id: patientId } = onlyRow(
    await tx
      .insert(patients)
      .values({
        ...patientColumns(clinicId, { ...patient, birthDate: patient.birthDate ?? null, sex: patient.sex ?? null }),
        id: keepId(patient.id),
        allergiesReviewedAt: reviewedAt === null ? null : dateFromIso(reviewedAt, 'allergiesReviewedAt'),
        allergiesReviewedBy: reviewedAt === null ? null : recordedBy,
        medicationsReconciledAt: reconciledAt === null ? null : dateFromIso(reconciledAt, 'medicationsReconciledAt'),
        medicationsReconciledBy: reconciledAt === null ? null : recordedBy,
      })
      .returning({ id: patients.id }),
    'writeChart: patient',
  );
  await insertIdentifiers(tx, clinicId, patientId, patient.identifiers);
  await writeSearchNames(tx, clinicId, patientId, patient);
  const own = { patientId };

  if (chart.conditions.length > 0)
    await tx.insert(conditions).values(
      chart.conditions.map((c) => ({
        ...base(c.id),
        ...own,
        ...conditionColumns(c),
        recordedAt: at(c.recordedAt, `condition ${c.id} recordedAt`),
      })),
    );
  if (chart.allergies.length > 0)
    await tx.insert(allergies).values(
      chart.allergies.map((a) => ({
        ...base(a.id),
        ...own,
        ...allergyColumns(a),
        recordedAt: at(a.recordedAt, `allergy ${a.id} recordedAt`),
      })),
    );
  if (chart.medicines.length > 0)
    await tx
      .insert(medicines)
      .values(
        chart.medicines.map((m) => ({ ...base(m.id), ...own, kind: 'statement' as const, ...medicineColumns(m) })),
      );
  if (chart.observations.length > 0)
    await tx
      .insert(observations)
      .values(chart.observations.map((o) => ({ ...base(o.id), ...own, ...observationColumns(o) })));
  if (chart.administrations.length > 0) {
    // The table holds injections that were given (or retracted since); earlierAdministrationColumns
    // refuses any other status.
    await tx.insert(earlierAdministrations).values(
      chart.administrations.map((a) => ({
        ...base(a.id),
        ...own,
        source: options.source ?? 'chart import',
        ...earlierAdministrationColumns(a),
      })),
    );
  }
  return patientId;
}
