// The api-token authenticator and the scope check on a bare app: a bearer `kwt_` token is found by
// its hash; a write with it needs no CSRF header (bearer credentials are never sent by a browser on
// its own); a token without the route's scope is 403; a JWT-shaped bearer is not claimed; and a
// route that takes tokens must name its scopes (startup refusal).
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { memoryApiTokenLookup, type AdminState } from '../../app/admin/memory-admin-stores.js';
import type { ApiTokenRecord } from '../../app/admin/admin-ports.js';
import { tokenHash } from '../../app/auth/session-token.js';
import { registerProblemHandlers } from '../error-handler.js';
import { apiTokenAuthenticator } from './api-token.js';
import { registerAuthentication } from './authenticate.js';
import { registerCsrfCheck } from './csrf.js';
import { registerRoleCheck, requireRolesDeclared } from './roles.js';

const TOKEN = 'kwt_bare-app-token';
const record: ApiTokenRecord = {
  id: 't1',
  clinicId: 'c1',
  name: 'bare',
  tokenHash: tokenHash(TOKEN),
  scopes: ['patients:read'],
  createdBy: null,
  createdAt: 0,
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
  revokedBy: null,
};

async function bareApp() {
  const state = { apiTokens: new Map([[record.id, record]]) } as unknown as AdminState;
  const app = Fastify();
  registerProblemHandlers(app);
  app.addHook('onRoute', requireRolesDeclared);
  registerAuthentication(app, [apiTokenAuthenticator({ tokens: memoryApiTokenLookup(state), now: () => 1000 })]);
  registerCsrfCheck(app);
  registerRoleCheck(app);
  app.post('/write', { config: { auth: ['api-token'], scopes: ['patients:read'] } }, () => ({ ok: true }));
  app.post('/charts', { config: { auth: ['api-token'], scopes: ['charts:read'] } }, () => ({ ok: true }));
  await app.ready();
  return { app, state };
}

describe('the api-token authenticator', () => {
  it('accepts a bearer token on a write without any CSRF header, and records its use', async () => {
    const { app, state } = await bareApp();
    const r = await app.inject({ method: 'POST', url: '/write', headers: { authorization: `Bearer ${TOKEN}` } });
    expect([r.statusCode, r.json()]).toEqual([200, { ok: true }]);
    expect(state.apiTokens.get('t1')?.lastUsedAt).toBe(1000);
  });

  it('refuses a token without the route’s scope (403) and does not claim JWT-shaped bearers', async () => {
    const { app } = await bareApp();
    const scoped = await app.inject({ method: 'POST', url: '/charts', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scoped.statusCode).toBe(403);
    const jwt = await app.inject({ method: 'POST', url: '/write', headers: { authorization: 'Bearer a.b.c' } });
    expect([jwt.statusCode, jwt.json<{ detail: string }>().detail]).toEqual([
      401,
      'no credentials this route accepts: Authorization: Bearer kwt_... (an API token)',
    ]);
  });

  it('stops the server at startup for a token route without scopes', () => {
    const app = Fastify();
    app.addHook('onRoute', requireRolesDeclared);
    expect(() => app.get('/x', { config: { auth: ['api-token'] } }, () => 'x')).toThrow(/config.scopes/);
  });
});
