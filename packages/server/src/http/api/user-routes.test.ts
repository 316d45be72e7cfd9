// Accounts over HTTP (clinic admins): listing without secrets, creating with the password rules and
// a unique email, the demo domain refused outside a demo clinic, deactivation that ends sessions at
// once (never one's own), reactivation, and the password reset flow with must-change-password.
import { describe, expect, it } from 'vitest';
import { buildClinicApp, PASSWORD, ROLE_EMAIL } from '../spec/clinic-app.js';
import { CLINIC, problemOf } from '../spec/test-app.js';

const newNurse = (email = 'nurse.new@clinic-a.example') => ({
  email,
  displayName: 'New Nurse',
  role: 'nurse',
  password: 'a long enough password',
  mustChangePassword: false,
});

async function admin() {
  const rig = await buildClinicApp();
  return { rig, session: await rig.signIn('clinic-admin') };
}

describe('GET /api/users', () => {
  it("lists the clinic's accounts without hashes or secrets, audited", async () => {
    const { rig, session } = await admin();
    const r = await rig.as(session, 'GET', '/api/users');
    expect(r.statusCode).toBe(200);
    const items = r.json<{ items: { email: string; role: string }[] }>().items;
    expect(items.map((u) => u.email)).toEqual([ROLE_EMAIL['clinic-admin'], ROLE_EMAIL.clinician, ROLE_EMAIL.nurse]);
    expect(r.body).not.toMatch(/argon2|passwordHash|totpSecret|dr\.ross/);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'user.list', actor: 'u-admin', outcome: 'success' });
  });

  it('is refused to other roles (403) and audited as denied', async () => {
    const rig = await buildClinicApp();
    const r = await rig.as(await rig.signIn('nurse'), 'GET', '/api/users');
    expect([r.statusCode, problemOf(r).code]).toEqual([403, 'forbidden']);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'user.list', actor: 'u-nurse', outcome: 'denied' });
  });
});

describe('POST /api/users', () => {
  it('creates an account who can sign in; a duplicate email is 409, in any clinic', async () => {
    const { rig, session } = await admin();
    const r = await rig.as(session, 'POST', '/api/users', newNurse());
    expect([r.statusCode, r.json()]).toMatchObject([
      201,
      { email: 'nurse.new@clinic-a.example', role: 'nurse', active: true },
    ]);
    expect((await rig.signIn('nurse.new@clinic-a.example', 'a long enough password')).response.statusCode).toBe(200);
    const again = await rig.as(session, 'POST', '/api/users', newNurse('NURSE.NEW@clinic-a.example'));
    expect([again.statusCode, problemOf(again).code]).toEqual([409, 'conflict']);
    const other = await rig.as(session, 'POST', '/api/users', newNurse('dr.ross@clinic-b.example'));
    expect(other.statusCode).toBe(409);
  });

  it('applies the password rules and refuses the demo domain outside a demo clinic', async () => {
    const { rig, session } = await admin();
    const weak = await rig.as(session, 'POST', '/api/users', { ...newNurse(), password: 'short' });
    expect([weak.statusCode, problemOf(weak).errors?.[0]?.path]).toEqual([400, '$.password']);
    const demo = await rig.as(session, 'POST', '/api/users', newNurse('nurse@demo.knotwork.dev'));
    expect([demo.statusCode, problemOf(demo).errors?.[0]?.path]).toEqual([400, '$.email']);
    rig.repos.demoClinics.add(CLINIC);
    const inDemo = await rig.as(session, 'POST', '/api/users', newNurse('nurse@demo.knotwork.dev'));
    expect(inDemo.statusCode).toBe(201);
  });
});

describe('deactivating and reactivating', () => {
  it("ends the user's sessions at once; reactivated, they sign in again", async () => {
    const { rig, session } = await admin();
    const nurse = await rig.signIn('nurse');
    expect((await rig.as(nurse, 'GET', '/api/session')).statusCode).toBe(200);
    const off = await rig.as(session, 'POST', '/api/users/u-nurse/deactivate');
    expect([off.statusCode, off.json<{ active: boolean }>().active]).toEqual([200, false]);
    expect([...rig.repos.sessions.values()].filter((s) => s.userId === 'u-nurse')).toEqual([]);
    expect((await rig.as(nurse, 'GET', '/api/patients')).statusCode).toBe(401);
    expect((await rig.signIn('nurse')).response.statusCode).toBe(401);
    expect(rig.repos.audit.find((e) => e.action === 'user.deactivate')).toMatchObject({
      entity: 'User/u-nurse',
      detail: { sessionsEnded: 1 },
    });
    const on = await rig.as(session, 'POST', '/api/users/u-nurse/reactivate');
    expect([on.statusCode, on.json<{ active: boolean }>().active]).toEqual([200, true]);
    expect((await rig.signIn('nurse')).response.statusCode).toBe(200);
  });

  it("refuses an admin's own deactivation (409) and another clinic's user (404)", async () => {
    const { rig, session } = await admin();
    const self = await rig.as(session, 'POST', '/api/users/u-admin/deactivate');
    expect([self.statusCode, problemOf(self).code]).toEqual([409, 'conflict']);
    const other = await rig.as(session, 'POST', '/api/users/u-other/deactivate');
    expect(other.statusCode).toBe(404);
    expect(rig.repos.users.get('u-other')?.active).toBe(true);
  });
});

describe('POST /api/users/:id/reset-password', () => {
  it('answers a temporary password once; the user must change it before anything else', async () => {
    const { rig, session } = await admin();
    const old = await rig.signIn('clinician');
    const r = await rig.as(session, 'POST', '/api/users/u-clinician/reset-password');
    expect(r.statusCode).toBe(200);
    const { temporaryPassword, user } = r.json<{ temporaryPassword: string; user: { mustChangePassword: boolean } }>();
    expect([temporaryPassword.length >= 40, user.mustChangePassword]).toEqual([true, true]);
    expect(JSON.stringify(rig.repos.audit)).not.toContain(temporaryPassword);
    expect((await rig.as(old, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await rig.signIn('clinician')).response.statusCode).toBe(401);

    const temp = await rig.signIn('clinician', temporaryPassword);
    expect(temp.response.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
    const blocked = await rig.as(temp, 'GET', '/api/patients');
    expect([blocked.statusCode, problemOf(blocked).code]).toEqual([403, 'password-change-required']);
    expect((await rig.as(temp, 'GET', '/api/session')).statusCode).toBe(200);
    const change = { currentPassword: temporaryPassword, newPassword: 'my own new passphrase' };
    expect((await rig.as(temp, 'POST', '/api/account/password', change)).statusCode).toBe(200);
    expect((await rig.as(temp, 'GET', '/api/patients')).statusCode).toBe(200);
    expect((await rig.signIn('clinician', 'my own new passphrase')).response.statusCode).toBe(200);
    expect((await rig.signIn('clinician', PASSWORD)).response.statusCode).toBe(401);
  });
});
