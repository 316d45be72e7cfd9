// The in-memory twin's RecordStore: entries live in the clinic's charts (so loadChart shows them),
// normalised as the database reads them back (times as ISO instants, an empty text left out), and
// a write the database's foreign keys or checks would refuse is refused here too.
import type { Chart, ChartPatient } from '../../fhir/chart.js';
import type { RecordEntries, RecordInput, RecordKind, RecordStore, StoredEntry } from './record-ports.js';

type Lists = Pick<Chart, 'conditions' | 'allergies' | 'medicines' | 'observations' | 'administrations'>;

const LIST: { readonly [K in RecordKind]: keyof Lists } = {
  condition: 'conditions',
  allergy: 'allergies',
  medicine: 'medicines',
  observation: 'observations',
  'earlier-administration': 'administrations',
};

export interface MemoryRecordData {
  readonly charts: Map<string, Chart>;
  /** The patient as the chart shows it, when the clinic has that patient. */
  readonly patient: (patientId: string) => ChartPatient | undefined;
  readonly isClinicUser: (userId: string) => boolean;
  readonly newId: () => string;
}

export const emptyChart = (patient: ChartPatient): Chart => ({
  patient,
  allergiesReviewedAt: null,
  medicationsReconciledAt: null,
  conditions: [],
  allergies: [],
  medicines: [],
  observations: [],
  administrations: [],
});

/** A promise of `work`'s value, rejected if it throws (as a failed statement rejects). */
const settle = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

/** A seeded chart as stored: each entry with a revision, as the database's rows have. */
export function storedChart(chart: Chart): Chart {
  const stored = <T extends { revision?: number | undefined }>(list: readonly T[]) =>
    list.map((e) => ({ ...e, revision: e.revision ?? 1 }));
  return {
    ...chart,
    conditions: stored(chart.conditions),
    allergies: stored(chart.allergies),
    medicines: stored(chart.medicines),
    observations: stored(chart.observations),
    administrations: stored(chart.administrations),
  };
}

const iso = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

/** The entry as the database would read it back. */
function normalised<K extends RecordKind>(kind: K, input: RecordInput<K>): RecordInput<K> {
  const entry: Record<string, unknown> = { ...input };
  if (kind === 'medicine') entry['assertedAt'] = iso(entry['assertedAt'] as string | undefined);
  if (kind === 'observation') entry['at'] = iso(entry['at'] as string);
  if (kind === 'earlier-administration') {
    delete entry['source'];
    if (entry['text'] === '') delete entry['text'];
    if (entry['status'] !== 'completed' && entry['status'] !== 'entered-in-error') {
      throw new Error(`an earlier administration is completed or entered in error, not ${String(entry['status'])}`);
    }
  }
  return entry as RecordInput<K>;
}

export function memoryRecordStore(data: MemoryRecordData): RecordStore {
  const chartOf = (patientId: string): Chart | undefined => {
    const patient = data.patient(patientId);
    if (!patient) return undefined;
    return data.charts.get(patientId) ?? emptyChart(patient);
  };
  const listOf = <K extends RecordKind>(chart: Chart, kind: K) =>
    chart[LIST[kind]] as readonly RecordEntries[RecordKind][] as readonly RecordEntries[K][];
  const save = <K extends RecordKind>(patientId: string, chart: Chart, kind: K, list: readonly RecordEntries[K][]) =>
    void data.charts.set(patientId, { ...chart, [LIST[kind]]: list });
  const stored = <K extends RecordKind>(e: RecordEntries[K]) => ({ ...e, revision: e.revision ?? 1 }) as StoredEntry<K>;
  const get = <K extends RecordKind>(kind: K, patientId: string, id: string) => {
    const chart = chartOf(patientId);
    const found = chart && listOf(chart, kind).find((e) => e.id === id);
    return found ? stored<K>(found) : undefined;
  };

  const refuseStranger = (userId: string | null) => {
    if (userId !== null && !data.isClinicUser(userId)) throw new Error(`user ${userId} is not of this clinic`);
  };

  return {
    add: (kind, patientId, input, stamp) =>
      settle(() => {
        const chart = chartOf(patientId);
        if (!chart) return undefined;
        refuseStranger(stamp.by);
        const at = new Date(stamp.at).toISOString();
        const recorded = kind === 'condition' || kind === 'allergy' ? { recordedAt: at } : {};
        const entry = { ...normalised(kind, input), id: data.newId(), revision: 1, ...recorded } as StoredEntry<
          typeof kind
        >;
        save(patientId, chart, kind, [...listOf(chart, kind), entry]);
        return entry;
      }),
    get: (kind, patientId, id) => settle(() => get(kind, patientId, id)),
    replace: (kind, patientId, id, expectedRevision, input) =>
      settle(() => {
        const chart = chartOf(patientId);
        const current = get(kind, patientId, id);
        if (!chart || !current) return undefined;
        if (current.revision !== expectedRevision) return 'stale' as const;
        const kept = 'recordedAt' in current ? { recordedAt: current.recordedAt } : {};
        const entry = { ...normalised(kind, input), id, revision: current.revision + 1, ...kept } as StoredEntry<
          typeof kind
        >;
        save(
          patientId,
          chart,
          kind,
          listOf(chart, kind).map((e) => (e.id === id ? entry : e)),
        );
        return entry;
      }),
    stamp: (patientId, list, stamp) =>
      settle(() => {
        const chart = chartOf(patientId);
        if (!chart) return false;
        refuseStranger(stamp.by);
        const at = new Date(stamp.at).toISOString();
        data.charts.set(
          patientId,
          list === 'allergies'
            ? { ...chart, allergiesReviewedAt: at, allergiesReviewedBy: stamp.by ?? undefined }
            : { ...chart, medicationsReconciledAt: at, medicationsReconciledBy: stamp.by ?? undefined },
        );
        return true;
      }),
  };
}
