// Every route a person can call says which roles may call it, or the app does not start.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../app/auth/auth-ports.js';
import { buildClinicApp } from '../spec/clinic-app.js';

describe('route role declarations', () => {
  it('refuses a session route without roles, with none, or with a role that does not exist', async () => {
    const { app } = await buildClinicApp();
    expect(() => app.get('/api/test/a', { config: { auth: ['session'] } }, () => 'x')).toThrow(
      /GET \/api\/test\/a: declare config\.roles/,
    );
    expect(() => app.get('/api/test/b', { config: { auth: ['session'], roles: [] } }, () => 'x')).toThrow(
      /declare config\.roles/,
    );
    const roles = ['surgeon'] as unknown as Role[];
    expect(() => app.get('/api/test/c', { config: { auth: ['session'], roles } }, () => 'x')).toThrow(
      /unknown role "surgeon"/,
    );
  });

  it('refuses roles on a route no signed-in user can call', async () => {
    const { app } = await buildClinicApp();
    expect(() => app.get('/api/test/d', { config: { auth: ['cds-jwt'], roles: ['nurse'] } }, () => 'x')).toThrow(
      /config\.roles on a route no signed-in user can call/,
    );
    expect(() => app.get('/api/test/e', { config: { auth: 'public', roles: ['nurse'] } }, () => 'x')).toThrow();
  });

  it('lets a declared route through to the roles it names only', async () => {
    const rig = await buildClinicApp();
    rig.app.get('/api/test/f', { config: { auth: ['session'], roles: ['nurse'] } }, () => ({ ok: true }));
    expect((await rig.call('nurse', 'GET', '/api/test/f')).statusCode).toBe(200);
    const clinician = await rig.call('clinician', 'GET', '/api/test/f');
    expect([clinician.statusCode, clinician.json<{ detail: string }>().detail]).toEqual([
      403,
      'a clinician may not GET /api/test/f',
    ]);
  });
});
