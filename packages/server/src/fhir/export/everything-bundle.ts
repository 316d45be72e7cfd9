// The answer of Patient/{id}/$everything: a searchset Bundle of every resource of the patient's
// record, each with its fullUrl on the server's FHIR base, so the relative references inside
// (Patient/..., Encounter/..., Practitioner/...) resolve to entries of the same Bundle.
import type { Bundle, Resource } from '@medplum/fhirtypes';

export function everythingBundle(resources: readonly Resource[], fhirBase: string, at: string): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    timestamp: at,
    total: resources.length,
    link: [
      {
        relation: 'self',
        url: `${fhirBase}/${resources[0]?.resourceType ?? 'Patient'}/${resources[0]?.id ?? ''}/$everything`,
      },
    ],
    entry: resources.map((resource) => ({
      fullUrl: `${fhirBase}/${resource.resourceType}/${resource.id ?? ''}`,
      resource,
      search: { mode: resource.resourceType === 'Patient' ? 'match' : 'include' },
    })),
  };
}

/** Every relative reference in the Bundle that names no entry of it (none means self-contained). */
export function unresolvedReferences(bundle: Bundle): string[] {
  const present = new Set((bundle.entry ?? []).map((e) => `${e.resource?.resourceType}/${e.resource?.id}`));
  const missing = new Set<string>();
  const REF = /"reference":"([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})"/g;
  for (const e of bundle.entry ?? []) {
    for (const m of JSON.stringify(e.resource).matchAll(REF)) if (!present.has(m[1] ?? '')) missing.add(m[1] ?? '');
  }
  return [...missing];
}
