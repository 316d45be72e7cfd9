// Oversized, malformed and mistyped bodies on every route that takes one (issue 3, item 6): each is
// a 4xx problem+json, and nothing is written (records, sessions, accounts, tokens, screens). The routes are
// walked as the app registers them, each called by a caller the matrix permits.
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes } from '../build-app.js';
import { PROBLEM_JSON } from '../error-handler.js';
import { FHIR_JSON } from '../fhir/fhir-outcome.js';
import { buildClinicApp, type Caller, type ClinicRig } from '../spec/clinic-app.js';
import { matrixIds, requestFor, rowOf, type MatrixIds } from '../spec/route-matrix.js';

const LIMIT = 4096;
let rig: ClinicRig;
let ids: MatrixIds;

beforeAll(async () => {
  rig = await buildClinicApp({ bodyLimit: LIMIT, cdsBodyLimit: LIMIT });
  await rig.app.ready();
  ids = await matrixIds(rig);
});

const state = () =>
  JSON.stringify([
    rig.repos.snapshot(),
    [...rig.repos.sessions.keys()],
    [...rig.repos.users.values()],
    [...rig.repos.apiTokens.values()],
    rig.store.screens,
  ]);

const BAD_BODIES: readonly [string, string, string][] = [
  ['malformed JSON', 'application/json', '{"family": "Ok'],
  ['an empty JSON body', 'application/json', ''],
  ['an array', 'application/json', '[1, 2]'],
  ['a string', 'application/json', '"text"'],
  ['a number', 'application/json', '42'],
  ['an empty object', 'application/json', '{}'],
  [
    'mistyped fields',
    'application/json',
    '{"family": {"$gt": ""}, "email": 1, "values": "x", "sites": "x", "feedback": 1}',
  ],
  ['a prototype-poisoning key', 'application/json', '{"__proto__": {"role": "clinic-admin"}}'],
  ['an oversized body', 'application/json', JSON.stringify({ family: 'x'.repeat(LIMIT) })],
  ['a form post', 'application/x-www-form-urlencoded', 'family=Mallory'],
  ['plain text', 'text/plain', 'family'],
];

describe('bad bodies on every route that takes one', () => {
  it('are 4xx problems that write nothing', async () => {
    const writes = declaredRoutes(rig.app).filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    expect(writes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'DELETE /api/account/totp',
      'DELETE /api/patients/:id/allergies/:entryId',
      'DELETE /api/patients/:id/conditions/:entryId',
      'DELETE /api/patients/:id/earlier-administrations/:entryId',
      'DELETE /api/patients/:id/medicines/:entryId',
      'DELETE /api/patients/:id/observations/:entryId',
      'DELETE /api/session',
      'DELETE /api/tokens/:id',
      'DELETE /fhir/R4/$export-status/:jobId',
      'POST /api/account/password',
      'POST /api/account/totp',
      'POST /api/account/totp/confirm',
      'POST /api/complications/:id/entered-in-error',
      'POST /api/consent-forms',
      'POST /api/follow-up/:token/answers',
      'POST /api/notes/:id/amendments',
      'POST /api/notes/:id/sign',
      'POST /api/patients',
      'POST /api/patients/:id/allergies',
      'POST /api/patients/:id/allergies/reviewed',
      'POST /api/patients/:id/conditions',
      'POST /api/patients/:id/documented-visits',
      'POST /api/patients/:id/earlier-administrations',
      'POST /api/patients/:id/medicines',
      'POST /api/patients/:id/medicines/reconciled',
      'POST /api/patients/:id/observations',
      'POST /api/patients/:id/visits',
      'POST /api/screens/:id/overrides',
      'POST /api/session',
      'POST /api/tasks/:id/acknowledge',
      'POST /api/tasks/:id/resolve',
      'POST /api/tokens',
      'POST /api/users',
      'POST /api/users/:id/deactivate',
      'POST /api/users/:id/reactivate',
      'POST /api/users/:id/reset-password',
      'POST /api/visits/:id/complications',
      'POST /api/visits/:id/consents',
      'POST /api/visits/:id/dose',
      'POST /api/visits/:id/end',
      'POST /api/visits/:id/note',
      'POST /api/visits/:id/plan/screen',
      'POST /api/visits/:id/screens',
      'POST /cds-services/tpi-screening',
      'POST /cds-services/tpi-screening/feedback',
      'POST /fhir/R4',
      'PUT /api/notes/:id',
      'PUT /api/patients/:id',
      'PUT /api/patients/:id/allergies/:entryId',
      'PUT /api/patients/:id/conditions/:entryId',
      'PUT /api/patients/:id/medicines/:entryId',
      'PUT /api/settings/eligibility-pack',
      'PUT /api/settings/follow-up-schedule',
      'PUT /api/settings/observation-time',
      'PUT /api/settings/screening-policy',
      'PUT /api/visits/:id/baseline',
      'PUT /api/visits/:id/plan',
      'PUT /api/visits/:id/plan/screened',
    ]);
    const failures: string[] = [];
    for (const route of writes) {
      const who = rowOf(route.method, route.url)?.who;
      const caller: Caller = who === 'public' ? 'anonymous' : who === 'cds' ? 'cds-client' : (who?.[0] ?? 'anonymous');
      for (const [name, type, payload] of BAD_BODIES) {
        const request = await requestFor(rig, ids, route.method, route.url);
        const before = state();
        const headers = { ...request.headers, 'content-type': type };
        const response = await rig.call(caller, request.method, request.url, payload, headers);
        const status = response.statusCode;
        // The FHIR routes answer their refusals as OperationOutcomes.
        const fhir = route.url.startsWith('/fhir/') && response.headers['content-type'] === FHIR_JSON;
        const problem = response.headers['content-type'] === PROBLEM_JSON || fhir;
        if (status < 400 || status >= 500 || !problem || state() !== before) {
          failures.push(`${route.method} ${route.url} with ${name}: ${status} ${response.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // It walks every write route with every bad body (some 500 requests): more than the default 30 s on a busy machine.
  }, 180_000);
});
