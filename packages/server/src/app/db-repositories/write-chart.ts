// Writes a whole chart (fhir/chart.ts) into the record tables: the patient and identifiers, the
// review and reconciliation dates, conditions with body sites, allergies, medicines, observations
// and injections given elsewhere. For demo seeding, imports and tests; the chart's ids are kept
// when they are uuids, otherwise the database makes new ones.
import type { KnotworkTx } from '../../db/index.js';
import { allergies, conditions, earlierAdministrations, medicines, observations, patients } from '../../db/schema.js';
import type { Chart, ChartAllergy, ChartObservation } from '../../fhir/chart.js';
import { lateralityOf } from './chart-rows.js';
import { insertIdentifiers, patientColumns, writeSearchNames } from './patient-rows.js';
import { dateFromIso, isUuid, onlyRow } from './rows.js';

export interface WriteChartOptions {
  /** The user the entries are recorded by (and who reviewed allergies and reconciled medicines). */
  readonly recordedBy?: string | undefined;
  /** Where injections given elsewhere came from (default "chart import"). */
  readonly source?: string;
}

const keepId = (id: string) => (isUuid(id) ? id : undefined);
const at = (value: string | undefined, what: string) => (value === undefined ? undefined : dateFromIso(value, what));

function allergySubstance(a: ChartAllergy) {
  const s = a.substance;
  return s.kind === 'text'
    ? { substanceKind: 'text' as const, substanceCode: null, substanceText: s.text }
    : { substanceKind: s.kind, substanceCode: s.code, substanceText: s.text };
}

function observationValue(o: ChartObservation) {
  const v = o.value;
  return 'quantity' in v
    ? { valueNumber: v.quantity, unit: v.unit }
    : { valueSystem: v.system, valueCode: v.code, valueText: v.display ?? null };
}

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
        code: c.icd10,
        display: c.display,
        clinicalStatus: c.clinicalStatus,
        verificationStatus: c.verificationStatus,
        onset: c.onset ?? null,
        bodySiteMuscle: c.bodySite?.muscle ?? null,
        bodySiteRegion: c.bodySite?.region ?? null,
        laterality: c.bodySite?.side === undefined ? null : lateralityOf(c.bodySite.side),
        recordedAt: at(c.recordedAt, `condition ${c.id} recordedAt`),
      })),
    );
  if (chart.allergies.length > 0)
    await tx.insert(allergies).values(
      chart.allergies.map((a) => ({
        ...base(a.id),
        ...own,
        ...allergySubstance(a),
        type: a.type,
        criticality: a.criticality ?? null,
        clinicalStatus: a.clinicalStatus,
        verificationStatus: a.verificationStatus,
        recordedAt: at(a.recordedAt, `allergy ${a.id} recordedAt`),
      })),
    );
  if (chart.medicines.length > 0)
    await tx.insert(medicines).values(
      chart.medicines.map((m) => ({
        ...base(m.id),
        ...own,
        kind: 'statement' as const,
        rxnormCode: m.rxnorm ?? null,
        text: m.display,
        status: m.status,
        assertedAt: at(m.assertedAt, `medicine ${m.id} assertedAt`) ?? null,
      })),
    );
  if (chart.observations.length > 0)
    await tx.insert(observations).values(
      chart.observations.map((o) => ({
        ...base(o.id),
        ...own,
        loincCode: o.loinc,
        display: o.display ?? null,
        ...observationValue(o),
        effectiveAt: dateFromIso(o.at, `observation ${o.id} at`),
        status: o.status,
      })),
    );
  if (chart.administrations.length > 0) {
    const notGiven = chart.administrations.find((a) => a.status !== 'completed');
    // The table holds injections that were given; it has no status to keep any other.
    if (notGiven) throw new RangeError(`administration ${notGiven.id} is ${notGiven.status}; only given ones are kept`);
    await tx.insert(earlierAdministrations).values(
      chart.administrations.map((a) => ({
        ...base(a.id),
        ...own,
        productCode: a.injectate ?? null,
        text: a.text ?? '',
        doseMl: a.volumeMl ?? null,
        administeredOn: a.at,
        source: options.source ?? 'chart import',
      })),
    );
  }
  return patientId;
}
