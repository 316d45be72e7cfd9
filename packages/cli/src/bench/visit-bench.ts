// Visit documentation in `npm run bench` (issue 3, item 8): a whole documented visit (a plan of 4
// sites, its screen, 2 observations, the consent, the note with what was given at each site with
// lot and expiry, and the signature) saved in one request, POST /api/patients/:id/documented-visits,
// at 20 connections of 20 signed-in clinicians, rotating over 200 patients. Reported like the
// chart reads: documented visits/s, p50/p99, server CPU per visit against the bare route's, peak
// RSS, and the database work per visit. Each answer is checked: a visit that is not stored and
// signed (not 201) counts as a failure.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { migrateDatabase, openDatabase, seedDemoClinic } from '@knotwork/server';
import type { BenchRow, Measured } from './server-bench.js';
import { forkServer, type BenchChild, type Target } from './server-child.js';
import { seedVisitFixture, VISIT_SESSIONS, type VisitFixture } from './visit-fixture.js';

const CONNECTIONS = VISIT_SESSIONS;
const WARMUP_S = 1;
const MEASURE_S = 4;
const PROFILE_S = 2;
const MB = 1024 * 1024;

const SITES = [
  ['trapezius-upper', 'left'],
  ['trapezius-upper', 'right'],
  ['levator-scapulae', 'left'],
  ['rhomboids', 'right'],
] as const;
const FINDINGS = { tautBand: true, localTwitch: true, referredPain: true, jumpSign: false };
const PLAN = {
  sites: SITES.map(([muscle, side]) => ({ muscle, side, findings: FINDINGS })),
  products: [{ injectate: 'lidocaine-0.5pct', volumeMl: 8 }],
};

function documentation(formVersion: string, at: string) {
  return {
    plan: PLAN,
    observations: [
      { loinc: '29463-7', value: { quantity: 76, unit: 'kg' }, at },
      { loinc: '72514-3', value: { quantity: 7, unit: '{score}' }, at },
    ],
    consent: {
      formVersion,
      signerKind: 'patient',
      signerName: 'Bench Patient',
      signatureKind: 'typed-name',
      signatureData: 'Bench Patient',
    },
    note: {
      findings: 'Taut bands with local twitch responses; referred pain reproduced at each site.',
      painNrs: 3,
      timeOut: { patient: true, sites: true, sides: true, allergies: true, consent: true },
      sites: SITES.map(([muscle, side], i) => ({
        muscle,
        side,
        needle: { gauge: 25, lengthMm: 38 },
        aspiration: 'negative',
        twitch: i % 2 === 0,
        tolerance: 'well',
        administrations: [{ injectate: 'lidocaine-0.5pct', volumeMl: 2, lot: `LB${2290 + i}`, expiry: '2027-09' }],
      })),
      complications: [],
    },
  };
}

async function prepare(target: Target): Promise<VisitFixture> {
  const database = await openDatabase(target);
  try {
    await migrateDatabase(database);
    await seedDemoClinic(database, { now: Date.now() });
    return await seedVisitFixture(database, { now: Date.now() });
  } finally {
    await database.close();
  }
}

function documentVisits(child: BenchChild, fixture: VisitFixture, body: string, seconds: number): Promise<Result> {
  let next = 0;
  return autocannon({
    url: child.url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 20,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const n = next++;
          const session = fixture.sessions[n % fixture.sessions.length];
          const patient = fixture.patientIds[n % fixture.patientIds.length];
          return {
            ...request,
            path: `/api/patients/${patient ?? ''}/documented-visits`,
            headers: {
              ...request.headers,
              'content-type': 'application/json',
              cookie: session?.cookie ?? '',
              'x-csrf-token': session?.csrfToken ?? '',
            },
            body,
          };
        },
      },
    ],
  });
}

