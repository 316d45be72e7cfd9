// ChartReader on the database: the patient, the review and reconciliation dates, conditions,
// allergies, medicines, observations, injections given elsewhere, and this clinic's own
// administrations from visits whose procedure note is signed (or amended after signing).
import { and, asc, desc, eq, exists, inArray } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { KnotworkTx } from '../../db/index.js';
import {
  administrations,
  allergies,
  conditions,
  earlierAdministrations,
  medicines,
  observations,
  patients,
  procedureNotes,
} from '../../db/schema.js';
import type { Chart } from '../../fhir/chart.js';
import type { ChartReader } from '../visits/visit-ports.js';
import {
  allergyOf,
  conditionOf,
  earlierAdministrationOf,
  medicineOf,
  observationOf,
  ownAdministrationOf,
} from './chart-rows.js';
import { identifiersOf, splitGiven } from './patient-rows.js';
import { isoOrNull, isUuid, present } from './rows.js';

async function loadChart(tx: KnotworkTx, clinicId: string, patientId: string): Promise<Chart | undefined> {
  if (!isUuid(patientId)) return undefined;
  const [patient] = await tx.select().from(patients).where(eq(patients.id, patientId));
  if (!patient) return undefined;
  const own = (t: { clinicId: AnyPgColumn; patientId: AnyPgColumn }) =>
    and(eq(t.clinicId, clinicId), eq(t.patientId, patientId));
  const signedNote = tx
    .select({ id: procedureNotes.id })
    .from(procedureNotes)
    .where(
      and(
        eq(procedureNotes.clinicId, administrations.clinicId),
        eq(procedureNotes.visitId, administrations.visitId),
        inArray(procedureNotes.status, ['signed', 'amended']),
      ),
    );
  // One after another: a transaction is one connection, and pg refuses overlapping queries on it.
  const identifiers = await identifiersOf(tx, clinicId, [patientId]);
  const conditionRows = await tx
    .select()
    .from(conditions)
    .where(own(conditions))
    .orderBy(asc(conditions.recordedAt), asc(conditions.id));
  const allergyRows = await tx
    .select()
    .from(allergies)
    .where(own(allergies))
    .orderBy(asc(allergies.recordedAt), asc(allergies.id));
  const medicineRows = await tx
    .select()
    .from(medicines)
    .where(own(medicines))
    .orderBy(asc(medicines.recordedAt), asc(medicines.id));
  const observationRows = await tx
    .select()
    .from(observations)
    .where(own(observations))
    .orderBy(desc(observations.effectiveAt), asc(observations.id));
  const earlierRows = await tx
    .select()
    .from(earlierAdministrations)
    .where(own(earlierAdministrations))
    .orderBy(desc(earlierAdministrations.administeredOn), asc(earlierAdministrations.id));
  const ownRows = await tx
    .select()
    .from(administrations)
    .where(and(own(administrations), exists(signedNote)))
    .orderBy(desc(administrations.administeredAt), asc(administrations.id));
  return {
    patient: {
      id: patient.id,
      identifiers: identifiers.get(patientId) ?? [],
      family: patient.familyName,
      given: splitGiven(patient.givenNames),
      ...(patient.birthDate === null ? {} : { birthDate: patient.birthDate }),
      sex: patient.gender,
    },
    allergiesReviewedAt: isoOrNull(patient.allergiesReviewedAt),
    ...present('allergiesReviewedBy', patient.allergiesReviewedBy),
    medicationsReconciledAt: isoOrNull(patient.medicationsReconciledAt),
    ...present('medicationsReconciledBy', patient.medicationsReconciledBy),
    conditions: conditionRows.map(conditionOf),
    allergies: allergyRows.map(allergyOf),
    medicines: medicineRows.map(medicineOf),
    observations: observationRows.map(observationOf).filter((o) => o !== undefined),
    administrations: [...ownRows.map(ownAdministrationOf), ...earlierRows.map(earlierAdministrationOf)],
  };
}

export function chartReader(tx: KnotworkTx, clinicId: string): ChartReader {
  return { loadChart: (patientId) => loadChart(tx, clinicId, patientId) };
}
