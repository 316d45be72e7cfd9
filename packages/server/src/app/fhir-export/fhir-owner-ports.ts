// Which patient a stored entity belongs to, for reading one exported FHIR resource by its id
// (GET /fhir/R4/{type}/{id}): the resource is built from that patient's record, so a read and
// $everything answer the same resource. Within the caller's clinic only; undefined when not there.
import type { ClinicData } from '../memory-visit-stores.js';

export type OwnedEntity =
  | 'condition'
  | 'allergy'
  | 'medicine'
  | 'observation'
  | 'earlier-administration'
  | 'administration'
  | 'consent'
  | 'visit'
  | 'note'
  | 'complication';

export interface FhirOwnerLookup {
  patientOf(entity: OwnedEntity, id: string): Promise<string | undefined>;
}

const LIST = {
  condition: 'conditions',
  allergy: 'allergies',
  medicine: 'medicines',
  observation: 'observations',
  'earlier-administration': 'administrations',
} as const;

/** The in-memory twin's lookup, over one clinic's maps. */
export function memoryFhirOwners(data: ClinicData): FhirOwnerLookup {
  const find = (entity: OwnedEntity, id: string): string | undefined => {
    switch (entity) {
      case 'visit':
        return data.visits.get(id)?.patientId;
      case 'note':
        return data.notes.get(id)?.patientId;
      case 'administration':
        return data.procedures.administrations.find((a) => a.id === id)?.patientId;
      case 'consent':
        return data.procedures.consents.find((c) => c.id === id)?.patientId;
      case 'complication':
        return data.procedures.complications.find((c) => c.id === id)?.patientId;
      case 'condition':
      case 'allergy':
      case 'medicine':
      case 'observation':
      case 'earlier-administration':
        for (const [patientId, chart] of data.charts) {
          const list = chart[LIST[entity]] as readonly { readonly id: string; readonly revision?: number }[];
          // The chart's own administrations (from signed notes) have no revision: not entries.
          if (list.some((e) => e.id === id && (entity !== 'earlier-administration' || e.revision !== undefined)))
            return patientId;
        }
        return undefined;
    }
  };
  return { patientOf: (entity, id) => Promise.resolve(find(entity, id)) };
}