const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : int(n));
const micros = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} ms` : `${n.toFixed(0)} µs`);

export async function visitDocumentation(
  label: string,
  target: Target,
  bare: Pick<Measured, 'cpuMicrosPerRequest'>,
  goals: { readonly minPerSecond?: number },
): Promise<BenchRow[]> {
  const fixture = await prepare(target);
  const child = await forkServer('knotwork', target);
  try {
    const first = fixture.sessions[0];
    const headers = {
      'content-type': 'application/json',
      cookie: first?.cookie ?? '',
      'x-csrf-token': first?.csrfToken ?? '',
    };
    const form = await fetch(`${child.url}/api/consent-forms`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        sites: PLAN.sites.map(({ muscle, side }) => ({ muscle, side })),
        products: PLAN.products,
      }),
    });
    if (form.status !== 200)
      throw new Error(`${label}: the consent form answered ${form.status}: ${await form.text()}`);
    const { version } = (await form.json()) as { version: string };
    const body = JSON.stringify(documentation(version, new Date().toISOString()));
    const check = await fetch(`${child.url}/api/patients/${fixture.patientIds[0] ?? ''}/documented-visits`, {
      method: 'POST',
      headers,
      body,
    });
    if (check.status !== 201)
      throw new Error(`${label}: a documented visit answered ${check.status}: ${await check.text()}`);

    await documentVisits(child, fixture, body, WARMUP_S);
    const before = await child.usage();
    const result = await documentVisits(child, fixture, body, MEASURE_S);
    const after = await child.usage();
    const visits = result['2xx'];
    const requests = visits + result.non2xx;
    const perSecond = visits / result.duration;
    const cpu = requests === 0 ? 0 : (after.cpuMicros - before.cpuMicros) / requests;
    const dbCpu =
      before.databaseCpuMicros === undefined || after.databaseCpuMicros === undefined || requests === 0
        ? undefined
        : (after.databaseCpuMicros - before.databaseCpuMicros) / requests;
    const db = before.database && after.database ? { a: before.database, b: after.database } : undefined;
    const per = (k: 'transactions' | 'inserted' | 'updated' | 'returned') =>
      db && requests > 0 ? ((db.b[k] - db.a[k]) / requests).toFixed(1) : '?';
    const failures = result.non2xx + result.errors;
    const peakMb = after.peakRssBytes / MB;
    const profileDir = process.env['BENCH_PROFILE_DIR'];
    const { shares, top } = await child.profile(
      () => documentVisits(child, fixture, body, PROFILE_S),
      profileDir ? join(profileDir, `documented-visits-${label.toLowerCase()}.cpuprofile`) : undefined,
    );
    return [
      [
        `${label}: documented visits/s`,
        int(perSecond),
        `${CONNECTIONS} connections, ${MEASURE_S} s, ${int(visits)} visits signed${failures ? `, ${failures} FAILED` : ''}` +
          (goals.minPerSecond === undefined ? '; no target on PGlite' : ` (target >= ${int(goals.minPerSecond)})`),
        (goals.minPerSecond === undefined || perSecond >= goals.minPerSecond) && failures === 0,
      ],
      [
        `${label}: documented visit p50 / p99`,
        `${ms(result.latency.p50)} / ${ms(result.latency.p99)} ms`,
        'one request: the whole visit in one transaction',
        true,
      ],
      [
        `${label}: server CPU per visit`,
        micros(cpu),
        `${(cpu / bare.cpuMicrosPerRequest).toFixed(1)}x the bare route's request` +
          (dbCpu === undefined ? '' : `; PostgreSQL backends ${micros(dbCpu)} more`),
        true,
      ],
      [
        `${label}: peak RSS while documenting`,
        `${int(peakMb)} MB`,
        'target < 250 MB on PostgreSQL',
        label === 'PGlite' || peakMb < 250,
      ],
      [
        `${label}: where the server's CPU goes (visits)`,
        `${shares[0]?.percent.toFixed(0) ?? '?'}%`,
        shares
          .slice(0, 6)
          .map((x) => `${x.layer} ${x.percent.toFixed(0)}%`)
          .join(', '),
        true,
      ],
      [
        `${label}: busiest functions (visits)`,
        `${top[0]?.percent.toFixed(0) ?? '?'}%`,
        top.map((x) => `${x.layer} ${x.percent.toFixed(0)}%`).join(', '),
        true,
      ],
      [
        `${label}: database work per visit`,
        `${per('transactions')} tx`,
        `${per('inserted')} rows inserted, ${per('updated')} updated, ${per('returned')} read (pg_stat_database)`,
        true,
      ],
    ];
  } finally {
    await child.stop();
  }
}

/** A fresh PGlite folder for the scenario; removed afterwards. */
export async function withPgliteFolder<T>(work: (target: Target) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'knotwork-visit-bench-'));
  try {
    return await work({ dataDir });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
