// Security headers on every response, errors included; the docs page's one relaxation; the fixed
// clock said on every answer and in the log at start.
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { TPI_SERVICE_PATH } from './cds/discovery.js';
import { buildTestApp, type TestRig } from './spec/test-app.js';

/** One response of each kind: success, 400, 401, 404, 413, 415, malformed URL, docs. */
async function everyKind(rig: TestRig): Promise<Record<string, LightMyRequestResponse>> {
  const get = (url: string) => rig.app.inject({ method: 'GET', url });
  return {
    discovery: await get('/cds-services'),
    unusable: await rig.post(TPI_SERVICE_PATH, { hook: 'patient-view' }),
    unauthenticated: await rig.post(TPI_SERVICE_PATH, {}, { token: null }),
    notFound: await get('/no/such/route'),
    tooLarge: await rig.post(`${TPI_SERVICE_PATH}/feedback`, { feedback: 'x'.repeat(2048) }),
    mediaType: await rig.post(`${TPI_SERVICE_PATH}/feedback`, 'x', { headers: { 'content-type': 'text/csv' } }),
    badUrl: await get('/%zz'),
    docs: await get('/api/docs'),
    openapi: await get('/api/openapi.json'),
  };
}

const directives = (header: unknown): Map<string, string> =>
  new Map(
    String(header)
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d !== '')
      .map((d) => [d.split(/\s+/)[0] ?? '', d.split(/\s+/).slice(1).join(' ')]),
  );

describe('security headers', () => {
  it('are on every response, errors included', async () => {
    const responses = await everyKind(await buildTestApp({ bodyLimit: 1024 }));
    expect(Object.fromEntries(Object.entries(responses).map(([k, r]) => [k, r.statusCode]))).toEqual({
      discovery: 200,
      unusable: 400,
      unauthenticated: 401,
      notFound: 404,
      tooLarge: 413,
      mediaType: 415,
      badUrl: 400,
      docs: 200,
      openapi: 200,
    });
    for (const [kind, response] of Object.entries(responses)) {
      const csp = directives(response.headers['content-security-policy']);
      expect(csp.get('frame-ancestors'), kind).toBe("'none'");
      expect(["'self'", "'none'"], kind).toContain(csp.get('default-src'));
      expect(csp.get('script-src') ?? csp.get('default-src'), kind).not.toMatch(/unsafe|data:|\*/);
      expect(response.headers['x-content-type-options'], kind).toBe('nosniff');
      expect(response.headers['x-frame-options'], kind).toBe('DENY');
      expect(response.headers['referrer-policy'], kind).toBe('no-referrer');
      expect(response.headers['cache-control'], kind).toBe('no-store');
    }
  });

  it('are strict for the API and relax only images for the docs page', async () => {
    const { discovery, docs } = (await everyKind(await buildTestApp())) as Record<
      'discovery' | 'docs',
      LightMyRequestResponse
    >;
    const api = directives(discovery.headers['content-security-policy']);
    expect(api.get('default-src')).toBe("'self'");
    expect(api.get('script-src')).toBe("'self'");
    expect(api.get('style-src')).toBe("'self'");
    expect(api.get('object-src')).toBe("'none'");
    expect(api.get('img-src')).toBe("'self'");
    const ui = directives(docs.headers['content-security-policy']);
    expect(ui.get('img-src')).toBe("'self' data:");
    expect(new Map([...ui].filter(([k]) => k !== 'img-src'))).toEqual(
      new Map([...api].filter(([k]) => k !== 'img-src')),
    );
  });

  it('ask for TLS only when the server is public over https', async () => {
    const https = (await buildTestApp()).app.inject({ method: 'GET', url: '/cds-services' });
    const http = (await buildTestApp({ publicBaseUrl: 'http://localhost:8080' })).app.inject({
      method: 'GET',
      url: '/cds-services',
    });
    const [secure, plain] = await Promise.all([https, http]);
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(directives(secure.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(directives(plain.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(false);
  });
});

describe('Knotwork-As-Of', () => {
  it('is on every response when the clock is fixed, and the start log says so', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const rig = await buildTestApp({
      clock: fixedClock(Date.parse('2026-11-27T10:00:00Z')),
      logger: { level: 'info', stream },
    });
    await rig.app.ready();
    expect(lines.some((l) => l.includes('clock fixed at 2026-11-27T10:00:00.000Z'))).toBe(true);
    for (const [kind, response] of Object.entries(await everyKind(rig))) {
      expect(response.headers['knotwork-as-of'], kind).toBe('2026-11-27T10:00:00.000Z');
    }
  });

  it('is absent on the system clock', async () => {
    for (const [kind, response] of Object.entries(await everyKind(await buildTestApp()))) {
      expect(response.headers['knotwork-as-of'], kind).toBeUndefined();
    }
  });
});
