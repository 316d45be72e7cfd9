// `knotwork export --ndjson DIR` (issue 5 item 2): one clinic's records as Bulk Data NDJSON files
// in a folder, streamed page by page from the database (bulk-export.ts), with a manifest.json in
// the Bulk Data manifest's shape (file names for URLs). Refuses a folder that already holds an
// export's files. Audited per page as the system, naming the operating-system account.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { schema, type Database } from '../../db/index.js';
import { findClinic, type ClinicRef } from '../../demo/find-clinic.js';
import { EXPORTED_TYPES, type ExportedType } from '../../fhir/export/patient-resources.js';
import { databaseRepositories } from '../db-repositories/index.js';
import { streamClinicExport, type BulkExportResult } from './bulk-export.js';
import { ndjsonFileSink } from './bulk-job-files.js';

export class ExportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportRefused';
  }
}

export interface ClinicNdjsonExport extends BulkExportResult {
  readonly clinicId: string;
  readonly files: readonly { readonly type: ExportedType; readonly file: string; readonly count: number }[];
}

/** The one clinic there is, or the one named; refused (with the reason) otherwise. */
async function clinicOf(database: Database, ref: ClinicRef | undefined): Promise<string> {
  return database.asSystem(async (tx) => {
    if (ref) {
      const found = await findClinic(tx, ref);
      if (!found.ok) throw new ExportRefused(found.message);
      return found.id;
    }
    const rows = await tx.select({ id: schema.clinics.id, name: schema.clinics.name }).from(schema.clinics).limit(10);
    const [only, second] = rows;
    if (!only) throw new ExportRefused('there is no clinic in this database');
    if (second)
      throw new ExportRefused(
        `there are several clinics: name one with --clinic (${rows.map((r) => `"${r.name}"`).join(', ')})`,
      );
    return only.id;
  });
}

export async function exportClinicNdjson(
  database: Database,
  options: {
    readonly dir: string;
    readonly clinic?: ClinicRef | undefined;
    readonly publicBaseUrl: string;
    readonly now: () => number;
    readonly by: string;
    readonly pageSize?: number;
    readonly onPage?: (patients: number) => void;
  },
): Promise<ClinicNdjsonExport> {
  const clinicId = await clinicOf(database, options.clinic);
  const taken = [...EXPORTED_TYPES, 'manifest'].filter((t) =>
    existsSync(join(options.dir, t === 'manifest' ? 'manifest.json' : `${t}.ndjson`)),
  );
  if (taken.length > 0)
    throw new ExportRefused(`${options.dir} already holds an export (${taken.join(', ')}): choose an empty folder`);
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const transactionTime = new Date(options.now()).toISOString();
  const sink = ndjsonFileSink(options.dir);
  const jobId = randomUUID();
  let result: BulkExportResult;
  try {
    result = await streamClinicExport({
      repos: databaseRepositories(database),
      actor: {
        clinicId,
        actor: null,
        actorKind: 'system',
        from: null,
        detail: { by: options.by, command: 'export --ndjson' },
      },
      jobId,
      types: new Set(EXPORTED_TYPES),
      context: { publicBaseUrl: options.publicBaseUrl },
      sink,
      now: options.now,
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      ...(options.onPage ? { onPage: options.onPage } : {}),
    });
  } finally {
    await sink.close();
  }
  const files = EXPORTED_TYPES.flatMap((type) => {
    const count = result.counts[type] ?? 0;
    return count > 0 ? [{ type, file: `${type}.ndjson`, count }] : [];
  });
  const manifest = {
    transactionTime,
    request: 'knotwork export --ndjson',
    requiresAccessToken: false,
    output: files.map((f) => ({ type: f.type, url: f.file, count: f.count })),
    error: [],
  };
  await writeFile(join(options.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { ...result, clinicId, files };
}
