// Everything Knotwork keeps about one patient, in the shape the FHIR export reads: the chart, each
// visit with its baseline, its note versions, what the signed note left (administrations per
// site, complications) and its consents, and the clinic's people who appear in it. Repositories
// (app/fhir-export/load-patient-record.ts) fill it; nothing here knows about storage.
import type { StoredBaseline } from '../../app/visits/baseline-ports.js';
import type { StoredNote } from '../../app/visits/note-ports.js';
import type { StoredAdministration, StoredComplication, StoredConsent } from '../../app/visits/procedure-ports.js';
import type { Visit } from '../../app/ports.js';
import type { Chart } from '../chart.js';

export interface VisitRecord {
  readonly visit: Visit;
  readonly baseline: StoredBaseline | undefined;
  /** Every version of the visit's note, oldest first (drafts included; only signed ones are exported). */
  readonly notes: readonly StoredNote[];
  readonly administrations: readonly StoredAdministration[];
  readonly complications: readonly StoredComplication[];
  readonly consents: readonly StoredConsent[];
}

export interface RecordPerson {
  readonly id: string;
  readonly displayName: string;
}

export interface PatientRecord {
  readonly chart: Chart;
  /** The patient's visits, the latest first. */
  readonly visits: readonly VisitRecord[];
  /** The clinic's users the record names (who signed, gave, witnessed, recorded), by id. */
  readonly people: ReadonlyMap<string, RecordPerson>;
}

/** Where the export points outside the Bundle: the server's public base URL (the consent PDFs). */
export interface ExportContext {
  readonly publicBaseUrl: string;
}

/** The visit's signed note: its latest signed or amended version, if any. */
export function signedNoteOf(visit: VisitRecord): StoredNote | undefined {
  return visit.notes.filter((n) => n.status === 'signed' || n.status === 'amended').at(-1);
}

export const iso = (ms: number) => new Date(ms).toISOString();
