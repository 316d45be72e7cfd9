// Bulk export jobs on disk, under the data folder (KNOTWORK_DATA_DIR/exports/<clinic>/<job>/):
// job.json (its state, replaced atomically by rename) and one <Type>.ndjson per resource type,
// appended as pages are read. No table: a job is a folder, deleted with its files.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { ExportedType } from '../../fhir/export/patient-resources.js';
import type { NdjsonSink } from './bulk-export.js';

export interface BulkJob {
  readonly id: string;
  readonly clinicId: string;
  /** Who asked (a user or an API token id). */
  readonly requestedBy: string;
  /** The kick-off URL, as the manifest repeats it. */
  readonly request: string;
  readonly types: readonly ExportedType[];
  readonly status: 'in-progress' | 'completed' | 'failed';
  /** ISO time the export started reading (the manifest's transactionTime). */
  readonly transactionTime: string;
  readonly patients: number;
  readonly output: readonly { readonly type: ExportedType; readonly count: number }[];
  readonly error?: string;
}

/** Ids that can name a folder: letters, digits and dashes only (the route checks them too). */
const SAFE = /^[A-Za-z0-9-]{1,64}$/;

/** `root` is the folder, or a function that makes it when first needed. */
export function bulkJobFiles(root: string | (() => string)) {
  const dirOf = (clinicId: string, id: string) => {
    if (!SAFE.test(clinicId) || !SAFE.test(id)) throw new Error(`not a job id: ${clinicId}/${id}`);
    return join(typeof root === 'string' ? root : root(), clinicId, id);
  };
  return {
    dirOf,
    fileOf: (clinicId: string, id: string, type: ExportedType) => join(dirOf(clinicId, id), `${type}.ndjson`),
    async save(job: BulkJob): Promise<void> {
      const dir = dirOf(job.clinicId, job.id);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const tmp = join(dir, 'job.json.tmp');
      await writeFile(tmp, JSON.stringify(job), { mode: 0o600 });
      await rename(tmp, join(dir, 'job.json'));
    },
    async read(clinicId: string, id: string): Promise<BulkJob | undefined> {
      if (!SAFE.test(clinicId) || !SAFE.test(id)) return undefined;
      try {
        return JSON.parse(await readFile(join(dirOf(clinicId, id), 'job.json'), 'utf8')) as BulkJob;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async remove(clinicId: string, id: string): Promise<void> {
      await rm(dirOf(clinicId, id), { recursive: true, force: true });
    },
  };
}

export type BulkJobFiles = ReturnType<typeof bulkJobFiles>;

/** NDJSON files in a folder, one per type, opened on first write; waits for the disk when it lags. */
export function ndjsonFileSink(dir: string): NdjsonSink & { close(): Promise<void> } {
  const streams = new Map<ExportedType, WriteStream>();
  return {
    async write(type, lines) {
      let stream = streams.get(type);
      if (!stream) {
        stream = createWriteStream(join(dir, `${type}.ndjson`), { flags: 'a', mode: 0o600 });
        streams.set(type, stream);
      }
      if (!stream.write(lines)) await once(stream, 'drain');
    },
    async close() {
      await Promise.all(
        [...streams.values()].map(
          (s) =>
            new Promise<void>((resolve, reject) =>
              s.end((error?: Error | null) => (error ? reject(error) : resolve())),
            ),
        ),
      );
      streams.clear();
    },
  };
}
