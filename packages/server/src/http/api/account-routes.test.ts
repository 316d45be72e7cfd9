// One's own account over HTTP: changing the password (current one required, rules applied, other
// sessions end), and the TOTP second factor: enrol (pending), confirm with a code, sign in with a
// code, turn off with the password.
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../app/auth/totp.js';
import { buildClinicApp, PASSWORD, ROLE_EMAIL } from '../spec/clinic-app.js';
import { problemOf } from '../spec/test-app.js';

describe('POST /api/account/password', () => {
  it('needs the current password and a good new one; other sessions end, this one stays', async () => {
    const rig = await buildClinicApp();
    const [here, elsewhere] = [await rig.signIn('nurse'), await rig.signIn('nurse')];
    const wrong = await rig.as(here, 'POST', '/api/account/password', {
      currentPassword: 'nope',
      newPassword: 'a fine new passphrase',
    });
    expect([wrong.statusCode, problemOf(wrong).errors?.[0]?.path]).toEqual([400, '$.currentPassword']);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'account.password.change', outcome: 'failed' });
    const weak = await rig.as(here, 'POST', '/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect([weak.statusCode, problemOf(weak).errors?.[0]?.path]).toEqual([400, '$.newPassword']);
    const ok = await rig.as(here, 'POST', '/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'a fine new passphrase',
    });
    expect(ok.statusCode).toBe(200);
    expect((await rig.as(here, 'GET', '/api/session')).statusCode).toBe(200);
    expect((await rig.as(elsewhere, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await rig.signIn('nurse', 'a fine new passphrase')).response.statusCode).toBe(200);
  });
});

describe('TOTP', () => {
  it('enrols (pending), confirms with a code, then sign-in needs a code; the password turns it off', async () => {
    const rig = await buildClinicApp();
    const session = await rig.signIn('clinician');
    const enrol = await rig.as(session, 'POST', '/api/account/totp');
    expect(enrol.statusCode).toBe(200);
    const { secret, uri } = enrol.json<{ secret: string; uri: string }>();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Knotwork:dr\.lee%40clinic-a\.example\?/);
    expect(JSON.stringify(rig.repos.audit)).not.toContain(secret);
    // Pending: not a second factor yet.
    expect((await rig.signIn('clinician')).response.statusCode).toBe(200);
    const listed = await rig.as(await rig.signIn('clinic-admin'), 'GET', '/api/users');
    expect(
      listed.json<{ items: { email: string; totp: string }[] }>().items.find((u) => u.email === ROLE_EMAIL.clinician)
        ?.totp,
    ).toBe('pending');

    const bad = await rig.as(session, 'POST', '/api/account/totp/confirm', { code: '000000' });
    expect([bad.statusCode, problemOf(bad).errors?.[0]?.path]).toEqual([400, '$.code']);
    const good = await rig.as(session, 'POST', '/api/account/totp/confirm', { code: totpCode(secret, Date.now()) });
    expect(good.statusCode).toBe(200);
    const again = await rig.as(session, 'POST', '/api/account/totp');
    expect([again.statusCode, problemOf(again).code]).toEqual([409, 'conflict']);

    const noCode = await rig.signIn('clinician');
    expect(problemOf(noCode.response).code).toBe('totp-required');
    const withCode = await rig.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: ROLE_EMAIL.clinician, password: PASSWORD, totp: totpCode(secret, Date.now()) },
    });
    expect(withCode.statusCode).toBe(200);

    const wrongPassword = await rig.as(session, 'DELETE', '/api/account/totp', { password: 'not it' });
    expect(wrongPassword.statusCode).toBe(400);
    expect((await rig.as(session, 'DELETE', '/api/account/totp', { password: PASSWORD })).statusCode).toBe(200);
    expect((await rig.signIn('clinician')).response.statusCode).toBe(200);
  });

  it('refuses to confirm when nothing is pending', async () => {
    const rig = await buildClinicApp();
    const r = await rig.as(await rig.signIn('nurse'), 'POST', '/api/account/totp/confirm', { code: '123456' });
    expect([r.statusCode, problemOf(r).code]).toEqual([409, 'conflict']);
  });
});
