// The entries the record routes answer: as the chart shows them, with the revision (the ETag a
// change sends back in If-Match); a medicine also names the catalogue anticoagulant it is, if any.
import { z } from 'zod';
import { anticoagulantOf } from '../../app/records/anticoagulant-of.js';
import type { RecordKind, StoredEntry } from '../../app/records/record-ports.js';
import { Administration, Allergy, Condition, Medicine, Observation } from './chart-schema.js';

const revision = z.number().int().describe('Increases with every change; the ETag is "<revision>"');

export const StoredCondition = Condition.extend({ revision }).meta({ id: 'Condition' });
export const StoredAllergy = Allergy.extend({ revision }).meta({ id: 'Allergy' });
export const StoredMedicine = Medicine.extend({ revision }).meta({ id: 'Medicine' });
export const StoredObservation = Observation.extend({ revision }).meta({ id: 'Observation' });
export const StoredEarlierAdministration = Administration.extend({ revision }).meta({
  id: 'EarlierAdministration',
});

/** The entry as answered: a medicine with its anticoagulant, any other as stored. */
export function entryView<K extends RecordKind>(kind: K, entry: StoredEntry<K>): object {
  if (kind !== 'medicine') return entry;
  const medicine = entry as StoredEntry<'medicine'>;
  return { ...medicine, anticoagulant: anticoagulantOf(medicine) };
}

export const Review = z
  .object({
    allergiesReviewedAt: z.iso.datetime(),
    allergiesReviewedBy: z.string(),
    noKnownAllergies: z.boolean(),
    activeAllergies: z.number().int().describe('Allergies recorded active (neither refuted nor entered in error)'),
  })
  .meta({ id: 'AllergyReview' });

export const Reconciliation = z
  .object({ medicationsReconciledAt: z.iso.datetime(), medicationsReconciledBy: z.string() })
  .meta({ id: 'MedicineReconciliation' });
