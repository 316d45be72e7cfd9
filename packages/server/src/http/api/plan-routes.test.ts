// A visit's plan over HTTP: created with If-None-Match: *, read with its ETag, replaced with
// If-Match (428 without, 412 stale and nothing written), codes checked against the catalogue with
// their paths, audited as plan.save / plan.read, clinicians and nurses only.
import { describe, expect, it } from 'vitest';
import { ALLERGIC_ID, buildClinicApp, type ClinicRig } from '../spec/clinic-app.js';
import { PLAN_BODY } from '../spec/route-matrix.js';
import { problemOf } from '../spec/test-app.js';

async function visit(rig: ClinicRig): Promise<string> {
  const r = await rig.call('nurse', 'POST', `/api/patients/${ALLERGIC_ID}/visits`);
  expect(r.statusCode).toBe(201);
  return r.json<{ id: string }>().id;
}

const changed = {
  ...PLAN_BODY,
  products: [
    { injectate: 'lidocaine-1pct', volumeMl: 3 },
    { injectate: 'lidocaine-0.5pct', volumeMl: 1 },
  ],
};

describe('PUT and GET /api/visits/:id/plan', () => {
  it('creates the plan with If-None-Match: *, reads it with its ETag, replaces it with If-Match', async () => {
    const rig = await buildClinicApp();
    const visitId = await visit(rig);
    const url = `/api/visits/${visitId}/plan`;
    expect((await rig.call('nurse', 'GET', url)).statusCode).toBe(404);

    const created = await rig.call('nurse', 'PUT', url, PLAN_BODY, { 'if-none-match': '*' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toMatchObject({ visitId, patientId: ALLERGIC_ID, revision: 1, ...PLAN_BODY });

    const read = await rig.call('clinician', 'GET', url);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(created.json());
    expect((await rig.call('clinician', 'GET', url, undefined, { 'if-none-match': '"1"' })).statusCode).toBe(304);

    const replaced = await rig.call('clinician', 'PUT', url, changed, { 'if-match': '"1"' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.headers.etag).toBe('"2"');
    expect(replaced.json()).toMatchObject({ revision: 2, products: changed.products });

    expect(rig.repos.audit.filter((e) => e.action.startsWith('plan.')).map((e) => [e.action, e.outcome])).toEqual([
      ['plan.read', 'failed'],
      ['plan.save', 'success'],
      ['plan.read', 'success'],
      ['plan.read', 'success'],
      ['plan.save', 'success'],
    ]);
  });

  it('answers 428 without a condition, 412 for a stale or a second first save, and writes nothing', async () => {
    const rig = await buildClinicApp();
    const url = `/api/visits/${await visit(rig)}/plan`;
    const none = await rig.call('nurse', 'PUT', url, PLAN_BODY);
    expect(none.statusCode).toBe(428);
    expect(problemOf(none).code).toBe('precondition-required');
    expect((await rig.call('nurse', 'PUT', url, PLAN_BODY, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await rig.call('nurse', 'PUT', url, PLAN_BODY, { 'if-none-match': '*' })).statusCode).toBe(201);
    const before = rig.repos.snapshot();
    expect((await rig.call('nurse', 'PUT', url, changed, { 'if-none-match': '*' })).statusCode).toBe(412);
    expect((await rig.call('nurse', 'PUT', url, changed, { 'if-match': '"7"' })).statusCode).toBe(412);
    expect((await rig.call('nurse', 'PUT', url, changed, { 'if-match': '*' })).statusCode).toBe(428);
    expect(rig.repos.snapshot()).toBe(before);
  });

  it('names a code outside the catalogue by its JSON path', async () => {
    const rig = await buildClinicApp();
    const url = `/api/visits/${await visit(rig)}/plan`;
    const bad = {
      sites: [{ ...PLAN_BODY.sites[0], muscle: 'biceps-of-nowhere' }],
      products: [{ injectate: 'saline-of-nowhere', volumeMl: 2 }],
    };
    const r = await rig.call('nurse', 'PUT', url, bad, { 'if-none-match': '*' });
    expect(r.statusCode).toBe(400);
    expect(problemOf(r).errors?.map((e) => e.path)).toEqual(['$.sites[0].muscle', '$.products[0].injectate']);
    const noFindings = { ...PLAN_BODY, sites: [{ muscle: 'trapezius-upper', side: 'left' }] };
    const r2 = await rig.call('nurse', 'PUT', url, noFindings, { 'if-none-match': '*' });
    expect(problemOf(r2).errors?.map((e) => e.path)).toEqual(['$.sites[0].findings']);
  });

  it('refuses a clinic admin (403) and a visit of no plan or no such visit (404)', async () => {
    const rig = await buildClinicApp();
    const url = `/api/visits/${await visit(rig)}/plan`;
    expect((await rig.call('clinic-admin', 'PUT', url, PLAN_BODY, { 'if-none-match': '*' })).statusCode).toBe(403);
    expect((await rig.call('clinic-admin', 'GET', url)).statusCode).toBe(403);
    const missing = '/api/visits/00000000-0000-4000-8000-999999999999/plan';
    expect((await rig.call('nurse', 'PUT', missing, PLAN_BODY, { 'if-none-match': '*' })).statusCode).toBe(404);
  });
});

describe('PUT /api/visits/:id/plan/screened (save and screen in one request)', () => {
  interface Screened {
    plan: { revision: number; screenId: string | null };
    screen: { screenId: string; verdict: string; cards: { indicator: string }[] };
  }

  it('saves the plan and screens that revision, as PUT /plan then POST /plan/screen would', async () => {
    const rig = await buildClinicApp();
    const visitId = await visit(rig);
    const url = `/api/visits/${visitId}/plan/screened`;
    const first = await rig.call('clinician', 'PUT', url, PLAN_BODY, { 'if-none-match': '*' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers.etag).toBe('"1"');
    const body = first.json<Screened>();
    expect(body.plan.revision).toBe(1);
    // The allergic patient's lidocaine plan: the same critical verdict as the two-step route gives.
    const twoStep = await rig.call('clinician', 'POST', `/api/visits/${visitId}/plan/screen`);
    expect(twoStep.statusCode).toBe(201);
    const expected = twoStep.json<Screened['screen']>();
    expect(body.screen.verdict).toBe(expected.verdict);
    expect(body.screen.cards.map((c) => c.indicator)).toEqual(expected.cards.map((c) => c.indicator));
    // The stored plan names a screen of its revision (signing needs one).
    const plan = (await rig.call('clinician', 'GET', `/api/visits/${visitId}/plan`)).json<Screened['plan']>();
    expect(plan.screenId).not.toBeNull();

    const second = await rig.call('nurse', 'PUT', url, changed, { 'if-match': '"1"' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<Screened>().plan.revision).toBe(2);
    const stale = await rig.call('nurse', 'PUT', url, PLAN_BODY, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const actions = rig.repos.audit.map((e) => [e.action, e.outcome]);
    expect(actions.filter(([a]) => a === 'plan.save')).toEqual([
      ['plan.save', 'success'],
      ['plan.save', 'success'],
      ['plan.save', 'failed'],
    ]);
    // Two screens through the combined route and one through POST /plan/screen.
    expect(actions.filter(([a]) => a === 'visit.screen')).toHaveLength(3);
  });
});
