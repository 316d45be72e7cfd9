// Charts, visits, screens and overrides over HTTP: the chart read and the screen are audited in the
// caller's clinic; a screen answers the engine's cards, verdict, trace and policy version; plan
// codes are checked against the catalogue with their paths; only a clinician overrides.
import { DEFAULT_POLICY } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import {
  ALLERGIC_ID,
  AS_OF,
  buildClinicApp,
  CLEAN_ID,
  OTHER_CLINICIAN,
  type ClinicRig,
  type Session,
} from '../spec/clinic-app.js';
import { CLINIC, problemOf } from '../spec/test-app.js';
import { completeNote } from '../spec/procedure-fixtures.js';
import { PLAN_BODY, SCREEN_OF_PLAN } from '../spec/route-matrix.js';

const plan = {
  sites: [{ muscle: 'trapezius-upper', side: 'left' }],
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 5 }],
};

interface Card {
  uuid: string;
  indicator: string;
  source: { topic: { code: string } };
}

async function visitOf(rig: ClinicRig, session: Session, patientId: string): Promise<string> {
  const r = await rig.as(session, 'POST', `/api/patients/${patientId}/visits`);
  expect(r.statusCode).toBe(201);
  return r.json<{ id: string }>().id;
}

async function screened(patientId = ALLERGIC_ID) {
  const rig = await buildClinicApp();
  const clinician = await rig.signIn('clinician');
  const visitId = await visitOf(rig, clinician, patientId);
  const r = await rig.as(clinician, 'POST', `/api/visits/${visitId}/screens`, plan);
  expect(r.statusCode, r.body).toBe(201);
  const result = r.json<{ screenId: string; cards: Card[]; verdict: string; policyVersion: string }>();
  return { rig, clinician, visitId, result };
}

describe('GET /api/patients/:id/chart', () => {
  it('answers the chart to a nurse and audits the read with who, what, when, from where and the outcome', async () => {
    const rig = await buildClinicApp();
    const r = await rig.as(await rig.signIn('nurse'), 'GET', `/api/patients/${ALLERGIC_ID}/chart`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      patient: { id: ALLERGIC_ID, family: 'Hartley' },
      allergies: [{ substance: { kind: 'ingredient', code: 'lidocaine' }, criticality: 'high' }],
      observations: [{ loinc: '29463-7', value: { quantity: 80, unit: 'kg' } }],
    });
    const event = rig.repos.audit.at(-1);
    expect(event).toMatchObject({
      clinicId: CLINIC,
      actor: 'u-nurse',
      actorKind: 'user',
      action: 'patient.chart.read',
      entity: `Patient/${ALLERGIC_ID}`,
      patientId: ALLERGIC_ID,
      from: '127.0.0.1',
      outcome: 'success',
      detail: { allergies: 1, conditions: 1 },
    });
    expect(Math.abs((event?.at ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('refuses a clinic admin (403, audited as denied) and another clinic’s clinician (404)', async () => {
    const rig = await buildClinicApp();
    const admin = await rig.as(await rig.signIn('clinic-admin'), 'GET', `/api/patients/${ALLERGIC_ID}/chart`);
    expect([admin.statusCode, problemOf(admin).code]).toEqual([403, 'forbidden']);
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'patient.chart.read',
      actor: 'u-admin',
      outcome: 'denied',
      detail: { code: 'forbidden', params: { id: ALLERGIC_ID } },
    });
    const other = await rig.as(await rig.signIn(OTHER_CLINICIAN), 'GET', `/api/patients/${ALLERGIC_ID}/chart`);
    expect(other.statusCode).toBe(404);
    expect(rig.repos.audit.at(-1)).toMatchObject({ clinicId: 'clinic-b', outcome: 'failed' });
  });
});

describe('POST /api/patients/:id/visits and GET /api/visits/:id', () => {
  it('starts a visit at the clinical clock, with a Location to read it', async () => {
    const rig = await buildClinicApp();
    const nurse = await rig.signIn('nurse');
    const r = await rig.as(nurse, 'POST', `/api/patients/${CLEAN_ID}/visits`);
    expect(r.json()).toMatchObject({
      patientId: CLEAN_ID,
      startedAt: new Date(AS_OF).toISOString(),
      startedBy: 'u-nurse',
      status: 'in-progress',
    });
    const read = await rig.as(nurse, 'GET', String(r.headers.location));
    expect(read.json()).toEqual(r.json());
    expect(rig.repos.audit.slice(-2).map((e) => [e.action, e.outcome, e.patientId])).toEqual([
      ['visit.create', 'success', CLEAN_ID],
      ['visit.read', 'success', CLEAN_ID],
    ]);
  });
});

describe('POST /api/visits/:id/screens', () => {
  it('answers the cards, verdict, trace, policy version and screen id, stores the screen and audits it', async () => {
    const { rig, visitId, result } = await screened();
    expect(result).toMatchObject({ verdict: 'do-not-proceed', policyVersion: DEFAULT_POLICY.version });
    expect(result.cards.find((c) => c.source.topic.code === 'drug-allergy')?.indicator).toBe('critical');
    expect(result).toHaveProperty('trace.rules');
    expect(rig.repos.snapshot()).toContain(result.screenId);
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'visit.screen',
      actor: 'u-clinician',
      entity: `Encounter/${visitId}`,
      patientId: ALLERGIC_ID,
      outcome: 'success',
      from: '127.0.0.1',
      detail: { screenId: result.screenId, verdict: 'do-not-proceed', policyVersion: DEFAULT_POLICY.version },
    });
  });

  it('checks the plan against the catalogue, naming each path, and stores nothing', async () => {
    const rig = await buildClinicApp();
    const nurse = await rig.signIn('nurse');
    const visitId = await visitOf(rig, nurse, CLEAN_ID);
    const before = rig.repos.snapshot();
    const r = await rig.as(nurse, 'POST', `/api/visits/${visitId}/screens`, {
      sites: [plan.sites[0], { muscle: 'trapezius-middle-ish', side: 'left' }],
      products: [
        { injectate: 'lidocaine-1pct', volumeMl: -1 },
        { injectate: 'saline', volumeMl: '2' },
      ],
    });
    expect(r.statusCode).toBe(400);
    expect(problemOf(r).errors?.map((e) => e.path)).toEqual([
      '$.sites[1].muscle',
      '$.products[0].volumeMl',
      '$.products[1].injectate',
      '$.products[1].volumeMl',
    ]);
    expect(problemOf(r).errors?.[0]?.message).toBe('not a muscle code of the catalogue');
    const empty = await rig.as(nurse, 'POST', `/api/visits/${visitId}/screens`, { sites: [], products: [] });
    expect(problemOf(empty).errors?.map((e) => e.path)).toEqual(['$.sites', '$.products']);
    expect(rig.repos.snapshot()).toBe(before);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'visit.screen', outcome: 'failed' });
  });

  it('is 404 for a visit that is not in the caller’s clinic, audited as failed', async () => {
    const { rig, visitId } = await screened(CLEAN_ID);
    const other = await rig.signIn(OTHER_CLINICIAN);
    const r = await rig.as(other, 'POST', `/api/visits/${visitId}/screens`, plan);
    expect([r.statusCode, problemOf(r).code]).toEqual([404, 'not-found']);
    expect(rig.repos.audit.at(-1)).toMatchObject({ clinicId: 'clinic-b', action: 'visit.screen', outcome: 'failed' });
  });
});

