// The chart's entries as the record store keeps them (conditions, allergies, medicines,
// observations, injections given elsewhere), and the review stamps. An entry is never deleted: one
// entered in error keeps its row with that status, so the record shows what was retracted and the
// screen (which skips entered-in-error entries) no longer counts it.
import type {
  ChartAdministration,
  ChartAllergy,
  ChartCondition,
  ChartMedicine,
  ChartObservation,
} from '../../fhir/chart.js';

export interface RecordEntries {
  readonly condition: ChartCondition;
  readonly allergy: ChartAllergy;
  readonly medicine: ChartMedicine;
  readonly observation: ChartObservation;
  /** Corticosteroid and anaesthetic injections given elsewhere (never our own). */
  readonly 'earlier-administration': ChartAdministration;
}

export type RecordKind = keyof RecordEntries;

/** What a writer gives: the entry without what the store assigns (id, revision, recorded time). */
export type RecordInput<K extends RecordKind> = Omit<RecordEntries[K], 'id' | 'revision' | 'recordedAt'> &
  (K extends 'earlier-administration'
    ? { /** Where the information came from ("patient report", "GP letter 2026-03-02"). */ readonly source?: string }
    : unknown);

/** An entry as stored: with its id and revision (the ETag of If-Match). */
export type StoredEntry<K extends RecordKind> = RecordEntries[K] & { readonly id: string; readonly revision: number };

/** Who writes, and when (the clinical clock, epoch ms): the entry's recorded time and author. */
export interface RecordStamp {
  readonly at: number;
  /** A user of the clinic; null for a system client (an API token's FHIR import), which is no user. */
  readonly by: string | null;
}

export interface RecordStore {
  /** Adds an entry to the patient's record; undefined when the patient is not of this clinic. */
  add<K extends RecordKind>(
    kind: K,
    patientId: string,
    input: RecordInput<K>,
    stamp: RecordStamp,
  ): Promise<StoredEntry<K> | undefined>;
  /** The patient's entry; undefined when there is none of that kind and id for this patient here. */
  get<K extends RecordKind>(kind: K, patientId: string, id: string): Promise<StoredEntry<K> | undefined>;
  /**
   * Replaces the entry's content only if its stored revision is `expectedRevision` (one statement
   * decides, as for patients): the next revision, 'stale' otherwise, undefined when not found.
   */
  replace<K extends RecordKind>(
    kind: K,
    patientId: string,
    id: string,
    expectedRevision: number,
    input: RecordInput<K>,
    at: number,
  ): Promise<StoredEntry<K> | 'stale' | undefined>;
  /**
   * Stamps the allergy review or the medicine reconciliation with its time and user; false when
   * there is no such patient. The patient's own revision (the ETag of its details) is unchanged.
   */
  stamp(patientId: string, list: 'allergies' | 'medicines', stamp: RecordStamp): Promise<boolean>;
}

/** How each kind is named in audit actions (`condition.create`), FHIR entities and messages. */
export const RECORD_KINDS: { readonly [K in RecordKind]: { readonly resource: string; readonly noun: string } } = {
  condition: { resource: 'Condition', noun: 'condition' },
  allergy: { resource: 'AllergyIntolerance', noun: 'allergy' },
  medicine: { resource: 'MedicationStatement', noun: 'medicine' },
  observation: { resource: 'Observation', noun: 'observation' },
  'earlier-administration': { resource: 'MedicationAdministration', noun: 'earlier administration' },
};

type Marking = { readonly [K in RecordKind]: (entry: RecordEntries[K]) => RecordEntries[K] };

/** The entry marked entered in error: the verification status of a condition or allergy, else the status. */
export const ENTERED_IN_ERROR: Marking = {
  condition: (e) => ({ ...e, verificationStatus: 'entered-in-error' }),
  allergy: (e) => ({ ...e, verificationStatus: 'entered-in-error' }),
  medicine: (e) => ({ ...e, status: 'entered-in-error' }),
  observation: (e) => ({ ...e, status: 'entered-in-error' }),
  'earlier-administration': (e) => ({ ...e, status: 'entered-in-error' }),
};

export function isEnteredInError(entry: RecordEntries[RecordKind]): boolean {
  return (
    ('verificationStatus' in entry && entry.verificationStatus === 'entered-in-error') ||
    ('status' in entry && entry.status === 'entered-in-error')
  );
}

/** The input that writes the entry back as it is (its id, revision and recorded time left out). */
export function inputOf<K extends RecordKind>(entry: RecordEntries[K]): RecordInput<K> {
  const rest: Record<string, unknown> = { ...entry };
  delete rest['id'];
  delete rest['revision'];
  delete rest['recordedAt'];
  return rest as RecordInput<K>;
}
