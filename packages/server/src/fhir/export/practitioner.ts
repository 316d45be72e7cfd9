// Practitioner: each of the clinic's users the exported resources name (who signed, gave,
// witnessed, recorded, started the visit), by the display name of their account, so every
// reference resolves inside the Bundle. A user no longer found is still listed, said to be unknown.
import type { Practitioner } from '@medplum/fhirtypes';
import type { PatientRecord } from './patient-record.js';

/**
 * The users the record's resources refer to, in order of first mention: who started each visit,
 * signed its note, gave, recorded a complication, witnessed a consent.
 */
export function practitionersOf(record: PatientRecord): string[] {
  const ids = new Set<string>();
  for (const v of record.visits) {
    ids.add(v.visit.startedBy);
    for (const n of v.notes) if (n.signedBy !== null && n.status !== 'draft') ids.add(n.signedBy);
    for (const a of v.administrations) if (a.administeredBy !== null) ids.add(a.administeredBy);
    for (const c of v.complications) if (c.recordedBy !== null && c.status === 'active') ids.add(c.recordedBy);
    for (const c of v.consents) ids.add(c.witnessedBy);
  }
  return [...ids];
}

export function exportPractitioners(people: PatientRecord['people'], ids: readonly string[]): Practitioner[] {
  return ids.map((id) => {
    const person = people.get(id);
    return {
      resourceType: 'Practitioner',
      id,
      name: [{ text: person?.displayName ?? `unknown user ${id}` }],
    };
  });
}
