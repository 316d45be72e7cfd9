// Patients' whole records for the FHIR export, read through the ports: their charts (one statement
// for many), every visit of the patients at once with its baseline, note versions, administrations,
// complications and consents (FhirExportReader.visitRecordsOf), and the clinic's users they name.
// Not audited: its callers are.
import type { PatientRecord, RecordPerson } from '../../fhir/export/patient-record.js';
import type { ClinicRepositories } from '../ports.js';

export type RecordRepos = Pick<ClinicRepositories, 'fhirExport' | 'users'>;

/**
 * The records of the patients of this clinic among `patientIds`, in that order (the others are
 * left out). `cache` keeps the users already looked up (null: not found) from one call to the next.
 */
export async function loadPatientRecords(
  patientIds: readonly string[],
  repos: RecordRepos,
  cache = new Map<string, RecordPerson | null>(),
): Promise<PatientRecord[]> {
  const charts = await repos.fhirExport.chartsOf(patientIds);
  const visitsOf = await repos.fhirExport.visitRecordsOf([...charts.keys()]);
  const records: PatientRecord[] = [];
  for (const patientId of patientIds) {
    const chart = charts.get(patientId);
    if (!chart) continue;
    const visits = visitsOf.get(patientId) ?? [];
    const ids = new Set<string>();
    for (const v of visits) {
      ids.add(v.visit.startedBy);
      for (const n of v.notes) if (n.signedBy) ids.add(n.signedBy);
      for (const a of v.administrations) if (a.administeredBy) ids.add(a.administeredBy);
      for (const c of v.complications) if (c.recordedBy) ids.add(c.recordedBy);
      for (const c of v.consents) ids.add(c.witnessedBy);
    }
    records.push({ chart, visits, people: await peopleOf([...ids], repos, cache) });
  }
  return records;
}

/** One patient's record; undefined when the patient is not of this clinic. */
export async function loadPatientRecord(patientId: string, repos: RecordRepos): Promise<PatientRecord | undefined> {
  const [record] = await loadPatientRecords([patientId], repos);
  return record;
}

/** The clinic's users by id (their display names), for the Practitioner resources. */
export async function peopleOf(
  ids: readonly string[],
  repos: Pick<RecordRepos, 'users'>,
  cache = new Map<string, RecordPerson | null>(),
) {
  const people = new Map<string, RecordPerson>();
  for (const id of ids) {
    if (id === '') continue;
    let person = cache.get(id);
    if (person === undefined) {
      const user = await repos.users.get(id);
      person = user ? { id, displayName: user.displayName } : null;
      cache.set(id, person);
    }
    if (person) people.set(id, person);
  }
  return people;
}
