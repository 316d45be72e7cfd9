// The outcomes dashboard in `npm run bench` (issue 6 item 8): one clinic with 20,000 patients,
// 60,000 signed procedures (a baseline, one site, lidocaine or lidocaine with triamcinolone) and
// 400,000 follow-up answers on their links, generated in SQL (generate_series) and timed; then the
// dashboard's aggregates (the use case GET /api/dashboard/outcomes runs: gather the facts, the
// core's procedureOutcome per procedure, group) timed on PGlite and PostgreSQL (BENCH_DATABASE_URL
// or TEST_DATABASE_URL). Targets: at most 500 ms on PostgreSQL, 3 s on PGlite.
// Run alone with BENCH_ONLY=dashboard (BENCH_DATABASES=postgres|pglite for one).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import {
  databaseRepositories,
  migrateDatabase,
  openDatabase,
  outcomesDashboard,
  type Database,
} from '@knotwork/server';

const PATIENTS = 20_000;
const PROCEDURES = 60_000;
const ANSWERS = 400_000;
const TARGET_MS = { postgres: 500, pglite: 3000 } as const;
const ROUNDS = 3;

async function seed(database: Database): Promise<{ clinicId: string; userId: string }> {
  return database.asSystem(async (tx) => {
    const run = (q: ReturnType<typeof sql>) => tx.execute(q);
    const one = async <T>(q: ReturnType<typeof sql>) => {
      const r: unknown = await tx.execute(q);
      const row = (r as { rows: T[] }).rows[0];
      if (!row) throw new Error('no row');
      return row;
    };
    const { id: clinicId } = await one<{ id: string }>(
      sql`insert into clinics (name) values ('Bench clinic') returning id`,
    );
    const { id: userId } = await one<{ id: string }>(
      sql`insert into users (clinic_id, email, display_name, role, password_hash)
        values (${clinicId}, ${`bench-${randomBytes(4).toString('hex')}@clinic.example`}, 'Dr Bench', 'clinician', 'x') returning id`,
    );
    await run(sql`create temporary table bench_patients on commit drop as
      select gen_random_uuid() as id, g as n from generate_series(1, ${PATIENTS}) g`);
    await run(
      sql`insert into patients (id, clinic_id, family_name) select id, ${clinicId}, 'Bench' || n from bench_patients`,
    );
    await run(sql`create temporary table bench_visits on commit drop as
      select gen_random_uuid() as id, gen_random_uuid() as note_id, p.id as patient_id, g as n,
        timestamptz '2025-01-01' + (g % 600) * interval '1 day' as at
      from generate_series(1, ${PROCEDURES}) g join bench_patients p on p.n = 1 + (g % ${PATIENTS})`);
    await run(sql`insert into visits (id, clinic_id, patient_id, started_at, clinician_id, status)
      select id, ${clinicId}, patient_id, at, ${userId}, 'finished' from bench_visits`);
    await run(sql`insert into procedure_notes (id, clinic_id, patient_id, visit_id, version, status, content, created_by, signed_by, signed_at)
      select note_id, ${clinicId}, patient_id, id, 1, 'signed', '{}'::jsonb, ${userId}, ${userId}, at from bench_visits`);
    await run(sql`insert into visit_baselines (clinic_id, patient_id, visit_id, indication_icd10, indication_display, pain_nrs, peg_pain, peg_enjoyment, peg_activity, recorded_at)
      select ${clinicId}, patient_id, id, case when n % 3 = 0 then 'M79.18' else 'M54.2' end, 'Bench', 5 + n % 5, 6, 6, 6, at from bench_visits`);
    await run(sql`insert into administrations (clinic_id, patient_id, visit_id, note_id, muscle_code, side, product_code, product_text, volume_ml, administered_at)
      select ${clinicId}, patient_id, id, note_id, case when n % 2 = 0 then 'trapezius-upper' else 'gluteus-maximus' end, 'left',
        case when n % 4 = 0 then 'triamcinolone-40' else 'lidocaine-1pct' end, 'Bench', 2, at from bench_visits`);
    await run(sql`create temporary table bench_links on commit drop as
      select gen_random_uuid() as id, v.id as visit_id, v.patient_id, v.note_id, v.at, k, v.n
      from bench_visits v cross join generate_series(0, 6) k`);
    await run(sql`insert into follow_ups (id, clinic_id, patient_id, visit_id, note_id, point_id, label, signed_at, due_at, asks_peg, token_hash, expires_at)
      select id, ${clinicId}, patient_id, visit_id, note_id, 'p' || k, 'Point ' || k, at, at + (k + 1) * interval '1 day', k >= 5,
        md5(id::text) || md5(visit_id::text), at + (k + 15) * interval '1 day' from bench_links`);
    // 400,000 answers: 6 or 7 per procedure, falling pain, a flare on some, a red flag on a few.
    await run(sql`insert into follow_up_answers (clinic_id, follow_up_id, patient_id, visit_id, submitted_at, pain_nrs, relief_pct, pgic, side_effects, red_flags)
      select ${clinicId}, id, patient_id, visit_id, at + (k + 1) * interval '1 day' + interval '1 hour',
        greatest(0, least(10, 5 + n % 5 - k - case when k = 0 and n % 7 = 0 then -2 else 0 end)), least(100, k * 15), 1 + (n + k) % 7,
        case when k = 0 and n % 5 = 0 then '["soreness-or-flare"]'::jsonb else '[]'::jsonb end,
        case when n % 97 = 0 and k = 1 then '["fainting"]'::jsonb else '[]'::jsonb end
      from bench_links where k < 6 or n <= ${ANSWERS - PROCEDURES * 6}`);
    await run(sql`analyze`);
    return { clinicId, userId };
  });
}

