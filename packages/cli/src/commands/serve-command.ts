// `knotwork serve`: the clinic server (issue 3, item 1). SIGTERM and SIGINT finish the requests in
// flight and close the database cleanly.
import { parseArgs } from 'node:util';
import { parseFhirTime } from '@knotwork/core';
import { EXIT_OK, EXIT_UNUSABLE, type CommandIo } from '../io.js';
import { DATA_HELP, dataOptions } from './server-options.js';

export const SERVE_HELP = `Usage: knotwork serve [options]

Starts the Knotwork clinic server: the API under /api (documented at /api/docs) and the CDS Hooks
service at /cds-services. The first start of an empty database creates the demo clinic, whose
logins are printed, unless --no-demo.

Options:
  --port N            port to listen on (default: $PORT or 8080)
  --host HOST         address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)
${DATA_HELP.split('\n')[0]}
  --as-of ISO-8601    fix "now" for demos and tests (said in the log and on every response)
  --no-demo           do not create the demo clinic in an empty database
  --public-url URL    the URL EHRs reach this server at (default http://localhost:PORT)
  --log-requests      log every request
  -h, --help          show this help
${DATA_HELP.split('\n').slice(1).join('\n')}
  PORT                the port, as --port
`;

export async function serveCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`knotwork serve: ${message}\n`);
    return EXIT_UNUSABLE;
  };
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'as-of': { type: 'string' },
        'no-demo': { type: 'boolean' },
        'public-url': { type: 'string' },
        'log-requests': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message} (see knotwork serve --help)`);
  }
  if (values.help) {
    io.stdout(SERVE_HELP);
    return EXIT_OK;
  }
  const portText = values.port ?? process.env['PORT'] ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port: "${portText}" is not a port number`);
  let asOf: number | undefined;
  if (values['as-of'] !== undefined) {
    asOf = parseFhirTime(values['as-of']);
    if (asOf === undefined) return fail(`--as-of: "${values['as-of']}" is not an ISO-8601 date or time`);
  }
  const data = dataOptions(values, process.env);
  if (typeof data === 'string') return fail(data);

  const { startServer } = await import('@knotwork/server');
  let server;
  try {
    server = await startServer({
      port,
      host: values.host ?? '127.0.0.1',
      ...data,
      asOf,
      demo: !values['no-demo'],
      publicBaseUrl: values['public-url'],
      logRequests: values['log-requests'] ?? false,
      icd10cmOrderFile: process.env['KNOTWORK_ICD10CM_ORDER_FILE']?.trim() || undefined,
      log: (line) => io.stderr(`knotwork: ${line}\n`),
    });
  } catch (error) {
    const message = (error as Error).message;
    const where = data.databaseUrl ? new URL(data.databaseUrl).host : undefined;
    return fail(
      where && /ECONNREFUSED|ENOTFOUND|password|does not exist/.test(message)
        ? `cannot use the PostgreSQL server at ${where} (DATABASE_URL): ${message}`
        : message,
    );
  }
  const running = server;
  return new Promise<number>((done) => {
    const stop = (signal: string) => {
      io.stderr(`knotwork: ${signal}: finishing requests in flight and closing the database\n`);
      running.close().then(
        () => done(EXIT_OK),
        (error: unknown) => {
          io.stderr(`knotwork: could not close cleanly: ${(error as Error).message}\n`);
          done(1);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
