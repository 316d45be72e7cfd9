// The web app in `npm run bench` (issue 4, item 7), in Debian's Chromium driven by Playwright against
// a real `knotwork serve` (demo clinic, fixed clock, a data folder of its own), on PGlite and, with
// BENCH_DATABASE_URL or TEST_DATABASE_URL, on a fresh PostgreSQL database (dropped afterwards):
//
// 1. First-screen JavaScript: every script Chromium downloads, with an empty cache, for the sign-in
//    page and then the patient list, gzipped at level 9 (the server does not compress; when it does,
//    the size it sent), against 200 KB. index.html's entry and modulepreloads are checked to be
//    among them; without Chromium they alone are measured.
// 2. A click on the body map: at 1024x768, a visit's plan step with a site and a product, then
//    CLICKS clicks on other muscles (each added, then removed), each timed on the page's clock from
//    the click until (a) the clicked shape shows its new state, (b) the plan step says "saved" at the
//    next revision (data-status="saved", data-revision; it says so once the save and the saved
//    plan's screen are both answered and shown), (c) the dose meter is not waiting for an answer
//    (no aria-busy) and shows a reading (it follows the products only, so a site click leaves its
//    figures as they are), (d) a verdict is shown; then the next frame. Median and p95
//    against 100 ms, with the same page's bare round trip (GET /api/session) as the baseline, and
//    the median click split into its phases (Resource Timing of the save-and-screen PUT).
//
// BENCH_ONLY=web runs this part alone (./run-bench.ts); BENCH_DATABASES=pglite or =postgres measures
// the clicks on that database only; BENCH_WEB_CLICKS=N changes the click count;
// BENCH_PROFILE_DIR=DIR runs the server under --cpu-prof and says where its CPU went during the
// clicks (the profile is kept there).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, Response } from 'playwright-core';
import { freshPostgres, type BenchRow } from './server-bench.js';
import {
  biggest,
  firstScreenScripts,
  gzipSize,
  KB,
  kb,
  loggedRequests,
  median,
  msText,
  percentile,
  phases,
  profileWindow,
  totalOf,
  type ClickTiming,
  type Script,
  type TimedProfile,
} from './web-figures.js';
import { summariseProfile, topFunctions } from './profile-summary.js';
import { clickAndTime, pickShapes, sessionRoundTrips } from './web-page.js';

const AS_OF = '2026-11-27T10:00:00Z';
const PASSWORD = 'knotwork-demo';
const CLINICIAN = 'clinician@demo.knotwork.dev';
const CHROMIUM = process.env['KNOTWORK_CHROMIUM'] ?? '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'knotwork.js');
const WEB = join(ROOT, 'packages', 'web');
const DIST = join(WEB, 'dist');
const MAX_FIRST_SCREEN_KB = 200;
const MAX_CLICK_MS = 100;
const CLICKS = Number(process.env['BENCH_WEB_CLICKS'] ?? 30);
const WARMUP_CLICKS = 4;
const ROUND_TRIPS = 30;
/** BENCH_PROFILE_DIR: the server runs under --cpu-prof; its samples during the measured clicks are summarised. */
const PROFILE_DIR = process.env['BENCH_PROFILE_DIR'];
const profileName = (label: string) => `web-clicks-${label.toLowerCase()}.cpuprofile`;

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Builds the web app (as the browser journeys do) when its build is missing or older than its sources. */
function ensureWebBuild(): 'rebuilt' | 'up to date' {
  const index = join(DIST, 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(WEB, p));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestChange))) return 'up to date';
  const out = `dist-bench-${process.pid}`;
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '--outDir', out],
    { cwd: WEB, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  // Into place in one move, so that a server started meanwhile never sees half a build.
  rmSync(DIST, { recursive: true, force: true });
  renameSync(join(WEB, out), DIST);
  return 'rebuilt';
}

