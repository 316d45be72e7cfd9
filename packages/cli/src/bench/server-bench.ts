// The server half of `npm run bench` (issue 3, item 8): chart reads (GET /api/patients/:id/chart of
// a patient with 10 conditions, 5 allergies, 8 medicines, 40 observations and 3 earlier visits,
// audited) at 50 connections on PGlite and on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL;
// a fresh database, dropped afterwards), measured in the same run as a bare fastify route on the
// same machine, all on loopback with autocannon. Reports requests/s, p50/p99, server CPU per
// request against the bare route's, peak RSS, the database work per request, where the CPU goes
// (a short profile), and how long a restart on the existing database takes to serve.
//
// Switches (./run-bench.ts): BENCH_DATABASES=postgres|pglite (default both), BENCH_PROFILE_DIR.
// Another scenario reuses startSeededServer (a migrated, seeded database, the server child and 50
// signed-in sessions), measure and freshPostgres.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { migrateDatabase, openDatabase, seedDemoClinic } from '@knotwork/server';
import { seedChartFixture, type ChartFixture } from './chart-fixture.js';
import { forkServer, measureRestart, type BenchChild, type Target, type Usage } from './server-child.js';
import { visitDocumentation, withPgliteFolder } from './visit-bench.js';

/** ok: the target is met (or there is none); false: missed; null: not measured yet. */
export type BenchRow = readonly [what: string, figure: string, note: string, ok: boolean | null];

const CONNECTIONS = 50;
const WARMUP_S = 1;
const MEASURE_S = 4;
const PROFILE_S = 2;
/** The lighter reads that split a chart read's cost: shorter runs. */
const SPLIT = { warmup: 0.5, measure: 2 };
const MB = 1024 * 1024;

export interface Measured {
  readonly result: Result;
  readonly requests: number;
  readonly perSecond: number;
  readonly cpuMicrosPerRequest: number;
  readonly databaseCpuMicrosPerRequest: number | undefined;
  readonly before: Usage;
  readonly after: Usage;
}

export function load(
  url: string,
  seconds: number,
  cookies: readonly string[] = [],
  connections = CONNECTIONS,
): Promise<Result> {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        // A different signed-in person per request, round robin over the fixture's sessions.
        setupRequest: (request) =>
          cookies.length === 0
            ? request
            : { ...request, headers: { ...request.headers, cookie: cookies[next++ % cookies.length] ?? '' } },
      },
    ],
  });
}

export async function measure(
  child: BenchChild,
  url: string,
  cookies?: readonly string[],
  seconds = { warmup: WARMUP_S, measure: MEASURE_S },
): Promise<Measured> {
  await load(url, seconds.warmup, cookies);
  const before = await child.usage();
  const result = await load(url, seconds.measure, cookies);
  const after = await child.usage();
  const requests = result['2xx'] + result.non2xx;
  const perRequest = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || requests === 0 ? undefined : (b - a) / requests;
  return {
    result,
    requests,
    perSecond: result['2xx'] / result.duration,
    cpuMicrosPerRequest: perRequest(before.cpuMicros, after.cpuMicros) ?? 0,
    databaseCpuMicrosPerRequest: perRequest(before.databaseCpuMicros, after.databaseCpuMicros),
    before,
    after,
  };
}

