// `npm run bench`: the screening engine's speed against the floor every screen pays (JSON.parse of
// the same request), and the CLI's start-up against `node -e 0`, all measured in the same run on
// the same machine (issue 2, item 9); then the server's chart reads (./server-bench.ts, issue 3,
// item 8). Prints figures and ratios; exits 1 when a target is missed.
//
// BENCH_ONLY=chart-reads skips the screening and start-up part (the server part alone);
// BENCH_ONLY=web measures the web app alone (./web-bench.ts: first-screen JavaScript, map clicks);
// BENCH_ONLY=fhir-export runs the FHIR bulk export benchmark alone;
// BENCH_DATABASES=postgres or =pglite measures that database's chart reads only (default both);
// BENCH_PROFILE_DIR=DIR also writes each database's CPU profile there (open it in Chrome DevTools).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { screen } from '@knotwork/core';
import { realisticRequest } from './realistic-request.js';
import { runServerBench } from './server-bench.js';
import { runWebBench } from './web-bench.js';

const AS_OF = '2026-11-27T10:00:00Z';
const serverOnly = process.env['BENCH_ONLY'] === 'chart-reads';
const webOnly = process.env['BENCH_ONLY'] === 'web';

// BENCH_ONLY=fhir-export: the FHIR bulk export alone (./fhir-export-bench.ts, issue 5 item 7).
if (process.env['BENCH_ONLY'] === 'fhir-export') {
  const { runFhirExportBench } = await import('./fhir-export-bench.js');
  console.log(`\nKnotwork FHIR bulk export benchmark (${process.version}, ${os.cpus().length} cores, PostgreSQL)\n`);
  const measured = await runFhirExportBench();
  for (const [what, figure, note, ok] of measured)
    console.log(
      `${ok === false ? '✗ ' : ok === null ? '? ' : '  '}${what.padEnd(38)} ${figure.padStart(12)}   ${note}`,
    );
  process.exit(measured.some((r) => r[3] === false) ? 1 : 0);
}

const print = (list: readonly (readonly [string, string, string, boolean | null])[]) => {
  for (const [what, figure, note, ok] of list)
    console.log(
      `${ok === false ? '✗ ' : ok === null ? '? ' : '  '}${what.padEnd(38)} ${figure.padStart(12)}   ${note}`,
    );
};

// BENCH_ONLY=dashboard: the outcomes dashboard alone (./dashboard-bench.ts, issue 6 item 8).
if (process.env['BENCH_ONLY'] === 'dashboard') {
  const { runDashboardBench } = await import('./dashboard-bench.js');
  console.log(`\nKnotwork outcomes dashboard benchmark (${process.version}, ${os.cpus().length} cores)\n`);
  const dashboard = await runDashboardBench();
  print(dashboard.map((r) => [r.what, r.figure, r.note, r.ok] as const));
  process.exit(dashboard.some((r) => r.ok === false) ? 1 : 0);
}

const rows = serverOnly || webOnly ? [] : await screeningRows();
if (!serverOnly && !webOnly) {
  console.log(`\nKnotwork screening benchmark (${process.version}, ${new Date().toISOString()})\n`);
  print(rows);
}

async function screeningRows(): Promise<[string, string, string, boolean | null][]> {
  const asOf = Date.parse(AS_OF);
  const text = JSON.stringify(realisticRequest(AS_OF));
  const parsed: unknown = JSON.parse(text);

  const check = screen(parsed, { asOf });
  if (!check.ok) throw new Error(`the benchmark request is not usable: ${check.problem.message}`);

  const bench = new Bench({ time: 2000, warmup: true, warmupTime: 500 });
  let sink = 0;
  bench
    .add('JSON.parse(request)', () => {
      sink += (JSON.parse(text) as { hook: string }).hook.length;
    })
    .add('screen(parsed request)', () => {
      const r = screen(parsed, { asOf });
      sink += r.ok ? r.response.cards.length : 0;
    });
  await bench.run();

  const meanMs = (name: string): number => {
    const task = bench.getTask(name);
    const r = task?.result;
    if (!r || !('latency' in r)) throw new Error(`no result for ${name}`);
    return r.latency.mean;
  };
  const parseMs = meanMs('JSON.parse(request)');
  const screenMs = meanMs('screen(parsed request)');

  function medianWallMs(args: string[], runs: number): number {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
  }
  const dir = mkdtempSync(join(tmpdir(), 'knotwork-bench-'));
  const file = join(dir, 'request.json');
  writeFileSync(file, text);
  const bin = fileURLToPath(new URL('../../bin/knotwork.js', import.meta.url));
  const RUNS = 21;
  const nodeMs = medianWallMs(['-e', '0'], RUNS);
  const cliMs = medianWallMs([bin, 'screen', '--as-of', AS_OF, file], RUNS);

  const rows: [string, string, string, boolean | null][] = [
    [
      'request size',
      `${(text.length / 1024).toFixed(1)} KiB`,
      '10 conditions, 5 allergies, 8 medicines, 20 observations, 4 sites, 3 products',
      true,
    ],
    ['JSON.parse per request', `${(parseMs * 1000).toFixed(1)} µs`, 'the floor', true],
    [
      'screen per request',
      `${(screenMs * 1000).toFixed(1)} µs`,
      `${Math.round(1000 / screenMs).toLocaleString('en')} screens/s on one core (target >= 10,000)`,
      1000 / screenMs >= 10_000,
    ],
    ['screen / JSON.parse', `${(screenMs / parseMs).toFixed(2)}x`, 'target <= 2x', screenMs / parseMs <= 2],
    ['node -e 0 (median of 21)', `${nodeMs.toFixed(1)} ms`, 'baseline', true],
    [
      'knotwork screen FILE (median of 21)',
      `${cliMs.toFixed(1)} ms`,
      `${(cliMs / nodeMs).toFixed(2)}x node -e 0 (target <= 4x)`,
      cliMs / nodeMs <= 4,
    ],
  ];
  if (sink < 0) console.log(sink);
  return rows;
}

// The server: chart reads on PGlite and PostgreSQL against a bare fastify route (./server-bench.ts).
if (!webOnly)
  console.log(`\nKnotwork server benchmark: chart reads, ${os.cpus().length} cores, loopback, autocannon\n`);
const serverRows = webOnly ? [] : await runServerBench();
print(serverRows);
// The web app in Chromium (./web-bench.ts).
if (!serverOnly) console.log('\nKnotwork web app benchmark: Chromium (Playwright) against knotwork serve, loopback\n');
const webRows = serverOnly ? [] : await runWebBench();
print(webRows);
const all = [...rows, ...serverRows, ...webRows];
const missed = all.filter((r) => r[3] === false).length;
const unmeasured = all.filter((r) => r[3] === null).length;
console.log(
  `\n${missed === 0 ? 'all measured targets met' : `${missed} target(s) missed`}` +
    (unmeasured > 0 ? `; ${unmeasured} not measured yet` : ''),
);
process.exitCode = missed === 0 ? 0 : 1;
