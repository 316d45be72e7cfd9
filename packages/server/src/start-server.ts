// Starts the clinic server: opens the database (PGlite under the data folder, or PostgreSQL from
// DATABASE_URL), migrates it, offers the demo clinic on the first start of an empty database,
// and serves the API and CDS Hooks. close() finishes the requests in flight, seals the audit
// chain and closes the database cleanly (issue 3, item 1).
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { orderFileIcd10cm } from './app/reference/icd10cm-source.js';
import type { FastifyInstance } from 'fastify';
import { systemClock, fixedClock } from './clock.js';
import { databasePolicyFor, databaseRepositories, storeCdsScreen } from './app/db-repositories/index.js';
import { openDatabase, migrateDatabase, sealAuditChain, type Database } from './db/index.js';
import { findDemoClinic, isDatabaseEmpty, seedDemoClinic } from './demo/index.js';
import { buildApp } from './http/index.js';
import { registerLandingPage } from './landing-page.js';
import { hasWebBuild, registerWebApp, WEB_BUILD_DIR } from './web-app.js';
import { loadLinkKey } from './app/follow-ups/link-tokens.js';
import { emailFromEnv, notConfiguredSms } from './outbox/channels.js';
import { startOutboxWorker } from './outbox/outbox-worker.js';

export interface ServerOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
  /** Fixes "now" for demos and tests (epoch ms); said in the log and on every response. */
  readonly asOf?: number | undefined;
  readonly demo: boolean;
  /** The URL EHRs reach this server at (the audience of their JWTs); default http://localhost:PORT. */
  readonly publicBaseUrl?: string | undefined;
  readonly log: (line: string) => void;
  readonly logRequests?: boolean;
  /** The web app's production build (default packages/web/dist); without one, a landing page. */
  readonly webDir?: string | undefined;
  /** A CMS ICD-10-CM order file (icd10cm-order-YYYY.txt) for the code search; absent: the built-in list. */
  readonly icd10cmOrderFile?: string | undefined;
  /**
   * Where KNOTWORK_SMTP_URL, KNOTWORK_SMTP_FROM and KNOTWORK_FOLLOW_UP_KEY are read (default
   * process.env): the outbox's email and the follow-up links' key.
   */
  readonly env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly database: Database;
  close(): Promise<void>;
}

const SEAL_EVERY_MS = 2_000;

async function sealAll(database: Database): Promise<void> {
  for (let more = true; more;) more = (await sealAuditChain(database)).more;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { log } = options;
  const clock = options.asOf === undefined ? systemClock : fixedClock(options.asOf);
  const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    await migrateDatabase(database);
    log(
      `database: ${database.kind === 'pglite' ? `PGlite in ${options.dataDir}` : 'PostgreSQL (DATABASE_URL)'}, migrated`,
    );
    if (clock.fixedAt !== undefined)
      log(`clock fixed at ${new Date(clock.fixedAt).toISOString()} (--as-of): every screen uses this time`);
    if (await isDatabaseEmpty(database)) {
      if (options.demo) {
        const demo = await seedDemoClinic(database, { now: clock.now() });
        log(
          `demo clinic created: sign in as ${demo.logins.map((l) => l.email).join(', ')} (password ${demo.logins[0]?.password ?? ''})`,
        );
      } else {
        log('empty database and --no-demo: create a clinic and its first user with "knotwork user add"');
      }
    }
    const env = options.env ?? process.env;
    const linkKey = loadLinkKey({ env: env['KNOTWORK_FOLLOW_UP_KEY'], dataDir: options.dataDir });
    log(`follow-up links: key from ${linkKey.from}`);
    const repos = databaseRepositories(database, { followUpKey: linkKey.key });
    const publicBaseUrl = options.publicBaseUrl ?? `http://localhost:${options.port}`;
    if (options.publicBaseUrl === undefined && options.port === 0) {
      log('--port 0 without --public-url: EHR tokens cannot name this server as their audience');
    }
    const orderFile = options.icd10cmOrderFile;
    if (orderFile !== undefined && !existsSync(orderFile))
      throw new Error(`ICD-10-CM order file ${orderFile} not found`);
    log(
      orderFile === undefined
        ? 'ICD-10-CM search: the built-in TPI code list (set KNOTWORK_ICD10CM_ORDER_FILE for a whole CMS release)'
        : `ICD-10-CM search: ${orderFile}`,
    );
    const app = await buildApp({
      ...(orderFile === undefined
        ? {}
        : { icd10cm: orderFileIcd10cm(basename(orderFile), () => readFileSync(orderFile, 'utf8')) }),
      clock,
      audit: repos.system.audit,
      cdsClients: repos.system.cdsClients,
      policyFor: databasePolicyFor(database),
      storeScreen: storeCdsScreen(database),
      repos,
      newId: () => randomUUID(),
      publicBaseUrl,
      logger: options.logRequests ?? false,
      exportDir: join(options.dataDir, 'exports'),
    });
    const webDir = options.webDir ?? WEB_BUILD_DIR;
    if (hasWebBuild(webDir)) {
      await registerWebApp(app, webDir);
    } else {
      log(`no web app build in ${webDir} ("npm run build -w @knotwork/web"): serving a landing page at /`);
      registerLandingPage(app, {
        clock,
        databaseKind: database.kind,
        demo: (await findDemoClinic(database)) !== undefined,
      });
    }
    const sealer = setInterval(() => {
      sealAll(database).catch((error: unknown) => log(`audit sealing failed: ${(error as Error).name}`));
    }, SEAL_EVERY_MS);
    sealer.unref();
    const email = emailFromEnv(env);
    log(
      email.configured
        ? 'outbox: email over SMTP (KNOTWORK_SMTP_URL)'
        : 'outbox: no KNOTWORK_SMTP_URL, email stays queued',
    );
    const outbox = startOutboxWorker({ database, channels: [email, notConfiguredSms], log });
    await app.listen({ port: options.port, host: options.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}`;
    log(`Knotwork is serving ${url} (API docs ${url}/api/docs, CDS Hooks ${url}/cds-services)`);
    let closing: Promise<void> | undefined;
    return {
      url,
      app,
      database,
      close: () =>
        (closing ??= (async () => {
          clearInterval(sealer);
          await app.close();
          await outbox.stop();
          email.close?.();
          await sealAll(database);
          await database.close();
        })()),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
