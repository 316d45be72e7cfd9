// The clinic's Bulk Data export (issue 5 item 2), streaming: patients are read in keyset pages
// (PatientStore.search with its cursor), each page in one clinic transaction that also audits the
// access (`patient.fhir.export`, the page's patient ids), and each page's resources are handed to
// the sink as NDJSON lines while the next page is read. Memory holds two pages, whatever the
// clinic's size. The people the records name are exported once each, after the patients.
import type { Resource } from '@medplum/fhirtypes';
import type { ExportContext, PatientRecord, RecordPerson } from '../../fhir/export/patient-record.js';
import { patientResources, type ExportedType } from '../../fhir/export/patient-resources.js';
import { exportPractitioners } from '../../fhir/export/practitioner.js';
import type { AuditEvent } from '../../audit-event.js';
import type { Repositories } from '../ports.js';
import { loadPatientRecords } from './load-patient-record.js';

/** Where the lines go: one NDJSON stream per resource type; `write` resolves when it may take more. */
export interface NdjsonSink {
  write(type: ExportedType, lines: string): Promise<void>;
}

/** Who exports, as the audit rows name them: a user or token over HTTP, the system from the CLI. */
export interface ExportActor {
  readonly clinicId: string;
  readonly actor: string | null;
  readonly actorKind: AuditEvent['actorKind'];
  readonly from: string | null;
  /** Added to each audit row's detail (the CLI's operating-system account). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface BulkExportInput {
  readonly repos: Repositories;
  readonly actor: ExportActor;
  readonly jobId: string;
  /** The types asked for (`_type`); all exported types when it is every one. */
  readonly types: ReadonlySet<ExportedType>;
  readonly context: ExportContext;
  readonly sink: NdjsonSink;
  readonly now: () => number;
  /** Patients per page (one transaction, one audit row): 100 unless said. */
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
  /** After each page: how many patients so far. */
  readonly onPage?: (patients: number) => void | Promise<void>;
}

export interface BulkExportResult {
  readonly patients: number;
  readonly counts: Readonly<Partial<Record<ExportedType, number>>>;
}

interface Page {
  readonly records: readonly PatientRecord[];
  readonly next: string | null;
}

export class ExportCancelled extends Error {
  constructor() {
    super('the export was cancelled');
    this.name = 'ExportCancelled';
  }
}

/**
 * Lines to the sink in chunks of about 64 KiB per type: each resource's line is garbage as soon as
 * its chunk is written, so the heap holds the pages being read and not the lines made from them.
 */
function batchedLines(sink: NdjsonSink, counts: Partial<Record<ExportedType, number>>) {
  const pending = new Map<ExportedType, { lines: string[]; size: number }>();
  const write = async (type: ExportedType) => {
    const chunk = pending.get(type);
    if (!chunk || chunk.lines.length === 0) return;
    pending.delete(type);
    await sink.write(type, `${chunk.lines.join('\n')}\n`);
  };
  return {
    async line(type: ExportedType, line: string) {
      let chunk = pending.get(type);
      if (!chunk) pending.set(type, (chunk = { lines: [], size: 0 }));
      chunk.lines.push(line);
      chunk.size += line.length;
      counts[type] = (counts[type] ?? 0) + 1;
      if (chunk.size >= 64 * 1024) await write(type);
    },
    async flush() {
      for (const type of [...pending.keys()]) await write(type);
    },
  };
}

export async function streamClinicExport(input: BulkExportInput): Promise<BulkExportResult> {
  const { repos, actor, types, context, sink } = input;
  const pageSize = input.pageSize ?? 100;
  const counts: Partial<Record<ExportedType, number>> = {};
  const people = new Map<string, RecordPerson | null>();
  const named = new Set<string>();
  // One page's read: the patients, their records and the audit row, in one clinic transaction.
  const read = (cursor: string | undefined): Promise<Page> =>
    repos.inClinic(actor.clinicId, async (clinic) => {
      const found = await clinic.patients.search({ limit: pageSize, ...(cursor ? { cursor } : {}) });
      const ids = found.items.map((p) => p.id);
      const records = await loadPatientRecords(ids, clinic, people);
      if (ids.length > 0) {
        await clinic.audit.record({
          clinicId: actor.clinicId,
          actor: actor.actor,
          actorKind: actor.actorKind,
          from: actor.from,
          at: input.now(),
          action: 'patient.fhir.export',
          entity: 'Group/clinic',
          patientId: null,
          outcome: 'success',
          detail: { ...actor.detail, job: input.jobId, patients: ids },
        });
      }
      return { records, next: found.next };
    });
  const out = batchedLines(sink, counts);
  let patients = 0;
  // The next page is read while this one is turned into lines and written: the database's time
  // and ours overlap, and at most two pages are in memory.
  let reading: Promise<Page> | undefined = read(undefined);
  try {
    while (reading) {
      const page: Page = await reading;
      if (input.signal?.aborted) throw new ExportCancelled();
      reading = page.next === null ? undefined : read(page.next);
      for (const record of page.records) {
        for (const resource of patientResources(record, context)) {
          const type = resource.resourceType as ExportedType;
          if (type === 'Practitioner') {
            if (resource.id) named.add(resource.id);
            continue;
          }
          if (types.has(type)) await out.line(type, JSON.stringify(resource));
        }
      }
      await out.flush();
      patients += page.records.length;
      await input.onPage?.(patients);
    }
  } finally {
    // Stopped early (cancelled, or the sink failed): the page being read is not wanted.
    reading?.catch(() => undefined);
  }
  if (types.has('Practitioner') && named.size > 0) {
    const known = new Map<string, RecordPerson>();
    for (const [id, person] of people) if (person) known.set(id, person);
    const practitioners: Resource[] = exportPractitioners(known, [...named]);
    await sink.write('Practitioner', `${practitioners.map((p) => JSON.stringify(p)).join('\n')}\n`);
    counts.Practitioner = practitioners.length;
  }
  return { patients, counts };
}
