// Every route says who may call it, or the app does not start.
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../spec/test-app.js';

describe('route auth declarations', () => {
  it('refuses a route that does not declare config.auth', async () => {
    const { app } = await buildTestApp();
    expect(() => app.get('/test/undeclared', () => 'x')).toThrow(/declare config\.auth/);
    expect(() => app.get('/test/empty', { config: { auth: [] } }, () => 'x')).toThrow(/declare config\.auth/);
  });

  it('refuses a method no authenticator provides', async () => {
    const { app } = await buildTestApp();
    // A method name from the future, as a route might write it before its authenticator exists.
    const auth = ['api-token'] as unknown as ['cds-jwt'];
    expect(() => app.get('/test/token', { config: { auth } }, () => 'x')).toThrow(/no authenticator for "api-token"/);
  });

  it('serves a public route without credentials', async () => {
    const { app } = await buildTestApp();
    app.get('/test/open', { config: { auth: 'public' } }, () => ({ ok: true }));
    const response = await app.inject({ method: 'GET', url: '/test/open' });
    expect(response.json()).toEqual({ ok: true });
  });
});