describe('POST /api/screens/:id/overrides', () => {
  it('records a clinician’s override of a critical card: 201, audited', async () => {
    const { rig, clinician, result } = await screened();
    const card = result.cards.find((c) => c.indicator === 'critical');
    const r = await rig.as(clinician, 'POST', `/api/screens/${result.screenId}/overrides`, {
      cardUuid: card?.uuid,
      reasonCode: 'plan-changed',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      screenId: result.screenId,
      cardUuid: card?.uuid,
      finding: 'drug-allergy',
      reasonCode: 'plan-changed',
      comment: null,
      userId: 'u-clinician',
      at: new Date(AS_OF).toISOString(),
    });
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'screen.override', outcome: 'success' });
  });

  it('refuses a nurse (403), a bad reason ($.reasonCode), "other" without words ($.comment), an unknown card', async () => {
    const { rig, clinician, result } = await screened();
    const critical = result.cards.find((c) => c.indicator === 'critical')?.uuid;
    const url = `/api/screens/${result.screenId}/overrides`;
    const nurse = await rig.as(await rig.signIn('nurse'), 'POST', url, { cardUuid: critical, reasonCode: 'other' });
    expect([nurse.statusCode, problemOf(nurse).code]).toEqual([403, 'forbidden']);
    const reason = await rig.as(clinician, 'POST', url, { cardUuid: critical, reasonCode: 'because' });
    expect([reason.statusCode, problemOf(reason).errors?.[0]?.path]).toEqual([400, '$.reasonCode']);
    const other = await rig.as(clinician, 'POST', url, { cardUuid: critical, reasonCode: 'other', comment: ' ' });
    expect(problemOf(other).errors?.[0]?.path).toBe('$.comment');
    const missing = await rig.as(clinician, 'POST', url, { cardUuid: 'nope', reasonCode: 'plan-changed' });
    expect(missing.statusCode).toBe(404);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'screen.override', outcome: 'failed' });
  });
});

