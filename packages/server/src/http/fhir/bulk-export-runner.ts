// Runs bulk export jobs in the server process: each in the background from its kick-off, its state
// in job.json (bulk-job-files.ts), its NDJSON files beside it, cancellable until it ends. A job
// that fails keeps its error for the status request; a cancelled one is deleted with its files.
import type { Actor } from '../../app/actor.js';
import { ExportCancelled, streamClinicExport } from '../../app/fhir-export/bulk-export.js';
import { ndjsonFileSink, type BulkJob, type BulkJobFiles } from '../../app/fhir-export/bulk-job-files.js';
import type { Repositories } from '../../app/ports.js';
import type { ExportContext } from '../../fhir/export/patient-record.js';
import type { ExportedType } from '../../fhir/export/patient-resources.js';

export interface BulkExportRunner {
  start(job: BulkJob, actor: Actor): Promise<void>;
  /** Stops a running job (if it runs here) and deletes its folder. */
  cancel(clinicId: string, jobId: string): Promise<void>;
  /** Resolves when the job started here has ended (tests, shutdown). */
  settled(jobId: string): Promise<void>;
}

export function bulkExportRunner(options: {
  readonly repos: Repositories;
  readonly files: BulkJobFiles;
  readonly context: ExportContext;
  readonly now: () => number;
  readonly log: (error: unknown, message: string) => void;
}): BulkExportRunner {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const { files } = options;

  async function run(job: BulkJob, actor: Actor, signal: AbortSignal): Promise<void> {
    const sink = ndjsonFileSink(files.dirOf(job.clinicId, job.id));
    let current = job;
    try {
      const result = await streamClinicExport({
        repos: options.repos,
        actor: {
          clinicId: actor.clinicId,
          actor: actor.userId,
          actorKind: actor.kind ?? 'user',
          from: actor.from,
        },
        jobId: job.id,
        types: new Set<ExportedType>(job.types),
        context: options.context,
        sink,
        now: options.now,
        signal,
        onPage: async (patients) => {
          current = { ...current, patients };
          if (!signal.aborted) await files.save(current);
        },
      });
      await sink.close();
      if (signal.aborted) return;
      const output = job.types.flatMap((type) => {
        const count = result.counts[type] ?? 0;
        return count > 0 ? [{ type, count }] : [];
      });
      await files.save({ ...current, status: 'completed', patients: result.patients, output });
    } catch (error) {
      await sink.close().catch(() => undefined);
      if (error instanceof ExportCancelled || signal.aborted) return;
      options.log(error, `bulk export ${job.id} failed`);
      await files.save({ ...current, status: 'failed', error: 'the export failed; the server log has the cause' });
    }
  }

  return {
    async start(job, actor) {
      await files.save(job);
      const controller = new AbortController();
      const done = run(job, actor, controller.signal).finally(() => running.delete(job.id));
      running.set(job.id, { controller, done });
    },
    async cancel(clinicId, jobId) {
      const job = running.get(jobId);
      if (job) {
        job.controller.abort();
        await job.done;
      }
      await files.remove(clinicId, jobId);
    },
    settled: (jobId) => running.get(jobId)?.done ?? Promise.resolve(),
  };
}