export interface DashboardBenchRow {
  readonly what: string;
  readonly figure: string;
  readonly note: string;
  readonly ok: boolean | null;
}

async function measure(kind: 'pglite' | 'postgres', database: Database): Promise<DashboardBenchRow[]> {
  const t0 = performance.now();
  const { clinicId, userId } = await seed(database);
  const generated = performance.now() - t0;
  const repos = databaseRepositories(database);
  const actor = { userId, clinicId, from: null };
  const times: number[] = [];
  let totals = { patients: 0, procedures: 0, answers: 0 };
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const result = await repos.inClinic(clinicId, (r) => outcomesDashboard({ filters: {}, actor, at: Date.now() }, r));
    times.push(performance.now() - start);
    totals = result.dashboard.totals;
  }
  const best = Math.min(...times);
  return [
    {
      what: `${kind}: generated`,
      figure: `${(generated / 1000).toFixed(1)} s`,
      note: `${totals.patients} patients, ${totals.procedures} procedures, ${totals.answers} answers`,
      ok: null,
    },
    {
      what: `${kind}: dashboard aggregates`,
      figure: `${best.toFixed(0)} ms`,
      note: `best of ${ROUNDS} (${times.map((t) => t.toFixed(0)).join(', ')} ms); target <= ${TARGET_MS[kind]} ms`,
      ok: best <= TARGET_MS[kind],
    },
  ];
}

export async function runDashboardBench(): Promise<DashboardBenchRow[]> {
  const only = process.env['BENCH_DATABASES'];
  const rows: DashboardBenchRow[] = [];
  if (only !== 'postgres') {
    const dataDir = await mkdtemp(join(tmpdir(), 'knotwork-dashboard-bench-'));
    const database = await openDatabase({ dataDir });
    try {
      await migrateDatabase(database);
      rows.push(...(await measure('pglite', database)));
    } finally {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  const adminUrl = process.env['BENCH_DATABASE_URL'] || process.env['TEST_DATABASE_URL'] || '';
  if (only !== 'pglite' && adminUrl) {
    const name = `knotwork_dashboard_bench_${randomBytes(4).toString('hex')}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await admin(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const dataDir = await mkdtemp(join(tmpdir(), 'knotwork-dashboard-bench-pg-'));
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir });
    try {
      await migrateDatabase(database);
      rows.push(...(await measure('postgres', database)));
    } finally {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}
