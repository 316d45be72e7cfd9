// What the FHIR export reads besides the ordinary stores: which patient a stored entity belongs
// to (to read one exported resource by its id, GET /fhir/R4/{type}/{id}: the resource is built
// from that patient's record, so a read and $everything answer the same resource), and the
// visits of many patients at once, each with its baseline, note versions, administrations,
// complications and consents (a Bulk Data page of patients in six statements, not six per visit).
// Within the caller's clinic only.
import type { Chart } from '../../fhir/chart.js';
import type { VisitRecord } from '../../fhir/export/patient-record.js';
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

export interface FhirExportReader {
  /** The patient the entity belongs to; undefined when there is none in this clinic. */
  patientOf(entity: OwnedEntity, id: string): Promise<string | undefined>;
  /** The charts of those of the patients who are of this clinic (ChartReader's chart), by patient id. */
  chartsOf(patientIds: readonly string[]): Promise<ReadonlyMap<string, Chart>>;
  /** Each patient's visits, the latest first (a patient without visits has an empty list). */
  visitRecordsOf(patientIds: readonly string[]): Promise<ReadonlyMap<string, readonly VisitRecord[]>>;
}

const LIST = {
  condition: 'conditions',
  allergy: 'allergies',
  medicine: 'medicines',
  observation: 'observations',
  'earlier-administration': 'administrations',
} as const;

/** The in-memory twin's reader, over one clinic's maps and its chart reader. */
export function memoryFhirExportReader(
  data: ClinicData,
  loadChart: (patientId: string) => Promise<Chart | undefined>,
): FhirExportReader {
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
  const visitRecordsOf = (patientIds: readonly string[]) => {
    const out = new Map<string, VisitRecord[]>();
    for (const patientId of patientIds) {
      const visits = [...data.visits.values()]
        .filter((v) => v.patientId === patientId)
        .reverse()
        .sort((a, b) => b.startedAt - a.startedAt);
      out.set(
        patientId,
        visits.map((visit) => ({
          visit,
          baseline: data.baselines.get(visit.id),
          notes: [...data.notes.values()].filter((n) => n.visitId === visit.id).sort((a, b) => a.version - b.version),
          administrations: data.procedures.administrations.filter((a) => a.visitId === visit.id),
          complications: data.procedures.complications.filter((c) => c.visitId === visit.id),
          consents: data.procedures.consents.filter((c) => c.visitId === visit.id),
        })),
      );
    }
    return Promise.resolve(out);
  };
  const chartsOf = async (patientIds: readonly string[]) => {
    const charts = new Map<string, Chart>();
    for (const id of patientIds) {
      const chart = await loadChart(id);
      if (chart) charts.set(id, chart);
    }
    return charts;
  };
  return { patientOf: (entity, id) => Promise.resolve(find(entity, id)), chartsOf, visitRecordsOf };
}
