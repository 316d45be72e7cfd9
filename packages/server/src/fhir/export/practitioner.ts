// Practitioner: each of the clinic's users the exported resources name (who signed, gave,
// witnessed, recorded, started the visit), by the display name of their account, so every
// reference resolves inside the Bundle. A user no longer found is still listed, said to be unknown.
import type { Practitioner, Resource } from '@medplum/fhirtypes';
import type { PatientRecord } from './patient-record.js';

const PRACTITIONER_REF = /"reference":"Practitioner\/([A-Za-z0-9\-.]{1,64})"/g;

/** The Practitioner ids the resources refer to, in order of first mention. */
export function practitionersNamed(resources: readonly Resource[]): string[] {
  const ids = new Set<string>();
  for (const r of resources) for (const m of JSON.stringify(r).matchAll(PRACTITIONER_REF)) ids.add(m[1] ?? '');
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
