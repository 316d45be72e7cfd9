// ChartReader on the database: the patient, the review and reconciliation dates, conditions,
// allergies, medicines, observations, injections given elsewhere, and this clinic's own
// administrations from visits whose procedure note is signed (or amended after signing).
//
// The chart is one statement (one round trip): the patient row with a json_agg subquery per record
// type, each in the order the chart lists it. It runs in the caller's withClinic transaction, so
// row-level security confines every subquery to the clinic as it would separate queries. Each
// aggregated row is turned back into the row drizzle would have selected (./json-rows.ts), and from
// there into the chart by the same row mappers.
//
// The statement is built once, at load, and sent as a named prepared statement straight through
// the transaction's connection (no query building or drizzle row mapping per read). Besides
// row-level security, every part of it names the clinic, so it could not read another clinic's rows
// even without it.
import { and, eq, fillPlaceholders, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { KnotworkTx } from '../../db/index.js';
import { rawQueryOf, type Statement } from '../../db/database-internals.js';
import {
  administrations,
  allergies,
  conditions,
  earlierAdministrations,
  medicines,
  observations,
  patientIdentifiers,
  patients,
  procedureNotes,
} from '../../db/schema.js';
import type { Chart } from '../../fhir/chart.js';
import type { PatientIdentifier } from '../ports.js';
import type { ChartReader } from '../visits/visit-ports.js';
import {
  ALLERGY_COLUMNS,
  allergyOf,
  CONDITION_COLUMNS,
  conditionOf,
  EARLIER_ADMINISTRATION_COLUMNS,
  earlierAdministrationOf,
  MEDICINE_COLUMNS,
  medicineOf,
  OBSERVATION_COLUMNS,
  observationOf,
  OWN_ADMINISTRATION_COLUMNS,
  ownAdministrationOf,
} from './chart-rows.js';
import { jsonColumnsOf } from './json-rows.js';
import { compareIdentifiers, splitGiven } from './patient-rows.js';
import { isoOrNull, isUuid, present } from './rows.js';

// The statement's parameters: its text is the same every time, so PostgreSQL can keep it prepared.
const CLINIC = sql.placeholder('clinicId');

type OwnTable = PgTable & { clinicId: AnyPgColumn; patientId: AnyPgColumn };

// Only the columns the chart shows (./chart-rows.ts), keyed by column name as to_json would.
const PATIENT = jsonColumnsOf(patients, [
  'id',
  'familyName',
  'givenNames',
  'birthDate',
  'gender',
  'allergiesReviewedAt',
  'allergiesReviewedBy',
  'medicationsReconciledAt',
  'medicationsReconciledBy',
]);
const CONDITION = jsonColumnsOf(conditions, CONDITION_COLUMNS);
const ALLERGY = jsonColumnsOf(allergies, ALLERGY_COLUMNS);
const MEDICINE = jsonColumnsOf(medicines, MEDICINE_COLUMNS);
const OBSERVATION = jsonColumnsOf(observations, OBSERVATION_COLUMNS);
const EARLIER = jsonColumnsOf(earlierAdministrations, EARLIER_ADMINISTRATION_COLUMNS);
const OWN = jsonColumnsOf(administrations, OWN_ADMINISTRATION_COLUMNS);

/** The patient's rows of `table` in this clinic, in `order`, as a JSON array (empty, not null). */
function rowsOfPatient(table: OwnTable, row: SQL, order: SQL, also?: SQL): SQL {
  const where = sql`${table.clinicId} = ${CLINIC} and ${table.patientId} = ${patients.id}`;
  return sql`(select coalesce(json_agg(${row} order by ${order}), '[]'::json) from ${table}
    where ${also === undefined ? where : sql`${where} and ${also}`})`;
}

const signedNote = sql`exists (select 1 from ${procedureNotes}
    where ${procedureNotes.clinicId} = ${administrations.clinicId}
      and ${procedureNotes.visitId} = ${administrations.visitId}
      and ${procedureNotes.status} in ('signed', 'amended'))`;

const chartJson = sql`json_build_object(
      'patient', ${PATIENT.select},
      'identifiers', (select coalesce(json_agg(json_build_object(
          'system', ${patientIdentifiers.system}, 'value', ${patientIdentifiers.value})), '[]'::json)
        from ${patientIdentifiers}
        where ${patientIdentifiers.clinicId} = ${CLINIC} and ${patientIdentifiers.patientId} = ${patients.id}),
      'conditions', ${rowsOfPatient(conditions, CONDITION.select, sql`${conditions.recordedAt} asc, ${conditions.id} asc`)},
      'allergies', ${rowsOfPatient(allergies, ALLERGY.select, sql`${allergies.recordedAt} asc, ${allergies.id} asc`)},
      'medicines', ${rowsOfPatient(medicines, MEDICINE.select, sql`${medicines.recordedAt} asc, ${medicines.id} asc`)},
      'observations', ${rowsOfPatient(
        observations,
        OBSERVATION.select,
        sql`${observations.effectiveAt} desc, ${observations.id} asc`,
      )},
      'earlier', ${rowsOfPatient(
        earlierAdministrations,
        EARLIER.select,
        sql`${earlierAdministrations.administeredOn} desc, ${earlierAdministrations.id} asc`,
      )},
      'own', ${rowsOfPatient(
        administrations,
        OWN.select,
        sql`${administrations.administeredAt} desc, ${administrations.id} asc`,
        signedNote,
      )}
    )`;

const chartQuery = new QueryBuilder()
  // Nested, so drizzle keeps the columns table-qualified (it drops the table name of a
  // single-table select's top-level columns, which would make the subqueries' references ambiguous).
  .select({ chart: sql<unknown>`${chartJson}`.as('chart') })
  .from(patients)
  .where(and(eq(patients.id, sql.placeholder('patientId')), eq(patients.clinicId, CLINIC)))
  .toSQL();

const CHART_READ: Statement = { name: 'knotwork_chart_read', text: chartQuery.sql, readOnly: true };

async function chartRow(tx: KnotworkTx, clinicId: string, patientId: string): Promise<{ chart: unknown } | undefined> {
  const values = fillPlaceholders(chartQuery.params, { clinicId, patientId });
  const raw = rawQueryOf(tx);
  if (raw) return (await raw<{ chart: unknown }>(CHART_READ, values))[0];
  // A transaction withClinic did not hand out (a savepoint's): the same statement through drizzle.
  const [row] = await tx
    .select({ chart: sql<unknown>`${chartJson}` })
    .from(patients)
    .where(and(eq(patients.id, sql.placeholder('patientId')), eq(patients.clinicId, CLINIC)))
    .prepare('knotwork_chart_read_drizzle')
    .execute({ clinicId, patientId });
  return row;
}

async function loadChart(tx: KnotworkTx, clinicId: string, patientId: string): Promise<Chart | undefined> {
  if (!isUuid(patientId)) return undefined;
  const found = await chartRow(tx, clinicId, patientId);
  if (!found || found.chart === null) return undefined;
  return chartOf(found.chart);
}

/** The chart from the statement's JSON (a string from some drivers, parsed from others). */
function chartOf(json: unknown): Chart | undefined {
  const chart = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown>;
  const [patient] = PATIENT.read([chart['patient']]);
  if (!patient) return undefined;
  const identifiers = (chart['identifiers'] as PatientIdentifier[]).map(({ system, value }) => ({ system, value }));
  identifiers.sort(compareIdentifiers);
  return {
    patient: {
      id: patient.id,
      identifiers,
      family: patient.familyName,
      given: splitGiven(patient.givenNames),
      ...(patient.birthDate === null ? {} : { birthDate: patient.birthDate }),
      sex: patient.gender,
    },
    allergiesReviewedAt: isoOrNull(patient.allergiesReviewedAt),
    ...present('allergiesReviewedBy', patient.allergiesReviewedBy),
    medicationsReconciledAt: isoOrNull(patient.medicationsReconciledAt),
    ...present('medicationsReconciledBy', patient.medicationsReconciledBy),
    conditions: CONDITION.read(chart['conditions']).map(conditionOf),
    allergies: ALLERGY.read(chart['allergies']).map(allergyOf),
    medicines: MEDICINE.read(chart['medicines']).map(medicineOf),
    observations: OBSERVATION.read(chart['observations'])
      .map(observationOf)
      .filter((o) => o !== undefined),
    administrations: [
      ...OWN.read(chart['own']).map(ownAdministrationOf),
      ...EARLIER.read(chart['earlier']).map(earlierAdministrationOf),
    ],
  };
}

// Many patients' charts in one statement (a page of a Bulk Data export): the same chart, one row
// per patient, the ids as one array parameter so the statement's text never changes.
const chartsQuery = new QueryBuilder()
  .select({ chart: sql<unknown>`${chartJson}`.as('chart') })
  .from(patients)
  .where(and(sql`${patients.id} = any(${sql.placeholder('patientIds')}::uuid[])`, eq(patients.clinicId, CLINIC)))
  .toSQL();

const CHARTS_READ: Statement = { name: 'knotwork_charts_read', text: chartsQuery.sql, readOnly: true };

/** The charts of those of `patientIds` who are patients of this clinic, by patient id. */
export async function loadCharts(
  tx: KnotworkTx,
  clinicId: string,
  patientIds: readonly string[],
): Promise<Map<string, Chart>> {
  const ids = patientIds.filter(isUuid);
  const charts = new Map<string, Chart>();
  if (ids.length === 0) return charts;
  const raw = rawQueryOf(tx);
  const rows = raw
    ? await raw<{ chart: unknown }>(CHARTS_READ, fillPlaceholders(chartsQuery.params, { clinicId, patientIds: ids }))
    : await tx
        .select({ chart: sql<unknown>`${chartJson}` })
        .from(patients)
        .where(and(sql`${patients.id} = any(${sql.placeholder('patientIds')}::uuid[])`, eq(patients.clinicId, CLINIC)))
        .prepare('knotwork_charts_read_drizzle')
        .execute({ clinicId, patientIds: ids });
  for (const row of rows) {
    const chart = row.chart === null ? undefined : chartOf(row.chart);
    if (chart) charts.set(chart.patient.id, chart);
  }
  return charts;
}

export function chartReader(tx: KnotworkTx, clinicId: string): ChartReader {
  return { loadChart: (patientId) => loadChart(tx, clinicId, patientId) };
}
