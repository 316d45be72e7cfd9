// Every route of the app against every kind of caller (issue 3, item 4: "a test walks the whole
// route x role matrix"): anonymous, a clinician, a nurse, a clinic admin, a CDS client with a
// valid JWT and a system client with an API token of every scope. A permitted caller gets the route's answer; anyone else gets exactly 401 (no
// credentials the route accepts) or 403 (signed in, without the role). The routes are enumerated as
// fastify registers them (onRoute), so a route missing from the matrix fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes, type DeclaredRoute } from '../build-app.js';
import { buildClinicApp, CALLERS, type Caller, type ClinicRig } from '../spec/clinic-app.js';
import { MATRIX, matrixIds, requestFor, rowOf, type MatrixIds, type Row } from '../spec/route-matrix.js';

let rig: ClinicRig;
let ids: MatrixIds;
let routes: readonly DeclaredRoute[];

beforeAll(async () => {
  rig = await buildClinicApp();
  await rig.app.ready();
  routes = declaredRoutes(rig.app);
  ids = await matrixIds(rig);
});

const key = (r: DeclaredRoute) => `${r.method} ${r.url}`;

function expected({ who, scopes }: Row, caller: Caller, ok: number | 'ok'): number | 'ok' {
  if (who === 'public') return ok;
  if (caller === 'api-token') return scopes ? ok : 401;
  if (who === 'cds') return caller === 'cds-client' ? ok : 401;
  if (caller === 'anonymous' || caller === 'cds-client') return 401;
  return who.includes(caller) ? ok : 403;
}

describe('the route x role matrix', () => {
  it('lists every registered route, and nothing that is not registered', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !rowOf(r.method, r.url)).map(key)).toEqual([]);
    const registered = new Set(routes.map(key));
    expect(Object.keys(MATRIX).filter((k) => !registered.has(k))).toEqual([]);
  });

  it('says what each route declares (auth and roles)', () => {
    for (const route of routes) {
      const row = rowOf(route.method, route.url);
      const who = row?.who;
      const people = Array.isArray(route.auth) ? route.auth.join().replace(/^api-token,/, '') : route.auth;
      const declared =
        route.auth === 'public'
          ? 'public'
          : people === 'cds-jwt'
            ? 'cds'
            : people === 'session'
              ? [...(route.roles ?? [])].sort()
              : route.auth;
      const wanted = typeof who === 'object' ? [...who].sort() : who;
      expect([key(route), declared, route.scopes]).toEqual([key(route), wanted, row?.scopes]);
    }
  });

  it('answers each caller of each route as declared', async () => {
    const observed: Record<string, Record<string, number | 'ok'>> = {};
    const wanted: Record<string, Record<string, number | 'ok'>> = {};
    for (const route of routes) {
      const row = rowOf(route.method, route.url);
      if (!row) continue;
      const ok = row.ok ?? 'ok';
      for (const caller of CALLERS) {
        const request = await requestFor(rig, ids, route.method, route.url);
        const response = await rig.call(caller, request.method, request.url, request.body, request.headers);
        const status = response.statusCode;
        if (route.method === 'DELETE' && route.url === '/api/session') rig.forget(caller);
        const refused = status === 401 || status === 403 || status >= 500;
        (observed[key(route)] ??= {})[caller] = refused || row.ok !== undefined ? status : 'ok';
        (wanted[key(route)] ??= {})[caller] = expected(row, caller, ok);
      }
    }
    expect(observed).toEqual(wanted);
    // It calls every route as every kind of caller (some 500 requests): more than the default 30 s on a busy machine.
  }, 180_000);
});
