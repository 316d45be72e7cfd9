// The web app's build served at /: its page for browser navigations (the app routes itself), hashed
// assets cached, and problem+json 404s kept for the API, CDS Hooks and FHIR paths and for
// non-browser callers; the strict CSP on the page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './http/spec/test-app.js';
import { hasWebBuild, registerWebApp, WEB_BUILD_DIR } from './web-app.js';

const PAGE = '<!doctype html><html><head><script type="module" src="/assets/app-1a2b.js"></script></head></html>';
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the web app build at /', () => {
  const dir = mkdtempSync(join(tmpdir(), 'knotwork-web-'));
  let app: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), PAGE);
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'export {};\n');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    ({ app } = await buildTestApp());
    await registerWebApp(app, dir);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a build only where index.html is', () => {
    expect(hasWebBuild(dir)).toBe(true);
    expect(hasWebBuild(join(dir, 'assets'))).toBe(false);
    expect(WEB_BUILD_DIR.replaceAll('\\', '/')).toMatch(/packages\/web\/dist\/$/);
  });

  it.each(['/', '/patients', '/patients/0c7f/chart?tab=allergies', '/visits/1/steps/plan'])(
    'answers the page for a browser at %s, under the strict CSP and not cached',
    async (url) => {
      const response = await app.inject({ method: 'GET', url, headers: { accept: HTML } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toBe(PAGE);
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("style-src 'self'");
      expect(response.headers['cache-control']).toBe('no-store');
    },
  );

  it('serves hashed assets with a long cache and public files by name', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
  });

  it.each([
    ['/api/nothing-here', HTML],
    ['/cds-services/nothing', HTML],
    ['/fhir/Patient', HTML],
    ['/patients', 'application/json'],
    ['/assets/missing.js', HTML],
  ])('keeps %s (Accept %s) a problem+json 404', async (url, accept) => {
    const response = await app.inject({ method: 'GET', url, headers: { accept } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('serves nothing outside the assets folder', async () => {
    for (const url of ['/assets/..%2Findex.html', '/assets/..%2F..%2Fetc%2Fpasswd', '/assets/%2e%2e/index.html']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.body, url).not.toContain('<!doctype html>');
    }
  });

  it('leaves the API routes as they are', async () => {
    const response = await app.inject({ method: 'GET', url: '/cds-services', headers: { accept: HTML } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
  });
});