const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : int(n));
const micros = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} ms` : `${n.toFixed(0)} µs`);

export async function freshPostgres(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `knotwork_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const database = await openDatabase({ databaseUrl: adminUrl, dataDir: tmpdir(), poolSize: 1 });
    try {
      await database.db.execute(statement);
    } finally {
      await database.close();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** A migrated database with the demo clinic and the chart fixture (its patient and 50 sessions). */
export async function prepare(target: Target): Promise<ChartFixture> {
  const database = await openDatabase(target);
  try {
    await migrateDatabase(database);
    await seedDemoClinic(database, { now: Date.now() });
    return await seedChartFixture(database, { now: Date.now() });
  } finally {
    await database.close();
  }
}

interface Targets {
  readonly minPerSecond: number;
  readonly maxP99Ms?: number;
  readonly maxRssMb?: number;
}

/** Prepares `target` (see prepare) and starts the server child on it: stop the child when done. */
export async function startSeededServer(target: Target): Promise<{ child: BenchChild; fixture: ChartFixture }> {
  const fixture = await prepare(target);
  return { child: await forkServer('knotwork', target), fixture };
}

async function chartReads(label: string, target: Target, bare: Measured, goals: Targets): Promise<BenchRow[]> {
  const fixture = await prepare(target);
  const restartMs = await measureRestart(target);
  const child = await forkServer('knotwork', target);
  try {
    const url = `${child.url}/api/patients/${fixture.patientId}/chart`;
    const check = await fetch(url, { headers: { cookie: fixture.cookies[0] ?? '' } });
    const chart = (await check.json()) as {
      conditions?: unknown[];
      observations?: unknown[];
      administrations?: unknown[];
    };
    if (check.status !== 200) throw new Error(`${label}: the chart read answered ${check.status}`);
    const m = await measure(child, url, fixture.cookies);
    const profileDir = process.env['BENCH_PROFILE_DIR'];
    const { shares, top } = await child.profile(
      () => load(url, PROFILE_S, fixture.cookies),
      profileDir ? join(profileDir, `chart-reads-${label.toLowerCase()}.cpuprofile`) : undefined,
    );
    // The same server answering less: the session check (GET /api/session, which also reads the
    // session and the user again to answer), and a patient's details with their audit row (GET
    // /api/patients/:id); what is left is the chart's own work. Shares, not exact parts.
    const session = await measure(child, `${child.url}/api/session`, fixture.cookies, SPLIT);
    const patient = await measure(child, `${child.url}/api/patients/${fixture.patientId}`, fixture.cookies, SPLIT);
    const total = (x: Measured) => x.cpuMicrosPerRequest + (x.databaseCpuMicrosPerRequest ?? 0);
    const share = (part: number) => `${micros(part)} (${((100 * part) / total(m)).toFixed(0)}%)`;
    const { latency } = m.result;
    const cpuRatio = m.cpuMicrosPerRequest / bare.cpuMicrosPerRequest;
    const peakMb = m.after.peakRssBytes / MB;
    const db = m.before.database && m.after.database ? { a: m.before.database, b: m.after.database } : undefined;
    const per = (k: 'transactions' | 'inserted' | 'updated' | 'returned') =>
      db ? ((db.b[k] - db.a[k]) / m.requests).toFixed(1) : '?';
    const failures = m.result.non2xx + m.result.errors;
    const rows: BenchRow[] = [
      [
        `${label}: chart reads/s`,
        int(m.perSecond),
        `${CONNECTIONS} connections, ${MEASURE_S} s, ${int(m.requests)} requests${failures ? `, ${failures} FAILED` : ''} (target >= ${int(goals.minPerSecond)})`,
        m.perSecond >= goals.minPerSecond && failures === 0,
      ],
      [
        `${label}: latency p50 / p99`,
        `${ms(latency.p50)} / ${ms(latency.p99)} ms`,
        goals.maxP99Ms === undefined ? 'no latency target on PGlite' : `target p99 < ${goals.maxP99Ms} ms`,
        goals.maxP99Ms === undefined || latency.p99 < goals.maxP99Ms,
      ],
      [
        `${label}: server CPU per request`,
        micros(m.cpuMicrosPerRequest),
        `${cpuRatio.toFixed(1)}x the bare route's${
          m.databaseCpuMicrosPerRequest === undefined
            ? label === 'PGlite'
              ? ' (the database runs inside this process)'
              : ' (PostgreSQL backends: not readable)'
            : `; PostgreSQL backends ${micros(m.databaseCpuMicrosPerRequest)} more (${((m.cpuMicrosPerRequest + m.databaseCpuMicrosPerRequest) / bare.cpuMicrosPerRequest).toFixed(1)}x with them)`
        }`,
        true,
      ],
      [
        `${label}: peak RSS of the server`,
        `${int(peakMb)} MB`,
        goals.maxRssMb === undefined ? 'no memory target on PGlite' : `target < ${goals.maxRssMb} MB`,
        goals.maxRssMb === undefined || peakMb < goals.maxRssMb,
      ],
      [
        `${label}: database work per read`,
        `${per('transactions')} tx`,
        `${per('inserted')} rows inserted, ${per('updated')} updated, ${per('returned')} read (pg_stat_database)`,
        true,
      ],
      [
        `${label}: cost of a chart read, split`,
        micros(total(m)),
        `session check (GET /api/session: the check and its own two reads) ${share(total(session))}, + patient read and its audit row ` +
          `${share(total(patient) - total(session))}, + the chart's own queries and JSON ` +
          `${share(total(m) - total(patient))}${m.databaseCpuMicrosPerRequest === undefined ? '' : ' (server + database CPU)'}`,
        true,
      ],
      [
        `${label}: where the server's CPU goes`,
        `${shares[0]?.percent.toFixed(0) ?? '?'}%`,
        shares
          .slice(0, 6)
          .map((s) => `${s.layer} ${s.percent.toFixed(0)}%`)
          .join(', '),
        true,
      ],
      [
        `${label}: busiest functions (self time)`,
        `${top[0]?.percent.toFixed(0) ?? '?'}%`,
        top.map((s) => `${s.layer} ${s.percent.toFixed(0)}%`).join(', '),
        true,
      ],
      [
        `${label}: restart on the existing database`,
        `${(restartMs / 1000).toFixed(2)} s`,
        'spawn of knotwork serve to first answer (target <= 3 s)',
        restartMs <= 3000,
      ],
    ];
    if (chart.conditions?.length !== 10 || chart.observations?.length !== 40 || chart.administrations?.length !== 6) {
      rows.push([`${label}: chart content`, 'wrong', 'the chart read did not return the fixture', false]);
    }
    return rows;
  } finally {
    await child.stop();
  }
}

/** Runs every server scenario in this run; returns the rows to print. */
export async function runServerBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const bareChild = await forkServer('bare');
  let bare: Measured;
  try {
    bare = await measure(bareChild, bareChild.url);
  } finally {
    await bareChild.stop();
  }
  rows.push([
    'bare fastify route: requests/s',
    int(bare.perSecond),
    `p50 ${ms(bare.result.latency.p50)} ms, p99 ${ms(bare.result.latency.p99)} ms; CPU ${micros(bare.cpuMicrosPerRequest)}/request; the floor`,
    true,
  ]);

  const only = process.env['BENCH_DATABASES'];
  // BENCH_SCENARIOS=charts or visits measures one of them (default both).
  const scenarios = (process.env['BENCH_SCENARIOS'] ?? 'charts,visits').split(',');
  const charts = scenarios.includes('charts');
  if (charts && only !== 'postgres') {
    const dataDir = await mkdtemp(join(tmpdir(), 'knotwork-bench-pglite-'));
    try {
      rows.push(...(await chartReads('PGlite', { dataDir }, bare, { minPerSecond: 200 })));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }

  const adminUrl = process.env['BENCH_DATABASE_URL'] || process.env['TEST_DATABASE_URL'] || '';
  if (!charts || only === 'pglite') {
    // not asked for (BENCH_SCENARIOS, BENCH_DATABASES=pglite)
  } else if (adminUrl === '') {
    rows.push([
      'PostgreSQL: chart reads',
      'skipped',
      'set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to measure it',
      true,
    ]);
  } else {
    const pg = await freshPostgres(adminUrl);
    const pgDir = await mkdtemp(join(tmpdir(), 'knotwork-bench-pg-'));
    try {
      rows.push(
        ...(await chartReads('PostgreSQL', { dataDir: pgDir, databaseUrl: pg.url }, bare, {
          minPerSecond: 1500,
          maxP99Ms: 50,
          maxRssMb: 250,
        })),
      );
    } finally {
      await pg.drop();
      await rm(pgDir, { recursive: true, force: true });
    }
  }
  if (scenarios.includes('visits')) rows.push(...(await visitScenario(only, adminUrl, bare)));
  return rows;
}

/** Visit documentation (./visit-bench.ts) on PGlite and on a fresh PostgreSQL database. */
async function visitScenario(only: string | undefined, adminUrl: string, bare: Measured): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  if (only !== 'postgres') rows.push(...(await withPgliteFolder((t) => visitDocumentation('PGlite', t, bare, {}))));
  if (only === 'pglite') return rows;
  if (adminUrl === '') {
    rows.push([
      'PostgreSQL: documented visits',
      'skipped',
      'set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to measure it',
      true,
    ]);
    return rows;
  }
  const pg = await freshPostgres(adminUrl);
  try {
    rows.push(
      ...(await withPgliteFolder((t) =>
        visitDocumentation('PostgreSQL', { ...t, databaseUrl: pg.url }, bare, { minPerSecond: 300 }),
      )),
    );
  } finally {
    await pg.drop();
  }
  return rows;
}
