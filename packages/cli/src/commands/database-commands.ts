// Commands that work on the database directly: migrate, user add, audit verify. On the embedded
// database they need the server stopped (it holds the data folder's lock); on PostgreSQL they
// can run beside it.
import { parseArgs } from 'node:util';
import type * as ServerModule from '@knotwork/server';
import { EXIT_OK, EXIT_UNUSABLE, type CommandIo } from '../io.js';
import { DATA_HELP, dataOptions, type DataOptions } from './server-options.js';

type Server = typeof ServerModule;

async function withDatabase<T>(
  data: DataOptions,
  work: (server: Server, database: Awaited<ReturnType<Server['openDatabase']>>) => Promise<T>,
): Promise<T> {
  const server = await import('@knotwork/server');
  const database = await server.openDatabase(data);
  try {
    await server.migrateDatabase(database);
    return await work(server, database);
  } finally {
    await database.close();
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Parses a command's options plus --data-dir and --help; values are strings or booleans. */
function parse(argv: readonly string[], options: OptionSpec): { values: Record<string, string | boolean | undefined> } {
  const { values } = parseArgs({
    args: [...argv],
    options: { ...options, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  return { values: values };
}

export const MIGRATE_HELP = `Usage: knotwork migrate [--data-dir DIR]

Applies the database migrations (the server also does this at every start).

${DATA_HELP}
`;

export async function migrateCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let values;
  try {
    values = parse(argv, {}).values;
  } catch (error) {
    io.stderr(`knotwork migrate: ${(error as Error).message}\n`);
    return EXIT_UNUSABLE;
  }
  if (values['help']) {
    io.stdout(MIGRATE_HELP);
    return EXIT_OK;
  }
  const data = dataOptions(values, process.env);
  if (typeof data === 'string') {
    io.stderr(`knotwork migrate: ${data}\n`);
    return EXIT_UNUSABLE;
  }
  try {
    await withDatabase(data, () => Promise.resolve());
    io.stdout(`migrated ${data.databaseUrl ? 'the PostgreSQL database' : data.dataDir}\n`);
    return EXIT_OK;
  } catch (error) {
    io.stderr(`knotwork migrate: ${(error as Error).message}\n`);
    return 1;
  }
}

export const USER_ADD_HELP = `Usage: knotwork user add --email EMAIL --name "Display Name" --role ROLE --clinic "Clinic name" [--password-stdin]

Creates a user account. ROLE is clinician, nurse or clinic-admin. The clinic is created if no clinic
has that name yet. With --password-stdin the password is read from standard input (at least 12
characters); otherwise a strong one is generated and printed once.

${DATA_HELP}
`;

export async function userCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`knotwork user: ${message}\n`);
    return EXIT_UNUSABLE;
  };
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout(USER_ADD_HELP);
    return EXIT_OK;
  }
  if (sub !== 'add') return fail(`unknown subcommand "${sub}" (knotwork user add --help)`);
  let values;
  try {
    values = parse(rest, {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      clinic: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values['help']) {
    io.stdout(USER_ADD_HELP);
    return EXIT_OK;
  }
  for (const field of ['email', 'name', 'role', 'clinic']) {
    if (typeof values[field] !== 'string' || values[field].trim() === '')
      return fail(`--${field} is required (see --help)`);
  }
  const role = values['role'] as string;
  if (!['clinician', 'nurse', 'clinic-admin'].includes(role))
    return fail(`--role must be clinician, nurse or clinic-admin, not "${role}"`);
  const data = dataOptions(values, process.env);
  if (typeof data === 'string') return fail(data);
  const generated = !values['password-stdin'];
  const password = generated
    ? (await import('node:crypto')).randomBytes(15).toString('base64url')
    : (await io.readStdin()).replace(/\r?\n$/, '');
  try {
    const result = await withDatabase(data, async (server, database) => {
      const input = {
        clinicName: values['clinic'] as string,
        email: values['email'] as string,
        displayName: values['name'] as string,
        role,
        password,
      };
      const first = await server.createUser(database, input);
      if (first.ok || first.code !== 'unknown-clinic') return { created: false, result: first };
      const clinic = await server.createClinic(database, { name: input.clinicName });
      if (!clinic.ok) return { created: false, result: { ok: false as const, message: clinic.message } };
      return { created: true, result: await server.createUser(database, input) };
    });
    if (!result.result.ok) return fail(result.result.message);
    if (result.created) io.stdout(`created clinic ${values['clinic'] as string}\n`);
    io.stdout(`created ${role} ${result.result.user.email} in ${values['clinic'] as string}\n`);
    if (generated) io.stdout(`password (shown once; keep it safe): ${password}\n`);
    return EXIT_OK;
  } catch (error) {
    return fail((error as Error).message);
  }
}

export const AUDIT_HELP = `Usage: knotwork audit verify [--data-dir DIR]

Seals the audit log's unsealed rows into the hash chain, then recomputes every row's hash and the
chain, and reports the first broken link (exit 1) or that the chain is whole, with its head.

${DATA_HELP}
`;

export async function auditCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    io.stdout(AUDIT_HELP);
    return EXIT_OK;
  }
  if (sub !== 'verify') {
    io.stderr(`knotwork audit: unknown subcommand "${sub}" (knotwork audit --help)\n`);
    return EXIT_UNUSABLE;
  }
  let values;
  try {
    values = parse(rest, {}).values;
  } catch (error) {
    io.stderr(`knotwork audit: ${(error as Error).message}\n`);
    return EXIT_UNUSABLE;
  }
  const data = dataOptions(values, process.env);
  if (typeof data === 'string') {
    io.stderr(`knotwork audit: ${data}\n`);
    return EXIT_UNUSABLE;
  }
  try {
    const result = await withDatabase(data, async (server, database) => {
      for (let more = true; more;) more = (await server.sealAuditChain(database)).more;
      return server.verifyAuditChain(database);
    });
    if (result.ok) {
      const head = result.head ? `head #${result.head.chainSeq} ${result.head.chainHash}` : 'empty';
      io.stdout(`audit chain whole: ${result.rows} rows (${result.sealed} sealed); ${head}\n`);
      return EXIT_OK;
    }
    const p = result.problem;
    io.stdout(
      `audit chain BROKEN at row ${p.rowId} (chain position ${p.chainSeq ?? 'unsealed'}): ${p.code}; stored ${p.stored ?? 'nothing'}, expected ${p.expected}\n`,
    );
    return 1;
  } catch (error) {
    io.stderr(`knotwork audit: ${(error as Error).message}\n`);
    return 1;
  }
}

