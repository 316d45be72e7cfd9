// PatientStore on the database: create with identifiers, read, and update under optimistic
// concurrency (the revision is the ETag: a stale write changes nothing). Search is in
// patient-search.ts.
import { and, eq, sql } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { patientIdentifiers, patients } from '../../db/schema.js';
import type { PatientStore } from '../ports.js';
import { identifiersOf, insertIdentifiers, patientColumns, summaryOf, writeSearchNames } from './patient-rows.js';
import { searchPatients } from './patient-search.js';
import { isUuid, onlyRow } from './rows.js';
import type { NewId } from './options.js';

export function patientStore(tx: KnotworkTx, clinicId: string, newId: NewId): PatientStore {
  const get = async (id: string) => {
    if (!isUuid(id)) return undefined;
    const [row] = await tx.select().from(patients).where(eq(patients.id, id));
    if (!row) return undefined;
    return summaryOf(row, (await identifiersOf(tx, clinicId, [id])).get(id) ?? []);
  };
  return {
    search: (query) => searchPatients(tx, clinicId, query),
    get,
    create: async (patient) => {
      const row = onlyRow(
        await tx
          .insert(patients)
          .values({ ...patientColumns(clinicId, patient), id: newId?.() })
          .returning(),
        'patients.create',
      );
      await insertIdentifiers(tx, clinicId, row.id, patient.identifiers);
      await writeSearchNames(tx, clinicId, row.id, patient);
      return summaryOf(row, (await identifiersOf(tx, clinicId, [row.id])).get(row.id) ?? []);
    },
    update: async (id, expectedRevision, change) => {
      if (!isUuid(id)) return undefined;
      // One statement decides: under concurrent updates of one revision, the second waits for the
      // first's row lock, re-checks the revision and updates nothing.
      const [row] = await tx
        .update(patients)
        .set({ ...patientColumns(clinicId, change), revision: sql`${patients.revision} + 1`, updatedAt: sql`now()` })
        .where(and(eq(patients.id, id), eq(patients.revision, expectedRevision)))
        .returning();
      if (!row) return (await get(id)) === undefined ? undefined : 'stale';
      await tx.delete(patientIdentifiers).where(eq(patientIdentifiers.patientId, id));
      await insertIdentifiers(tx, clinicId, id, change.identifiers);
      await writeSearchNames(tx, clinicId, id, change);
      return summaryOf(row, (await identifiersOf(tx, clinicId, [id])).get(id) ?? []);
    },
  };
}
