// `knotwork demo --patients N [--clinic NAME] [--seed S]` (issue 5, item 6): a new synthetic clinic
// of N patients with charts, visits, signed notes, administrations and complications, for demos,
// load tests and benchmarks. The work is @knotwork/server's writeSyntheticClinic; this is the
// command line around it.
import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_UNUSABLE, type CommandIo } from '../io.js';
import { DATA_HELP, dataOptions } from './server-options.js';

export const DEMO_HELP = `Usage: knotwork demo --patients N [--clinic NAME] [--seed S] [--data-dir DIR]

Creates a new clinic of N synthetic patients (1 to 100000): identifiers, a TPI indication and other
conditions, allergies, medicines (anticoagulants included), weights and INRs, finished visits with a
signed note, the lidocaine given at each site, and complications at published rates. The same seed
gives the same patients. The clinic has one clinician account that cannot sign in.
Migrations are applied first; stop the server when the database is embedded.

Options:
  --patients N        how many patients (required)
  --clinic NAME       the new clinic's name (default "Synthetic clinic <seed>")
  --seed S            a whole number (default 1)
${DATA_HELP}
`;

const MAX_PATIENTS = 100_000;

export async function demoCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`knotwork demo: ${message}\n`);
    return EXIT_UNUSABLE;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        patients: { type: 'string' },
        clinic: { type: 'string' },
        seed: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message} (see knotwork demo --help)`);
  }
  const { values } = parsed;
  if (values.help) {
    io.stdout(DEMO_HELP);
    return EXIT_OK;
  }
  if (values.patients === undefined)
    return fail('give the number of patients with --patients N (see knotwork demo --help)');
  if (!/^\d+$/.test(values.patients) || Number(values.patients) < 1 || Number(values.patients) > MAX_PATIENTS) {
    return fail(`--patients ${JSON.stringify(values.patients)}: expected a whole number from 1 to ${MAX_PATIENTS}`);
  }
  const seedText = values.seed ?? '1';
  if (!/^-?\d{1,9}$/.test(seedText)) return fail(`--seed ${JSON.stringify(seedText)}: expected a whole number`);
  const clinicName = (values.clinic ?? `Synthetic clinic ${seedText}`).trim();
  if (clinicName === '') return fail('--clinic: the clinic name is empty');
  const data = dataOptions(values, process.env);
  if (typeof data === 'string') return fail(data);
  const patients = Number(values.patients);
  const seed = Number(seedText);
  const server = await import('@knotwork/server');
  const database = await server.openDatabase(data);
  try {
    await server.migrateDatabase(database);
    const started = io.now();
    const result = await server.writeSyntheticClinic(database, { patients, seed, clinicName });
    const seconds = Math.max((io.now() - started) / 1000, 0.001);
    io.stdout(
      `created clinic "${clinicName}" (${result.clinicId}): ${result.patients} patients, ${result.visits} visits, ` +
        `${result.rows} rows in ${seconds.toFixed(1)} s\n`,
    );
    return EXIT_OK;
  } catch (error) {
    io.stderr(`knotwork demo: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
