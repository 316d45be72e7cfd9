// CDS Hooks 2.0 client authentication: every way a token can be wrong is a 401 problem whose detail
// names the failed check; a good ES384 or RS384 token from a registered, active client is served.
import { readFileSync } from 'node:fs';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import { TPI_SERVICE_PATH } from '../cds/discovery.js';
import {
  BASE,
  buildTestApp,
  clientKey,
  CLINIC,
  ISSUER,
  newKeyPair,
  problemOf,
  SERVICE_URL,
  signToken,
  type TestRig,
} from '../spec/test-app.js';
import { memoryReplayCache } from './replay-cache.js';

const request = JSON.parse(
  readFileSync(new URL('../../../../core/contract-examples/clean-neck.json', import.meta.url), 'utf8'),
) as unknown;

async function refused(rig: TestRig, token: string | null, detail: RegExp, headers: Record<string, string> = {}) {
  const response = await rig.post(TPI_SERVICE_PATH, request, { token, headers });
  expect(response.statusCode, response.body).toBe(401);
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
  const problem = problemOf(response);
  expect(problem.code).toBe('unauthenticated');
  expect(problem.detail).toMatch(detail);
  expect(response.body).not.toMatch(/\n\s+at /);
  expect(rig.audit.events).toEqual([]);
  expect(rig.store.screens).toEqual([]);
}

describe('CDS client JWTs refused', () => {
  it('without an Authorization header', async () => {
    await refused(await buildTestApp(), null, /Bearer <JWT> signed by a registered CDS client/);
  });
  it('with another scheme', async () => {
    await refused(await buildTestApp(), null, /must be "Bearer <JWT>"/, { authorization: 'Basic dXNlcjpwYXNz' });
  });
  it('when the token is not a JWT', async () => {
    const rig = await buildTestApp();
    await refused(rig, 'not-a-token', /malformed JWT/);
    await refused(rig, 'aaaa.bbbb.cccc', /malformed JWT/);
  });
  it('from an unknown issuer', async () => {
    await refused(await buildTestApp(), await signToken({ claims: { iss: 'https://evil.test' } }), /not a registered/);
  });
  it('from a deactivated client', async () => {
    const key = await clientKey();
    const rig = await buildTestApp({
      clients: [{ issuer: ISSUER, clinicId: CLINIC, jwks: { keys: [key.publicJwk] }, active: false }],
    });
    await refused(rig, await signToken(), /deactivated/);
  });
  it('for another audience', async () => {
    const rig = await buildTestApp();
    await refused(rig, await signToken({ claims: { aud: `${BASE}/cds-services/other` } }), /aud must be https:\/\/tpi/);
    await refused(rig, await signToken({ omit: ['aud'] }), /no "aud" claim/);
  });
  it('when expired', async () => {
    const now = Date.now() - 10 * 60_000;
    await refused(await buildTestApp(), await signToken({ now }), /expired at/);
  });
  it('when it lives longer than 5 minutes, or says it was issued in the future', async () => {
    const rig = await buildTestApp();
    await refused(rig, await signToken({ lifetimeSeconds: 600 }), /lives 600 s/);
    await refused(rig, await signToken({ now: Date.now() + 120_000 }), /iat is in the future/);
    await refused(
      rig,
      await signToken({ now: Date.now() - 400_000, lifetimeSeconds: 460 }),
      /issued \(iat\) too long ago/,
    );
  });
  it('without exp, iat or jti', async () => {
    const rig = await buildTestApp();
    for (const claim of ['exp', 'iat', 'jti']) {
      await refused(rig, await signToken({ omit: [claim] }), new RegExp(`no "${claim}" claim`));
    }
  });
  it('when its jti was already used', async () => {
    const rig = await buildTestApp();
    const token = await signToken();
    expect((await rig.post(TPI_SERVICE_PATH, request, { token })).statusCode).toBe(200);
    rig.audit.events.length = 0;
    rig.store.screens.length = 0;
    await refused(rig, token, /already used/);
  });
  it('when signed with a key the client did not register', async () => {
    const rig = await buildTestApp();
    const registered = await clientKey();
    const sameKid = await newKeyPair('ES384', registered.publicJwk.kid ?? 'k');
    await refused(rig, await signToken({ key: sameKid }), /signature does not verify/);
    await refused(rig, await signToken({ key: await newKeyPair('ES384') }), /no key registered/);
  });
  it('with alg none or HS256', async () => {
    const rig = await buildTestApp();
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: ISSUER, aud: SERVICE_URL, iat: now, exp: now + 60, jti: 'j1' };
    await refused(rig, new UnsecuredJWT(claims).encode(), /alg "none" is not accepted/);
    const secret = new TextEncoder().encode('a shared secret of thirty-two bytes!');
    const hs = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    await refused(rig, hs, /alg "HS256" is not accepted/);
  });
  it('by real time, not by a clinical clock fixed in the past', async () => {
    const rig = await buildTestApp({
      clock: fixedClock(Date.parse('2026-01-01T00:00:00Z')),
      wallClock: () => Date.now() + 600_000,
    });
    await refused(rig, await signToken(), /expired at/);
  });
});

describe('CDS client JWTs accepted', () => {
  it('an ES384 token from the registered client', async () => {
    const rig = await buildTestApp();
    const response = await rig.post(TPI_SERVICE_PATH, request);
    expect(response.statusCode, response.body).toBe(200);
    expect(rig.store.events[0]).toMatchObject({ actor: ISSUER, actorKind: 'cds-client', clinicId: CLINIC });
  });
  it('an RS384 token, and a client with several keys', async () => {
    const rsa = await newKeyPair('RS384');
    const es = await clientKey();
    const rig = await buildTestApp({
      clients: [{ issuer: ISSUER, clinicId: CLINIC, jwks: { keys: [es.publicJwk, rsa.publicJwk] }, active: true }],
    });
    const response = await rig.post(TPI_SERVICE_PATH, request, { token: await signToken({ key: rsa }) });
    expect(response.statusCode, response.body).toBe(200);
  });
  it('even when the clinical clock is fixed', async () => {
    const rig = await buildTestApp({ clock: fixedClock(Date.parse('2026-11-27T10:00:00Z')) });
    expect((await rig.post(TPI_SERVICE_PATH, request)).statusCode).toBe(200);
  });
});

describe('the replay cache', () => {
  it('sheds load with 429 when full of unexpired tokens, rather than forgetting one', async () => {
    const rig = await buildTestApp({ replayCache: memoryReplayCache({ maxEntries: 1 }) });
    expect((await rig.post(TPI_SERVICE_PATH, request)).statusCode).toBe(200);
    const response = await rig.post(TPI_SERVICE_PATH, request);
    expect(response.statusCode).toBe(429);
    expect(problemOf(response).code).toBe('rate-limited');
    expect(response.headers['retry-after']).toBe('5');
  });
});
