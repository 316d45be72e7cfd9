// `knotwork serve` as a user runs it: a fresh data folder, the demo clinic, the contract's examples
// POSTed by a registered EHR at their as-of, a second server refused on the same folder, and
// SIGTERM closing cleanly. Runs the built program (npm test builds first).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, freePort, ROOT, serveProgram, type ServedProgram } from './spec/serve-program.js';

const root = ROOT;
const examples = join(root, 'packages', 'core', 'contract-examples');
const built = existsSync(join(root, 'packages', 'server', 'dist', 'index.js'));
const AS_OF = '2026-11-27T10:00:00Z';
const ISSUER = 'https://ehr.example.org';

function start(args: string[], dataDir: string, port = 0): ServedProgram {
  return serveProgram({ dataDir, port, args });
}

if (!built) console.warn('knotwork serve end-to-end: skipped, not built (npm test builds it first)');

describe.skipIf(!built)('knotwork serve', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'knotwork-serve-'));
  let server: ReturnType<typeof start>;
  let url = '';
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const keys = await generateKeyPair('ES384');
    privateKey = keys.privateKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'ehr-1', alg: 'ES384', use: 'sig' };
    const { openDatabase, migrateDatabase, seedDemoClinic, registerCdsClient } = await import('@knotwork/server');
    const database = await openDatabase({ dataDir });
    await migrateDatabase(database);
    const demo = await seedDemoClinic(database, { now: Date.parse(AS_OF) });
    await registerCdsClient(database, { clinicId: demo.clinicId, issuer: ISSUER, jwks: { keys: [jwk] } });
    await database.close();
    server = start(['--as-of', AS_OF], dataDir, await freePort());
    url = await server.ready;
  }, 60_000);

  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function token(): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'ES384', kid: 'ehr-1', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(`http://localhost:${new URL(url).port}/cds-services/tpi-screening`)
      .setIssuedAt(now)
      .setExpirationTime(now + 120)
      .setJti(crypto.randomUUID())
      .sign(privateKey);
  }

  it('says the clock is fixed, in the log and on every response', async () => {
    expect(server.log()).toContain(`clock fixed at 2026-11-27T10:00:00.000Z`);
    const res = await fetch(`${url}/cds-services`);
    expect(res.status).toBe(200);
    expect(res.headers.get('knotwork-as-of')).toBe('2026-11-27T10:00:00.000Z');
  });

  // With the web app built (npm ci builds it) / is the app; without, a landing page stands in.
  const webBuilt = existsSync(join(root, 'packages', 'web', 'dist', 'index.html'));

  it.runIf(webBuilt)('serves the web app at / without inline script or style', async () => {
    const response = await fetch(`${url}/patients`, { headers: { accept: 'text/html' } });
    const page = await response.text();
    expect(page).toContain('<div id="root"></div>');
    expect(page).not.toMatch(/<style|style=|<script>/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it.skipIf(webBuilt)(
    'shows a landing page with the demo logins and the fixed clock, styled without inline style',
    async () => {
      const page = await (await fetch(`${url}/`)).text();
      expect(page).toContain('clinician@demo.knotwork.dev');
      expect(page).toContain('The clock is fixed at 2026-11-27T10:00:00.000Z');
      expect(page).not.toMatch(/<style|style=/);
      expect((await fetch(`${url}/landing.css`)).headers.get('content-type')).toContain('text/css');
    },
  );

  it.each(readdirSync(examples).filter((f) => f.endsWith('.expected.json')))(
    '%s POSTed by a registered EHR gives its expected cards',
    async (name) => {
      const expected = JSON.parse(readFileSync(join(examples, name), 'utf8')) as {
        cards: Record<string, string>;
        absent: string[];
      };
      const body = readFileSync(join(examples, name.replace('.expected.json', '.json')), 'utf8');
      const res = await fetch(`${url}/cds-services/tpi-screening`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
        body,
      });
      expect(res.status).toBe(200);
      const cards = ((await res.json()) as { cards: { indicator: string; source: { topic: { code: string } } }[] })
        .cards;
      const byCode = new Map(cards.map((c) => [c.source.topic.code, c.indicator]));
      for (const [code, indicator] of Object.entries(expected.cards)) expect(byCode.get(code), code).toBe(indicator);
      for (const code of expected.absent) expect(byCode.has(code), code).toBe(false);
    },
  );

  it('refuses a second server on the same data folder, naming the first', async () => {
    const second = start([], dataDir);
    await expect(second.ready).rejects.toThrow(/in use by another Knotwork server \(pid \d+\)/);
  });

  it('finishes cleanly on SIGTERM and releases the data folder', async () => {
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
    expect(existsSync(join(dataDir, 'knotwork.lock'))).toBe(false);
  });
});
