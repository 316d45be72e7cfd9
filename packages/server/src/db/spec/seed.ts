// Two clinics with a little of everything, written as system, for the database contract suite.
import type { Database } from '../database.js';
import { clinics, conditions, patients, procedureNotes, users, visits } from '../schema.js';

export interface SeededClinic {
  readonly clinicId: string;
  readonly userId: string;
  readonly patientId: string;
  readonly visitId: string;
  readonly conditionId: string;
  readonly noteId: string;
}

function first<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('insert returned no row');
  return row;
}

export async function seedClinic(database: Database, name: string): Promise<SeededClinic> {
  return database.asSystem(async (tx) => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const { id: clinicId } = first(await tx.insert(clinics).values({ name }).returning({ id: clinics.id }));
    const { id: userId } = first(
      await tx
        .insert(users)
        .values({
          clinicId,
          email: `clinician.${suffix}@${name.toLowerCase().replaceAll(' ', '-')}.example`,
          displayName: `Clinician of ${name}`,
          role: 'clinician',
          passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        })
        .returning({ id: users.id }),
    );
    const { id: patientId } = first(
      await tx
        .insert(patients)
        .values({
          clinicId,
          familyName: `Patient-${name}`,
          givenNames: 'Ann',
          birthDate: '1961-04-30',
          gender: 'female',
        })
        .returning({ id: patients.id }),
    );
    const { id: visitId } = first(
      await tx.insert(visits).values({ clinicId, patientId, clinicianId: userId }).returning({ id: visits.id }),
    );
    const { id: conditionId } = first(
      await tx
        .insert(conditions)
        .values({ clinicId, patientId, code: 'M79.18', display: 'Myalgia, other site', clinicalStatus: 'active' })
        .returning({ id: conditions.id }),
    );
    const { id: noteId } = first(
      await tx
        .insert(procedureNotes)
        .values({ clinicId, patientId, visitId, version: 1, content: { sites: [] }, createdBy: userId })
        .returning({ id: procedureNotes.id }),
    );
    return { clinicId, userId, patientId, visitId, conditionId, noteId };
  });
}
