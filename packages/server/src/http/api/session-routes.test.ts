// Sessions over HTTP: sign-in sets a strict session cookie and answers the CSRF token; failures are
// 401/423 problems with the use case's code; the login route is rate-limited per address; a
// session that expires mid-use answers 401 session-expired and clears the cookie; sign-out ends it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_POLICY } from '../../app/auth/auth-ports.js';
import { buildClinicApp, ROLE_EMAIL } from '../spec/clinic-app.js';
import { CLINIC, problemOf } from '../spec/test-app.js';

const signInBody = (password: string) => ({ email: ROLE_EMAIL.nurse, password });

describe('POST /api/session', () => {
  it('sets an httpOnly, SameSite=Strict, Secure cookie on / and answers the user and CSRF token', async () => {
    const rig = await buildClinicApp();
    const { response, cookie, csrfToken } = await rig.signIn('clinician');
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^knotwork_session=kws_[\w-]{43};/);
    expect(setCookie.split('; ').slice(1).sort()).toEqual(
      expect.arrayContaining(['HttpOnly', 'Path=/', 'SameSite=Strict', 'Secure']),
    );
    expect(setCookie).toMatch(/Expires=/);
    expect(response.json()).toEqual({
      user: {
        id: 'u-clinician',
        displayName: 'dr.lee',
        role: 'clinician',
        clinicId: CLINIC,
        mustChangePassword: false,
      },
      csrfToken,
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      idleTimeoutSeconds: DEFAULT_SESSION_POLICY.idleMs / 1000,
    });
    expect(csrfToken).toHaveLength(43);
    expect(cookie).not.toContain(csrfToken);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'auth.sign-in', outcome: 'success', from: '127.0.0.1' });
  });

  it('leaves Secure off when the server is reached over plain http (a LAN install)', async () => {
    const rig = await buildClinicApp({ publicBaseUrl: 'http://knotwork.local:8080' });
    const { response } = await rig.signIn('nurse');
    expect(String(response.headers['set-cookie'])).not.toMatch(/Secure/);
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict$/);
  });

  it('answers a wrong password and an unknown email alike: 401 invalid-credentials, no cookie', async () => {
    const rig = await buildClinicApp();
    for (const email of [ROLE_EMAIL.nurse, 'nobody@clinic-a.example']) {
      const r = await rig.app.inject({ method: 'POST', url: '/api/session', payload: { email, password: 'wrong!' } });
      expect([r.statusCode, problemOf(r).code, r.headers['set-cookie']]).toEqual([
        401,
        'invalid-credentials',
        undefined,
      ]);
      expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    }
  });

  it('locks the account after 5 failures with 423 account-locked, even for the right password', async () => {
    const rig = await buildClinicApp();
    const codes: string[] = [];
    for (let i = 0; i < DEFAULT_SESSION_POLICY.maxFailedLogins; i++) {
      const r = await rig.app.inject({ method: 'POST', url: '/api/session', payload: signInBody(`wrong ${i}`) });
      codes.push(`${r.statusCode} ${problemOf(r).code}`);
    }
    expect(codes).toEqual([...Array<string>(4).fill('401 invalid-credentials'), '423 account-locked']);
    const right = await rig.signIn('nurse');
    expect(right.response.statusCode).toBe(423);
    expect(problemOf(right.response)).toMatchObject({
      code: 'account-locked',
      title: 'The account is locked',
      detail: expect.stringMatching(/locked for a while; try later or ask a clinic admin/) as unknown,
    });
    rig.advance(DEFAULT_SESSION_POLICY.lockoutMs);
    expect((await rig.signIn('nurse')).response.statusCode).toBe(200);
  });

  it('asks for the TOTP code when the account has the second factor on', async () => {
    const rig = await buildClinicApp();
    const nurse = rig.repos.users.get('u-nurse');
    if (nurse) rig.repos.users.set('u-nurse', { ...nurse, totpSecret: 'JBSWY3DPEHPK3PXP' });
    const r = await rig.signIn('nurse');
    expect([r.response.statusCode, problemOf(r.response).code]).toEqual([401, 'totp-required']);
    const wrong = await rig.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { ...signInBody('quiet trapezius morning'), totp: '000000' },
    });
    expect(problemOf(wrong).code).toMatch(/^totp-invalid$/);
  });

  it('refuses a malformed sign-in naming the field', async () => {
    const rig = await buildClinicApp();
    const r = await rig.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'a@b.c', totp: '12' } });
    expect(r.statusCode).toBe(400);
    expect(
      problemOf(r)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['$.password', '$.totp']);
  });

  it('limits sign-in attempts per address: the 11th in a minute is 429 rate-limited', async () => {
    const rig = await buildClinicApp({ loginRateLimit: undefined });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await rig.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: `x${i}@y.z`, password: 'p' },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    const last = await rig.app.inject({ method: 'POST', url: '/api/session', payload: signInBody('x') });
    expect([last.statusCode, problemOf(last).code]).toEqual([429, 'rate-limited']);
    expect(last.headers['retry-after']).toBeDefined();
    // Another address is not throttled by this one's attempts.
    const other = await rig.app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: '10.0.0.9',
      payload: signInBody('quiet trapezius morning'),
    });
    expect(other.statusCode).toBe(200);
  });
});

