// The FHIR bulk export benchmark (issue 5 item 7): a clinic of 2,000 and one of 20,000 synthetic
// patients (@knotwork/server's writeSyntheticClinic, as `knotwork demo --patients N` writes them) on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, a fresh
// database each, dropped after), each exported to NDJSON by a child process of its own
// (fhir-export-child.ts), in the same run. Targets: at least 5,000 resources/s, and a peak
// resident set that grows no more than 20% from the smaller clinic to the larger.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase, openDatabase, writeSyntheticClinic } from '@knotwork/server';
import { freshPostgres } from './server-bench.js';

type Row = [string, string, string, boolean | null];

interface Measured {
  readonly patients: number;
  readonly resources: number;
  readonly seconds: number;
  readonly maxRssMb: number;
  readonly peakHeapMb: number;
}

/** BENCH_FHIR_PATIENTS=300,1000 tries other sizes (a quick look); the are 2,000 and 20,000. */
const SIZES = (process.env['BENCH_FHIR_PATIENTS'] ?? '2000,20000').split(',').map((n) => Number(n));
const int = (n: number) => Math.round(n).toLocaleString('en');

async function measure(
  adminUrl: string,
  patients: number,
): Promise<Measured & { visits: number; generateSeconds: number }> {
  const fresh = await freshPostgres(adminUrl);
  const dir = mkdtempSync(join(tmpdir(), 'knotwork-fhir-bench-'));
  try {
    const t0 = performance.now();
    const database = await openDatabase({ databaseUrl: fresh.url, dataDir: dir, poolSize: 2 });
    let made;
    try {
      await migrateDatabase(database);
      made = await writeSyntheticClinic(database, { patients, seed: 5, clinicName: 'FHIR export benchmark' });
      await database.db.execute('vacuum analyze');
    } finally {
      await database.close();
    }
    const generateSeconds = (performance.now() - t0) / 1000;
    const child = fileURLToPath(new URL('./fhir-export-child.js', import.meta.url));
    const run = spawnSync(process.execPath, [child, fresh.url, join(dir, 'out')], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) throw new Error(`the export child exited ${run.status}: ${run.stderr}`);
    const measured = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Measured;
    return { ...measured, visits: made.visits, generateSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await fresh.drop();
  }
}

export async function runFhirExportBench(): Promise<Row[]> {
  const adminUrl = process.env['BENCH_DATABASE_URL'] || process.env['TEST_DATABASE_URL'] || '';
  if (adminUrl === '') {
    return [
      [
        'FHIR bulk export (PostgreSQL)',
        'not measured',
        'set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to measure it',
        null,
      ],
    ];
  }
  const results: (Measured & { visits: number; generateSeconds: number })[] = [];
  for (const size of SIZES) results.push(await measure(adminUrl, size));
  const rows: Row[] = [];
  for (const r of results) {
    const perSecond = r.resources / r.seconds;
    rows.push(
      [
        `clinic of ${int(r.patients)} patients`,
        `${int(r.resources)}`,
        `resources (${int(r.visits)} visits; the clinic written in ${r.generateSeconds.toFixed(0)} s)`,
        true,
      ],
      [
        `  export of ${int(r.patients)}`,
        `${int(perSecond)}/s`,
        `${r.seconds.toFixed(1)} s (target >= 5,000 resources/s)`,
        perSecond >= 5_000,
      ],
      [
        `  peak memory, ${int(r.patients)}`,
        `${r.maxRssMb.toFixed(0)} MB`,
        `resident set; heap peak ${r.peakHeapMb.toFixed(0)} MB`,
        true,
      ],
    );
  }
  const [small, large] = results;
  if (small && large) {
    const growth = large.maxRssMb / small.maxRssMb - 1;
    rows.push([
      `peak memory growth, ${int(small.patients)} -> ${int(large.patients)}`,
      `${(growth * 100).toFixed(1)}%`,
      `resident set (heap: ${((large.peakHeapMb / small.peakHeapMb - 1) * 100).toFixed(1)}%); target <= 20%`,
      growth <= 0.2,
    ]);
  }
  return rows;
}
