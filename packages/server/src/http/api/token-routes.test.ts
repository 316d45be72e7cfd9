// API tokens over HTTP: issued once by a clinic admin (only the hash kept, never listed), accepted
// as a bearer on the routes that name their scope (403 for a missing scope), exempt from CSRF,
// audited as the token, and 401 with the reason once revoked or expired; last use is recorded.
import { describe, expect, it } from 'vitest';
import { tokenHash } from '../../app/auth/session-token.js';
import { ALLERGIC_ID, buildClinicApp } from '../spec/clinic-app.js';
import { problemOf } from '../spec/test-app.js';

async function issue(scopes: string[], expiresAt?: string) {
  const rig = await buildClinicApp();
  const admin = await rig.signIn('clinic-admin');
  const r = await rig.as(admin, 'POST', '/api/tokens', {
    name: 'reporting',
    scopes,
    ...(expiresAt ? { expiresAt } : {}),
  });
  const created = r.json<{ id: string; token: string; status: string; scopes: string[] }>();
  const bearer = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    rig.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${created.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
  return { rig, admin, r, created, bearer };
}

describe('POST /api/tokens', () => {
  it('answers the token once (kwt_, no dots, 256 bits); the list never shows it', async () => {
    const { rig, admin, r, created } = await issue(['patients:read']);
    expect(r.statusCode).toBe(201);
    expect(created.token).toMatch(/^kwt_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ status: 'active', scopes: ['patients:read'] });
    const stored = rig.repos.apiTokens.get(created.id);
    expect(stored?.tokenHash).toBe(tokenHash(created.token));
    const list = await rig.as(admin, 'GET', '/api/tokens');
    expect(list.body).not.toContain(created.token);
    expect(list.body).not.toContain(tokenHash(created.token));
    expect(JSON.stringify(rig.repos.audit)).not.toContain(created.token);
    expect(list.json<{ items: { id: string }[] }>().items.map((t) => t.id)).toContain(created.id);
  });

  it('refuses unknown scopes, an expiry in the past, and other roles', async () => {
    const rig = await buildClinicApp();
    const admin = await rig.signIn('clinic-admin');
    const bad = await rig.as(admin, 'POST', '/api/tokens', { name: 'x', scopes: ['everything'] });
    expect(bad.statusCode).toBe(400);
    const past = await rig.as(admin, 'POST', '/api/tokens', {
      name: 'x',
      scopes: ['charts:read'],
      expiresAt: '2000-01-01T00:00:00Z',
    });
    expect([past.statusCode, problemOf(past).errors?.[0]?.path]).toEqual([400, '$.expiresAt']);
    const nurse = await rig.as(await rig.signIn('nurse'), 'POST', '/api/tokens', {
      name: 'x',
      scopes: ['charts:read'],
    });
    expect(nurse.statusCode).toBe(403);
  });
});

describe('a bearer API token', () => {
  it('reads patients with patients:read, audited as the token, and records its last use', async () => {
    const { rig, created, bearer } = await issue(['patients:read']);
    const r = await bearer('GET', '/api/patients?name=hart');
    expect([r.statusCode, r.json<{ items: unknown[] }>().items.length]).toEqual([200, 1]);
    expect((await bearer('GET', `/api/patients/${ALLERGIC_ID}`)).statusCode).toBe(200);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'patient.read', actor: created.id, actorKind: 'api-token' });
    expect(rig.repos.apiTokens.get(created.id)?.lastUsedAt).not.toBeNull();
  });

  it('is refused (403, audited as denied) where it lacks the scope, and 401 where tokens are not taken', async () => {
    const { rig, created, bearer } = await issue(['patients:read']);
    const chart = await bearer('GET', `/api/patients/${ALLERGIC_ID}/chart`);
    expect([chart.statusCode, problemOf(chart).code, problemOf(chart).detail]).toEqual([
      403,
      'forbidden',
      'the API token lacks the scope charts:read to GET /api/patients/:id/chart',
    ]);
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'patient.chart.read',
      actor: created.id,
      outcome: 'denied',
    });
    expect((await bearer('POST', '/api/patients', { family: 'Token' })).statusCode).toBe(401);
    expect((await bearer('GET', '/api/users')).statusCode).toBe(401);
  });

  it('reads charts with charts:read, without any CSRF header', async () => {
    const { bearer } = await issue(['charts:read']);
    const r = await bearer('GET', `/api/patients/${ALLERGIC_ID}/chart`);
    expect(r.statusCode).toBe(200);
  });

  it('gets 401 with the reason once revoked, expired or unknown', async () => {
    const { rig, admin, created, bearer } = await issue(
      ['patients:read'],
      new Date(Date.now() + 3_600_000).toISOString(),
    );
    expect((await bearer('GET', '/api/patients')).statusCode).toBe(200);
    rig.advance(2 * 3_600_000);
    const expired = await bearer('GET', '/api/patients');
    expect([expired.statusCode, problemOf(expired).detail]).toEqual([
      401,
      expect.stringMatching(/"reporting" expired at/),
    ]);
    const revoke = await rig.as(await rig.signIn('clinic-admin'), 'DELETE', `/api/tokens/${created.id}`);
    expect([revoke.statusCode, revoke.json<{ status: string }>().status]).toEqual([200, 'revoked']);
    const revoked = await bearer('GET', '/api/patients');
    expect([revoked.statusCode, problemOf(revoked).detail]).toEqual([
      401,
      expect.stringMatching(/"reporting" was revoked at/),
    ]);
    const unknown = await rig.app.inject({ url: '/api/patients', headers: { authorization: 'Bearer kwt_nope' } });
    expect([unknown.statusCode, problemOf(unknown).detail]).toEqual([
      401,
      'the API token is not one this server issued',
    ]);
    expect(admin.cookie).not.toBe('');
  });
});
