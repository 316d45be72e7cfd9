// FhirOwnerLookup on the database: one indexed select by primary key in the entity's table, under
// the clinic's row-level security (and its clinic id, said again).
import { and, eq } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import {
  administrations,
  allergies,
  complications,
  conditions,
  consents,
  earlierAdministrations,
  medicines,
  observations,
  procedureNotes,
  visits,
} from '../../db/schema.js';
import type { FhirOwnerLookup, OwnedEntity } from '../fhir-export/fhir-owner-ports.js';
import { isUuid } from './rows.js';

const TABLES = {
  condition: conditions,
  allergy: allergies,
  medicine: medicines,
  observation: observations,
  'earlier-administration': earlierAdministrations,
  administration: administrations,
  consent: consents,
  visit: visits,
  note: procedureNotes,
  complication: complications,
} as const satisfies Record<OwnedEntity, unknown>;

export function fhirOwnerLookup(tx: KnotworkTx, clinicId: string): FhirOwnerLookup {
  return {
    patientOf: async (entity, id) => {
      if (!isUuid(id)) return undefined;
      const table = TABLES[entity];
      const rows = await tx
        .select({ patientId: table.patientId })
        .from(table)
        .where(and(eq(table.clinicId, clinicId), eq(table.id, id)))
        .limit(1);
      return rows[0]?.patientId;
    },
  };
}