describe('GET /api/session', () => {
  it('says who is signed in and repeats the CSRF token', async () => {
    const rig = await buildClinicApp();
    const session = await rig.signIn('clinic-admin');
    const r = await rig.as(session, 'GET', '/api/session', undefined, { csrf: null });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ user: { role: 'clinic-admin', clinicId: CLINIC }, csrfToken: session.csrfToken });
  });

  it('is 401 unauthenticated without the cookie', async () => {
    const rig = await buildClinicApp();
    const r = await rig.app.inject({ method: 'GET', url: '/api/session' });
    expect([r.statusCode, problemOf(r).code]).toEqual([401, 'unauthenticated']);
  });

  it('answers 401 session-expired once the session idles out mid-use, and clears the cookie', async () => {
    const rig = await buildClinicApp();
    const session = await rig.signIn('nurse');
    rig.advance(DEFAULT_SESSION_POLICY.idleMs - 1000);
    expect((await rig.as(session, 'GET', '/api/patients')).statusCode).toBe(200);
    rig.advance(DEFAULT_SESSION_POLICY.idleMs - 1000);
    expect((await rig.as(session, 'GET', '/api/patients')).statusCode).toBe(200);
    rig.advance(DEFAULT_SESSION_POLICY.idleMs);
    const expired = await rig.as(session, 'POST', '/api/patients', { family: 'Typed', given: ['Half'] });
    expect([expired.statusCode, problemOf(expired).code]).toEqual([401, 'session-expired']);
    expect(String(expired.headers['set-cookie'])).toMatch(/^knotwork_session=; Max-Age=0;/);
    const again = await rig.as(session, 'GET', '/api/session');
    expect([again.statusCode, problemOf(again).code]).toEqual([401, 'session-expired']);
    expect(rig.repos.sessions.size).toBe(0);
  });

  it('ends at the absolute expiry however busy the session is', async () => {
    const rig = await buildClinicApp();
    const session = await rig.signIn('clinician');
    const step = DEFAULT_SESSION_POLICY.idleMs / 2;
    for (let t = step; t < DEFAULT_SESSION_POLICY.absoluteMs; t += step) {
      rig.advance(step);
      expect((await rig.as(session, 'GET', '/api/session')).statusCode).toBe(200);
    }
    rig.advance(step);
    expect(problemOf(await rig.as(session, 'GET', '/api/session')).code).toBe('session-expired');
  });

  it('ends the session of a deactivated account: 401 unauthenticated', async () => {
    const rig = await buildClinicApp();
    const session = await rig.signIn('nurse');
    const nurse = rig.repos.users.get('u-nurse');
    if (nurse) rig.repos.users.set('u-nurse', { ...nurse, active: false });
    const r = await rig.as(session, 'GET', '/api/session');
    expect([r.statusCode, problemOf(r).code, problemOf(r).detail]).toEqual([
      401,
      'unauthenticated',
      'the account is deactivated: ask a clinic admin',
    ]);
  });
});

describe('DELETE /api/session', () => {
  it('signs out: 204, the cookie cleared, the session gone, audited', async () => {
    const rig = await buildClinicApp();
    const session = await rig.signIn('nurse');
    const r = await rig.as(session, 'DELETE', '/api/session');
    expect(r.statusCode).toBe(204);
    expect(String(r.headers['set-cookie'])).toMatch(/^knotwork_session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect(rig.repos.sessions.size).toBe(0);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'auth.sign-out', actor: 'u-nurse', outcome: 'success' });
    expect(problemOf(await rig.as(session, 'GET', '/api/session')).code).toBe('session-expired');
  });

  it('needs the CSRF token like any other write: a forged sign-out changes nothing', async () => {
    const rig = await buildClinicApp();
    const session = await rig.signIn('nurse');
    const r = await rig.as(session, 'DELETE', '/api/session', undefined, { csrf: null });
    expect([r.statusCode, problemOf(r).code]).toEqual([403, 'csrf-failed']);
    expect(rig.repos.sessions.size).toBe(1);
  });
});
