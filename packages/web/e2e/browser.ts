// Browser journeys' support: whether they run, the real server as a user starts it (built program,
// demo clinic, fixed clock, a data folder of its own), one Chromium for a file, axe on each screen
// and screenshots under test-results/screenshots/.
//
// They run when KNOTWORK_BROWSER_TESTS=1, or on CI (CI=true) when Chromium is installed; anywhere
// else they are skipped with a message saying so. Chromium is Debian's (`apt-get install -y
// chromium`, /usr/bin/chromium) or KNOTWORK_CHROMIUM.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { exited, ROOT, serveProgram, type ServedProgram } from '../../cli/src/commands/spec/serve-program.js';

export const CHROMIUM = process.env['KNOTWORK_CHROMIUM'] ?? '/usr/bin/chromium';
const asked = process.env['KNOTWORK_BROWSER_TESTS'] === '1';
const onCi = process.env['CI'] === 'true' && existsSync(CHROMIUM);
export const browserTestsEnabled = asked || onCi;
export const SKIP_REASON = browserTestsEnabled
  ? ''
  : 'browser journeys skipped: set KNOTWORK_BROWSER_TESTS=1 (with Chromium at /usr/bin/chromium or KNOTWORK_CHROMIUM) to run them';

export const AS_OF = '2026-11-27T10:00:00Z';
export const PASSWORD = 'knotwork-demo';
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const WEB = join(ROOT, 'packages', 'web');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/**
 * Builds the web app as `npm ci` does when its build is older than its sources, so the journeys
 * drive the code as it is now. The build goes to a folder of its own and then takes the place of
 * dist/, so a server started meanwhile (another test file) never sees half a build.
 */
export function buildWebApp(): void {
  const dist = join(WEB, 'dist');
  const index = join(dist, 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(WEB, p));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestChange))) return;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const out = `dist-build-${process.pid}`;
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', out], {
    cwd: WEB,
    encoding: 'utf8',
    // vitest sets NODE_ENV=test, which would give React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  rmSync(dist, { recursive: true, force: true });
  renameSync(join(WEB, out), dist);
}

export interface Rig {
  readonly url: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Content-Security-Policy violations and page errors seen so far. */
  readonly errors: string[];
  close(): Promise<void>;
}

export async function startRig(): Promise<Rig> {
  if (!existsSync(CHROMIUM)) throw new Error(`KNOTWORK_BROWSER_TESTS=1 but no Chromium at ${CHROMIUM}`);
  buildWebApp();
  const dataDir = mkdtempSync(join(tmpdir(), 'knotwork-browser-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'knotwork-chromium-'));
  let server: ServedProgram | undefined;
  let context: BrowserContext | undefined;
  try {
    server = serveProgram({ dataDir, args: ['--as-of', AS_OF] });
    const url = await server.ready;
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      viewport: { width: 1024, height: 768 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    const started = server;
    const browser = context;
    return {
      url,
      context,
      page,
      errors,
      close: async () => {
        await browser.close();
        started.child.kill('SIGTERM');
        await exited(started.child);
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    server?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/** axe's serious and critical violations on the page as it is (WCAG 2.1 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The whole page, or only what is in view (a modal dialog over the page). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** One screen's checks: axe finds no serious or critical violation, no CSP or page error; a screenshot. */
export async function checkScreen(rig: Rig, name: string, fullPage = true): Promise<void> {
  const violations = await seriousViolations(rig.page);
  await screenshot(rig.page, name, fullPage);
  expect(violations, `axe on ${name}`).toEqual([]);
  expect(rig.errors, `CSP or page errors on ${name}`).toEqual([]);
}
