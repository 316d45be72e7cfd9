// A patient's whole record for the FHIR export, read through the ports (the chart, each visit's
// baseline, note versions, administrations, complications and consents, and the clinic's users it
// names); undefined when the patient is not of this clinic. Not audited: its callers are.
import type { PatientRecord, RecordPerson, VisitRecord } from '../../fhir/export/patient-record.js';
import type { ClinicRepositories } from '../ports.js';

export type RecordRepos = Pick<
  ClinicRepositories,
  'charts' | 'visits' | 'notes' | 'procedures' | 'baselines' | 'users'
>;

/**
 * `cache` keeps the users already looked up (null: not found) across patients, as a bulk export
 * does; without it each call looks them up again.
 */
export async function loadPatientRecord(
  patientId: string,
  repos: RecordRepos,
  cache?: Map<string, RecordPerson | null>,
): Promise<PatientRecord | undefined> {
  const chart = await repos.charts.loadChart(patientId);
  if (!chart) return undefined;
  const visits: VisitRecord[] = [];
  for (const visit of await repos.visits.ofPatient(patientId)) {
    // One statement at a time: a transaction's connection runs them in turn anyway.
    const baseline = await repos.baselines.ofVisit(visit.id);
    const notes = await repos.notes.ofVisit(visit.id);
    const administrations = await repos.procedures.administrationsOf(visit.id);
    const complications = await repos.procedures.complicationsOf(visit.id);
    const consents = await repos.procedures.consentsOf(visit.id);
    visits.push({ visit, baseline, notes, administrations, complications, consents });
  }
  const ids = new Set<string>();
  for (const v of visits) {
    ids.add(v.visit.startedBy);
    for (const n of v.notes) if (n.signedBy) ids.add(n.signedBy);
    for (const a of v.administrations) if (a.administeredBy) ids.add(a.administeredBy);
    for (const c of v.complications) if (c.recordedBy) ids.add(c.recordedBy);
    for (const c of v.consents) ids.add(c.witnessedBy);
  }
  return { chart, visits, people: await peopleOf([...ids], repos, cache) };
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