describe('POST /api/visits/:id/end', () => {
  const end = (rig: ClinicRig, visitId: string, body: unknown, etag?: string) =>
    rig.call('clinician', 'POST', `/api/visits/${visitId}/end`, body, etag === undefined ? {} : { 'if-match': etag });

  it('finishes a visit once its note is signed, at the clinical clock; not before (409 naming why)', async () => {
    const rig = await buildClinicApp();
    const visitId = (await rig.call('clinician', 'POST', `/api/patients/${CLEAN_ID}/visits`)).json<{ id: string }>().id;
    await rig.call('clinician', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
    await rig.call('clinician', 'POST', `/api/visits/${visitId}/screens`, SCREEN_OF_PLAN);
    const early = await end(rig, visitId, { outcome: 'completed' }, '"1"');
    expect(early.statusCode, early.body).toBe(409);
    expect(problemOf(early).detail).toContain('has no procedure note');
    const note = await rig.call('clinician', 'POST', `/api/visits/${visitId}/note`);
    const noteUrl = `/api/notes/${note.json<{ id: string }>().id}`;
    const draft = await end(rig, visitId, { outcome: 'completed' }, '"1"');
    expect(problemOf(draft).detail).toContain('not yet signed');
    const etag = await completeNote(rig, visitId, noteUrl);
    const signed = await rig.call('clinician', 'POST', `${noteUrl}/sign`, undefined, { 'if-match': etag });
    expect(signed.statusCode, signed.body).toBe(200);

    const r = await end(rig, visitId, { outcome: 'completed' }, '"1"');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers.etag).toBe('"2"');
    expect(r.json()).toMatchObject({
      status: 'finished',
      endedAt: new Date(AS_OF).toISOString(),
      endReason: null,
      revision: 2,
    });
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'visit.end',
      outcome: 'success',
      entity: `Encounter/${visitId}`,
      detail: { status: 'finished', revision: 2 },
    });
    const again = await end(rig, visitId, { outcome: 'stopped', reason: 'patient declined' }, '"2"');
    expect(again.statusCode).toBe(409);
    expect(problemOf(again).detail).toContain('already finished');
  });

  it('stops a visit with its reason; then plan, screen and note writes are 409 and the list says cancelled', async () => {
    const { rig, visitId } = await screened();
    const before = rig.repos.snapshot();
    expect((await end(rig, visitId, { outcome: 'stopped', reason: 'x' })).statusCode).toBe(428);
    expect((await end(rig, visitId, { outcome: 'stopped', reason: 'x' }, '"5"')).statusCode).toBe(412);
    const blank = await end(rig, visitId, { outcome: 'stopped', reason: '  ' }, '"1"');
    expect(blank.statusCode).toBe(400);
    expect((await end(rig, visitId, { outcome: 'stopped', reason: 'x'.repeat(501) }, '"1"')).statusCode).toBe(400);
    expect((await end(rig, visitId, { outcome: 'completed', reason: 'x' }, '"1"')).statusCode).toBe(400);
    expect(rig.repos.snapshot()).toBe(before);

    const reason = 'critical allergy card not overridden';
    const r = await end(rig, visitId, { outcome: 'stopped', reason }, '"1"');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'cancelled', endReason: reason, endedAt: new Date(AS_OF).toISOString() });
    const read = await rig.call('clinician', 'GET', `/api/visits/${visitId}`);
    expect([read.headers.etag, read.json()]).toEqual(['"2"', r.json()]);
    const list = await rig.call('clinician', 'GET', `/api/patients/${ALLERGIC_ID}/visits`);
    expect(list.json<{ items: { id: string; status: string; endReason: string }[] }>().items).toContainEqual(
      expect.objectContaining({ id: visitId, status: 'cancelled', endReason: reason }),
    );

    const writes = [
      await rig.call('clinician', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' }),
      await rig.call('clinician', 'POST', `/api/visits/${visitId}/screens`, plan),
      await rig.call('clinician', 'POST', `/api/visits/${visitId}/note`),
    ];
    expect(writes.map((w) => w.statusCode)).toEqual([409, 409, 409]);
    expect(problemOf(writes[0]!).detail).toContain(`stopped (${reason})`);
  });

  it('is 404 for another clinic’s visit and 403 for a clinic admin', async () => {
    const { rig, visitId } = await screened();
    const admin = await rig.signIn('clinic-admin');
    expect((await rig.as(admin, 'POST', `/api/visits/${visitId}/end`, { outcome: 'completed' })).statusCode).toBe(403);
    const other = await rig.signIn(OTHER_CLINICIAN);
    const r = await rig.as(
      other,
      'POST',
      `/api/visits/${visitId}/end`,
      { outcome: 'completed' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(r.statusCode).toBe(404);
  });
});