/** index.html's entry and modulepreloads from the build on disk (no browser), gzipped. */
function scriptsOnDisk(): Script[] {
  return firstScreenScripts(readFileSync(join(DIST, 'index.html'), 'utf8')).map((path) => {
    const body = readFileSync(join(DIST, path.replace(/^\//, '')));
    return { path, rawBytes: body.length, gzipBytes: gzipSize(body) };
  });
}

function firstScreenRow(scripts: readonly Script[], how: string): BenchRow {
  const { rawBytes, gzipBytes } = totalOf(scripts);
  return [
    'web: first-screen JavaScript (gzip -9)',
    kb(gzipBytes),
    `${scripts.length} scripts ${how}, ${kb(rawBytes)} raw; biggest ${biggest(scripts, 3)} (target <= ${MAX_FIRST_SCREEN_KB} KB)`,
    gzipBytes <= MAX_FIRST_SCREEN_KB * KB,
  ];
}

interface Served {
  readonly url: string;
  /** What it printed so far: with --log-requests, a JSON line for each request and its time. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * `knotwork serve` as a user starts it, on a fresh folder: the demo clinic and a fixed clock; it
 * logs each request with its time (--log-requests), to split a click's time between server and page.
 */
async function serve(label: string, databaseUrl: string | undefined): Promise<Served> {
  const dataDir = mkdtempSync(join(tmpdir(), 'knotwork-web-bench-'));
  if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
  const profiling = PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${profileName(label)}`]
    : [];
  const child = spawn(
    process.execPath,
    [...profiling, BIN, 'serve', '--port', '0', '--data-dir', dataDir, '--as-of', AS_OF, '--log-requests'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: databaseUrl ?? '' } },
  );
  let log = '';
  const onData = (chunk: Buffer) => (log += chunk.toString());
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const serving = () => {
        const m = /serving (http:\/\/\S+)/.exec(log);
        if (m?.[1]) resolve(m[1]);
      };
      child.stdout.on('data', serving);
      child.stderr.on('data', serving);
      void exited.then(() => reject(new Error(`knotwork serve exited: ${log}`)));
    });
    return { url, log: () => log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('Email').fill(CLINICIAN);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
}

/** What Chromium downloads with an empty cache for the sign-in page, then the patient list. */
async function firstScreen(browser: Browser, url: string): Promise<Script[]> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  try {
    const page = await context.newPage();
    const pending: Promise<Script>[] = [];
    page.on('response', (response: Response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        (async () => {
          const body = await response.body();
          const encoded = (await response.headerValue('content-encoding')) !== null;
          const sent = encoded ? (await response.request().sizes()).responseBodySize : gzipSize(body);
          return { path: new URL(response.url()).pathname, rawBytes: body.length, gzipBytes: sent };
        })(),
      );
    });
    await signIn(page, url);
    await page.waitForLoadState('networkidle');
    return await Promise.all(pending);
  } finally {
    await context.close();
  }
}

/** A signed-in page on a new visit's plan step for Ada Okafor, with one site and one product saved. */
async function openPlan(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await signIn(page, url);
  await page.goto(`${url}/patients?name=okafor`);
  await page.getByRole('link', { name: /OKAFOR, Ada/ }).click();
  await page.getByRole('heading', { name: 'Ada Okafor', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Start visit' }).click();
  await page.waitForURL(/\/visits\/[0-9a-f-]+\/indication$/);
  await page.goto(page.url().replace(/\/indication$/, '/plan'));
  await page.getByRole('region', { name: 'Body map of injection sites' }).waitFor();
  await page.getByLabel('Product 1').selectOption('lidocaine-1pct');
  await page.getByLabel('Volume 1 (mL)').fill('5');
  return page;
}

/** The server's own median time (its log) for the last `count` requests of a route; NaN if not logged. */
async function serverTimes(server: Served, count: { readonly clicks: number; readonly trips: number }) {
  const PLAN = /^\/api\/visits\/[^/]+\/plan\/screened$/;
  const SESSION = /^\/api\/session$/;
  const last = (method: string, path: RegExp, n: number) =>
    loggedRequests(server.log())
      .filter((r) => r.method === method && path.test(r.url.split('?')[0] ?? ''))
      .slice(-n);
  // The log reaches us through a pipe: give the last lines a moment.
  for (let i = 0; i < 40 && last('GET', SESSION, count.trips).length < count.trips; i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const m = (list: readonly { ms: number }[]) => median(list.map((r) => r.ms));
  return {
    save: m(last('PUT', PLAN, count.clicks)),
    session: m(last('GET', SESSION, count.trips)),
  };
}

/** The monotonic clock V8's profiles use, µs. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

interface Clicked {
  readonly rows: BenchRow[];
  /** When the measured clicks ran (monotonic µs), and how many. */
  readonly window: { readonly from: number; readonly to: number; readonly clicks: number };
}

async function mapClicks(browser: Browser, server: Served, label: string): Promise<Clicked> {
  const page = await openPlan(browser, server.url);
  try {
    const [site, ...others] = await page.evaluate(pickShapes, CLICKS + WARMUP_CLICKS);
    if (site === undefined || others.length < 1) throw new Error('the body map has no shapes to click');
    // The plan's own site, which stays: the plan is saved and screened from here on.
    await page.evaluate(clickAndTime, site);
    const clicks: ClickTiming[] = [];
    let from = 0;
    for (let i = 0; i < CLICKS + WARMUP_CLICKS; i++) {
      if (i === WARMUP_CLICKS) from = monotonicMicros();
      // Each shape added, then removed: an add on even clicks, its removal on odd ones.
      const shape = others[Math.floor(i / 2) % others.length] as string;
      const timing = await page.evaluate(clickAndTime, shape);
      if (i >= WARMUP_CLICKS) clicks.push(timing);
    }
    const window = { from, to: monotonicMicros(), clicks: clicks.length };
    await page.evaluate(sessionRoundTrips, 5);
    const trips = await page.evaluate(sessionRoundTrips, ROUND_TRIPS);
    const painted = clicks.map((c) => c.paintedMs);
    const p50 = median(painted);
    const p95 = percentile(painted, 95);
    const split = phases(clicks);
    const tripP50 = median(trips);
    const onServer = await serverTimes(server, { clicks: clicks.length, trips: ROUND_TRIPS });
    // What a click asked the server (the meter follows the products only: a site click asks it nothing).
    const asked = [...new Set(clicks.flatMap((c) => c.requests))].join(', ');
    const mostAsked = Math.max(...clicks.map((c) => c.requests.length));
    const rows: BenchRow[] = [
      [
        `${label}: page GET /api/session p50/p95`,
        `${msText(tripP50)} / ${msText(percentile(trips, 95))} ms`,
        `${ROUND_TRIPS} round trips from the plan step's page, one at a time (the server's own time ` +
          `${msText(onServer.session)} ms); the baseline`,
        true,
      ],
      [
        `${label}: map click p50 / p95`,
        `${msText(p50)} / ${msText(p95)} ms`,
        `${clicks.length} clicks (add, remove) at 1024x768 until the plan is saved at the next revision, the meter and ` +
          `the screen shown, painted; ${(p50 / tripP50).toFixed(1)}x the bare round trip (target p95 <= ${MAX_CLICK_MS} ms)`,
        p95 <= MAX_CLICK_MS,
      ],
      [
        `${label}: a click split (medians)`,
        `${msText(split.beforeSave + split.save + split.render)} ms`,
        `map painted ${msText(split.map)}; wait before the save ${msText(split.beforeSave)}, ` +
          `PUT plan/screened (save and screen) ${msText(split.save)} (server ${msText(onServer.save)}), ` +
          `answer to painted ${msText(split.render)} ms` +
          `; at most ${mostAsked} requests a click (${asked})`,
        true,
      ],
    ];
    return { rows, window };
  } finally {
    await page.context().close();
  }
}

/** Runs the web scenarios; returns the rows to print. */
export async function runWebBench(): Promise<BenchRow[]> {
  const built = ensureWebBuild();
  const onDisk = scriptsOnDisk();
  if (!existsSync(CHROMIUM)) {
    return [
      firstScreenRow(onDisk, 'named by index.html (entry and modulepreloads; no browser)'),
      ['web: map clicks', 'skipped', `${CHROMIUM} not found (apt-get install -y chromium)`, true],
    ];
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  const rows: BenchRow[] = [];
  try {
    // BENCH_DATABASES=postgres or =pglite: that database only (default both), as for the server part.
    const only = process.env['BENCH_DATABASES'];
    const adminUrl = process.env['BENCH_DATABASE_URL'] || process.env['TEST_DATABASE_URL'] || '';
    const onDatabase = (label: string, databaseUrl?: string) =>
      onServer(browser, label, databaseUrl, rows.length === 0 ? { onDisk, built } : undefined);
    if (only !== 'postgres') rows.push(...(await onDatabase('PGlite')));
    if (only === 'pglite') {
      // not asked for
    } else if (adminUrl === '') {
      rows.push([
        'PostgreSQL: map clicks',
        'skipped',
        'set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to measure it',
        true,
      ]);
    } else {
      const pg = await freshPostgres(adminUrl);
      try {
        rows.push(...(await onDatabase('PostgreSQL', pg.url)));
      } finally {
        await pg.drop();
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/** One `knotwork serve` on a database: the first screen (when asked), the map clicks, the profile. */
async function onServer(
  browser: Browser,
  label: string,
  databaseUrl: string | undefined,
  first: { readonly onDisk: readonly Script[]; readonly built: string } | undefined,
): Promise<BenchRow[]> {
  const server = await serve(label, databaseUrl);
  const rows: BenchRow[] = [];
  let window: Clicked['window'] | undefined;
  try {
    if (first) {
      const downloaded = await firstScreen(browser, server.url);
      const missing = first.onDisk.filter((s) => !downloaded.some((d) => d.path === s.path)).map((s) => s.path);
      rows.push(
        firstScreenRow(
          downloaded,
          `Chromium downloaded for sign-in and the patient list (empty cache; web build ${first.built})`,
        ),
      );
      if (missing.length > 0)
        rows.push(['web: index.html scripts not downloaded', String(missing.length), missing.join(', '), false]);
    }
    const clicked = await mapClicks(browser, server, label);
    rows.push(...clicked.rows);
    window = clicked.window;
  } finally {
    // The profile is written as the server exits.
    await server.stop();
  }
  if (PROFILE_DIR && window) rows.push(...profileRows(join(PROFILE_DIR, profileName(label)), window, label));
  return rows;
}

/** Where the server's CPU went during the measured clicks (its --cpu-prof profile, cut to them). */
function profileRows(file: string, window: Clicked['window'], label: string): BenchRow[] {
  if (!existsSync(file)) return [[`${label}: server profile (clicks)`, 'missing', `no ${file} written`, null]];
  const cut = profileWindow(JSON.parse(readFileSync(file, 'utf8')) as TimedProfile, window.from, window.to);
  const wallMs = (window.to - window.from) / 1000;
  const shares = summariseProfile(cut.profile);
  return [
    [
      `${label}: server busy per click`,
      `${msText(cut.busyMs / window.clicks)} ms`,
      `not idle ${Math.round(cut.busyMs)} of ${Math.round(wallMs)} ms over ${window.clicks} clicks (on a core or waiting for one; ` +
        `${cut.samples} samples): ` +
        shares
          .slice(0, 6)
          .map((x) => `${x.layer} ${x.percent.toFixed(0)}%`)
          .join(', '),
      true,
    ],
    [
      `${label}: busiest server functions`,
      `${topFunctions(cut.profile, 1)[0]?.percent.toFixed(0) ?? '?'}%`,
      topFunctions(cut.profile, 5)
        .map((x) => `${x.layer} ${x.percent.toFixed(0)}%`)
        .join(', ') + `; the whole profile: ${file}`,
      true,
    ],
  ];
}
