// RecordStore on the database: one adapter per record table (insert, find, update under the
// revision), entries read back through chart-rows.ts as the chart shows them, and the review stamps
// on the patient's row. Row-level security confines every statement to the clinic; the composite
// foreign keys refuse an author of another clinic.
import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { KnotworkTx } from '../../db/index.js';
import { allergies, conditions, earlierAdministrations, medicines, observations, patients } from '../../db/schema.js';
import type { RecordInput, RecordKind, RecordStore, StoredEntry } from '../records/record-ports.js';
import { allergyOf, conditionOf, earlierAdministrationOf, medicineOf, observationOf } from './chart-rows.js';
import {
  allergyColumns,
  conditionColumns,
  earlierAdministrationColumns,
  medicineColumns,
  observationColumns,
} from './record-columns.js';
import { isUuid, onlyRow } from './rows.js';

interface Base {
  readonly clinicId: string;
  readonly patientId: string;
  readonly recordedBy: string | null;
  readonly recordedAt: Date;
}

interface Adapter<K extends RecordKind> {
  insert(tx: KnotworkTx, base: Base, input: RecordInput<K>): Promise<StoredEntry<K> | undefined>;
  find(tx: KnotworkTx, patientId: string, id: string): Promise<StoredEntry<K> | undefined>;
  update(
    tx: KnotworkTx,
    where: { patientId: string; id: string; revision: number },
    input: RecordInput<K>,
    at: Date,
  ): Promise<StoredEntry<K> | undefined>;
}

type Keyed = { id: AnyPgColumn; patientId: AnyPgColumn; revision: AnyPgColumn };

const entry = (t: Keyed, patientId: string, id: string) => and(eq(t.id, id), eq(t.patientId, patientId));
const current = (t: Keyed, w: { patientId: string; id: string; revision: number }) =>
  and(entry(t, w.patientId, w.id), eq(t.revision, w.revision));
const nextRevision = (t: Keyed, at: Date) => ({ revision: sql<number>`${t.revision} + 1`, updatedAt: at });
const first = <R, E>(rows: readonly R[], read: (row: R) => E | undefined): E | undefined =>
  rows[0] === undefined ? undefined : read(rows[0]);

const ADAPTERS: { readonly [K in RecordKind]: Adapter<K> } = {
  condition: {
    insert: async (tx, base, c) =>
      first(
        await tx
          .insert(conditions)
          .values({ ...base, ...conditionColumns(c) })
          .returning(),
        conditionOf,
      ),
    find: async (tx, patientId, id) =>
      first(
        await tx
          .select()
          .from(conditions)
          .where(entry(conditions, patientId, id)),
        conditionOf,
      ),
    update: async (tx, w, c, at) =>
      first(
        await tx
          .update(conditions)
          .set({ ...conditionColumns(c), ...nextRevision(conditions, at) })
          .where(current(conditions, w))
          .returning(),
        conditionOf,
      ),
  },
  allergy: {
    insert: async (tx, base, a) =>
      first(
        await tx
          .insert(allergies)
          .values({ ...base, ...allergyColumns(a) })
          .returning(),
        allergyOf,
      ),
    find: async (tx, patientId, id) =>
      first(
        await tx
          .select()
          .from(allergies)
          .where(entry(allergies, patientId, id)),
        allergyOf,
      ),
    update: async (tx, w, a, at) =>
      first(
        await tx
          .update(allergies)
          .set({ ...allergyColumns(a), ...nextRevision(allergies, at) })
          .where(current(allergies, w))
          .returning(),
        allergyOf,
      ),
  },
  medicine: {
    insert: async (tx, base, m) =>
      first(
        await tx
          .insert(medicines)
          .values({ ...base, kind: 'statement', ...medicineColumns(m) })
          .returning(),
        medicineOf,
      ),
    find: async (tx, patientId, id) =>
      first(
        await tx
          .select()
          .from(medicines)
          .where(entry(medicines, patientId, id)),
        medicineOf,
      ),
    update: async (tx, w, m, at) =>
      first(
        await tx
          .update(medicines)
          .set({ ...medicineColumns(m), ...nextRevision(medicines, at) })
          .where(current(medicines, w))
          .returning(),
        medicineOf,
      ),
  },
  observation: {
    insert: async (tx, base, o) =>
      first(
        await tx
          .insert(observations)
          .values({ ...base, ...observationColumns(o) })
          .returning(),
        observationOf,
      ),
    find: async (tx, patientId, id) =>
      first(
        await tx
          .select()
          .from(observations)
          .where(entry(observations, patientId, id)),
        observationOf,
      ),
    update: async (tx, w, o, at) =>
      first(
        await tx
          .update(observations)
          .set({ ...observationColumns(o), ...nextRevision(observations, at) })
          .where(current(observations, w))
          .returning(),
        observationOf,
      ),
  },
  'earlier-administration': {
    insert: async (tx, base, a) =>
      first(
        await tx
          .insert(earlierAdministrations)
          .values({ ...base, source: 'not stated', ...earlierAdministrationColumns(a) })
          .returning(),
        earlierAdministrationOf,
      ),
    find: async (tx, patientId, id) =>
      first(
        await tx
          .select()
          .from(earlierAdministrations)
          .where(entry(earlierAdministrations, patientId, id)),
        earlierAdministrationOf,
      ),
    update: async (tx, w, a, at) =>
      first(
        await tx
          .update(earlierAdministrations)
          .set({ ...earlierAdministrationColumns(a), ...nextRevision(earlierAdministrations, at) })
          .where(current(earlierAdministrations, w))
          .returning(),
        earlierAdministrationOf,
      ),
  },
};

export function recordStore(tx: KnotworkTx, clinicId: string): RecordStore {
  const patientExists = async (patientId: string) =>
    isUuid(patientId) &&
    (await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, patientId))).length > 0;
  const find = <K extends RecordKind>(kind: K, patientId: string, id: string) =>
    isUuid(patientId) && isUuid(id) ? ADAPTERS[kind].find(tx, patientId, id) : Promise.resolve(undefined);
  return {
    add: async (kind, patientId, input, stamp) => {
      if (!(await patientExists(patientId))) return undefined;
      const base = { clinicId, patientId, recordedBy: stamp.by, recordedAt: new Date(stamp.at) };
      return onlyRow([await ADAPTERS[kind].insert(tx, base, input)], `${kind}: insert`);
    },
    get: find,
    replace: async (kind, patientId, id, revision, input, at) => {
      if (!isUuid(patientId) || !isUuid(id)) return undefined;
      // One statement decides: of two updates from one revision, the second finds it changed.
      const updated = await ADAPTERS[kind].update(tx, { patientId, id, revision }, input, new Date(at));
      if (updated) return updated;
      return (await find(kind, patientId, id)) === undefined ? undefined : 'stale';
    },
    stamp: async (patientId, list, stamp) => {
      if (!isUuid(patientId)) return false;
      const at = new Date(stamp.at);
      const columns =
        list === 'allergies'
          ? { allergiesReviewedAt: at, allergiesReviewedBy: stamp.by }
          : { medicationsReconciledAt: at, medicationsReconciledBy: stamp.by };
      const rows = await tx
        .update(patients)
        .set({ ...columns, updatedAt: sql`now()` })
        .where(eq(patients.id, patientId))
        .returning({ id: patients.id });
      return rows.length > 0;
    },
  };
}
