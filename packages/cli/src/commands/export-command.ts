// `knotwork export --ndjson DIR` (issue 5 item 2): a clinic's records as FHIR R4 Bulk Data NDJSON
// files, streamed from the database page by page so memory stays flat however large the clinic.
// The work is in @knotwork/server (app/fhir-export/); this is the command line around it.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_UNUSABLE, type CommandIo } from '../io.js';
import { DATA_HELP, dataOptions } from './server-options.js';

export const EXPORT_HELP = `Usage: knotwork export --ndjson DIR [--clinic NAME|ID] [--public-url URL] [--data-dir DIR]

Writes the clinic's records as FHIR R4 resources, one NDJSON file per type (Patient.ndjson,
Condition.ndjson, ... Provenance.ndjson, Practitioner.ndjson) and a manifest.json in the shape of
a FHIR Bulk Data manifest, into DIR (created if missing; refused if it already holds an export).
Patients are read a page at a time and written as they are read. Each page is audited
(patient.fhir.export, naming the patients and your operating-system account).

The files hold patient records: they are created readable by you only.

Options:
  --ndjson DIR        the folder to write
  --clinic NAME|ID    the clinic to export (needed when the database holds more than one)
  --public-url URL    the server's public address, for the consent PDF links (default http://localhost:8080)
${DATA_HELP}
`;

function who(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function exportCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`knotwork export: ${message}\n`);
    return EXIT_UNUSABLE;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        ndjson: { type: 'string' },
        clinic: { type: 'string' },
        'public-url': { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message} (see knotwork export --help)`);
  }
  const { values } = parsed;
  if (values.help) {
    io.stdout(EXPORT_HELP);
    return EXIT_OK;
  }
  if (!values.ndjson) return fail('give the folder to write with --ndjson DIR (see knotwork export --help)');
  const data = dataOptions(values, process.env);
  if (typeof data === 'string') return fail(data);
  if (data.databaseUrl === undefined && !existsSync(join(data.dataDir, 'pglite'))) {
    return fail(`there is no Knotwork database in ${data.dataDir} (set --data-dir or DATABASE_URL)`);
  }
  const server = await import('@knotwork/server');
  let publicBaseUrl: string;
  try {
    publicBaseUrl = server.normalisePublicBaseUrl(values['public-url'] ?? 'http://localhost:8080');
  } catch (error) {
    return fail((error as Error).message);
  }
  const clinic = values.clinic
    ? UUID.test(values.clinic)
      ? { clinicId: values.clinic }
      : { clinicName: values.clinic }
    : undefined;
  const database = await server.openDatabase(data);
  try {
    const started = io.now();
    const result = await server.exportClinicNdjson(database, {
      dir: values.ndjson,
      clinic,
      publicBaseUrl,
      now: io.now,
      by: who(),
    });
    const resources = result.files.reduce((n, f) => n + f.count, 0);
    const seconds = Math.max((io.now() - started) / 1000, 0.001);
    io.stdout(
      `exported ${result.patients} patients (${resources} resources) to ${values.ndjson} in ${seconds.toFixed(1)} s\n` +
        result.files.map((f) => `  ${f.file}  ${f.count}\n`).join(''),
    );
    return EXIT_OK;
  } catch (error) {
    const e = error as Error;
    io.stderr(`knotwork export: ${e.message}\n`);
    return e.name === 'ExportRefused' ? EXIT_UNUSABLE : 1;
  } finally {
    await database.close();
  }
}