export const CDS_CLIENT_HELP = `Usage: knotwork cds-client add --clinic "Clinic name" --issuer URL --jwks FILE

Registers an EHR as a CDS Hooks client of a clinic: its JWTs must carry this issuer and be signed
by a key of the JSON Web Key Set in FILE (public keys only; ES384 or RS384). The EHR screens under
that clinic's policy, and its screens are stored in that clinic.

${DATA_HELP}
`;

export async function cdsClientCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`knotwork cds-client: ${message}\n`);
    return EXIT_UNUSABLE;
  };
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    io.stdout(CDS_CLIENT_HELP);
    return EXIT_OK;
  }
  if (sub !== 'add') return fail(`unknown subcommand "${sub}" (knotwork cds-client --help)`);
  let values;
  try {
    values = parse(rest, { clinic: { type: 'string' }, issuer: { type: 'string' }, jwks: { type: 'string' } }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
  for (const field of ['clinic', 'issuer', 'jwks']) {
    if (typeof values[field] !== 'string' || values[field].trim() === '')
      return fail(`--${field} is required (see --help)`);
  }
  let jwks: unknown;
  try {
    jwks = JSON.parse(await io.readFile(values['jwks'] as string));
  } catch (error) {
    return fail(`--jwks: cannot read ${values['jwks'] as string} as JSON (${(error as Error).message})`);
  }
  const data = dataOptions(values, process.env);
  if (typeof data === 'string') return fail(data);
  try {
    const result = await withDatabase(data, async (server, database) => {
      const clinic = await database.asSystem((tx) => server.findClinic(tx, { clinicName: values['clinic'] as string }));
      if (!clinic.ok) return clinic;
      return server.registerCdsClient(database, { clinicId: clinic.id, issuer: values['issuer'] as string, jwks });
    });
    if (!result.ok) return fail(result.message);
    io.stdout(`registered ${values['issuer'] as string} as a CDS Hooks client of ${values['clinic'] as string}\n`);
    return EXIT_OK;
  } catch (error) {
    return fail((error as Error).message);
  }
}
