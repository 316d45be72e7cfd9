// Conditions, allergies and medicines over HTTP: recorded (201 with ETag), replaced under If-Match
// (428 without it, 412 when stale, nothing changed), marked entered in error (the row kept, then
// final: 409), validation errors naming their paths, audit rows, roles and clinic isolation.
import { describe, expect, it } from 'vitest';
import { ALLERGIC_ID, buildClinicApp, CLEAN_ID, OTHER_CLINICIAN, type ClinicRig } from '../spec/clinic-app.js';
import { CLINIC, problemOf } from '../spec/test-app.js';

const CONDITIONS = `/api/patients/${CLEAN_ID}/conditions`;
const myalgia = {
  icd10: 'm79.18',
  display: 'Myalgia, other site',
  onset: '2026-10',
  bodySite: { muscle: 'trapezius-upper', region: 'neck-posterior', side: 'left' },
};

async function recorded(rig: ClinicRig, url = CONDITIONS, body: unknown = myalgia) {
  const r = await rig.call('nurse', 'POST', url, body);
  expect(r.statusCode, r.body).toBe(201);
  return { url: `${url}/${r.json<{ id: string }>().id}`, body: r.json<Record<string, unknown> & { id: string }>() };
}

const chartOf = async (rig: ClinicRig, patientId = CLEAN_ID) =>
  (await rig.call('nurse', 'GET', `/api/patients/${patientId}/chart`)).json<{
    conditions: { id: string; verificationStatus: string; revision: number }[];
    medicines: { display: string; anticoagulant: string | null }[];
  }>();

describe('POST /api/patients/:id/conditions', () => {
  it('records a condition: 201, ETag "1", the entry as the chart shows it, audited', async () => {
    const rig = await buildClinicApp();
    const { body } = await recorded(rig);
    expect(body).toEqual({
      ...myalgia,
      icd10: 'M79.18',
      id: expect.any(String) as unknown,
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      recordedAt: '2026-11-27T10:00:00.000Z',
      revision: 1,
    });
    expect(rig.repos.audit.at(-1)).toMatchObject({
      clinicId: CLINIC,
      actor: 'u-nurse',
      action: 'condition.create',
      entity: `Condition/${body.id}`,
      patientId: CLEAN_ID,
      outcome: 'success',
    });
    expect((await chartOf(rig)).conditions.map((c) => [c.id, c.revision])).toContainEqual([body.id, 1]);
  });

  it('names each bad field by its JSON path and writes nothing', async () => {
    const rig = await buildClinicApp();
    const before = rig.repos.snapshot();
    const r = await rig.call('nurse', 'POST', CONDITIONS, {
      icd10: 'myalgia',
      display: '',
      verificationStatus: 'entered-in-error',
      onset: '2026-02-30',
      bodySite: { muscle: 'trapezius-lower-ish', side: 'up' },
    });
    expect(r.statusCode).toBe(400);
    expect(
      problemOf(r)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['$.bodySite.muscle', '$.bodySite.side', '$.display', '$.icd10', '$.onset', '$.verificationStatus']);
    expect(problemOf(r).errors?.find((e) => e.path === '$.verificationStatus')?.message).toContain('DELETE');
    const region = await rig.call('nurse', 'POST', CONDITIONS, {
      ...myalgia,
      bodySite: { muscle: 'trapezius-upper', region: 'thigh' },
    });
    expect(problemOf(region).errors).toEqual([expect.objectContaining({ path: '$.bodySite.region' })]);
    const noSite = await rig.call('nurse', 'POST', CONDITIONS, { ...myalgia, bodySite: { side: 'left' } });
    expect(problemOf(noSite).errors?.map((e) => e.path)).toEqual(['$.bodySite']);
    expect(rig.repos.snapshot()).toBe(before);
  });
});

describe('PUT /api/patients/:id/conditions/:entryId', () => {
  it('needs If-Match (428), refuses a stale one (412) writing nothing, and answers the next ETag', async () => {
    const rig = await buildClinicApp();
    const { url } = await recorded(rig);
    const resolved = { ...myalgia, clinicalStatus: 'resolved' };
    const missing = await rig.call('nurse', 'PUT', url, resolved);
    const star = await rig.call('nurse', 'PUT', url, resolved, { 'if-match': '*' });
    expect([missing.statusCode, star.statusCode]).toEqual([428, 428]);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'condition.update', outcome: 'failed' });
    const before = rig.repos.snapshot();
    const stale = await rig.call('nurse', 'PUT', url, resolved, { 'if-match': '"7"' });
    expect([stale.statusCode, problemOf(stale).code]).toEqual([412, 'precondition-failed']);
    expect(rig.repos.snapshot()).toBe(before);
    const ok = await rig.call('clinician', 'PUT', url, resolved, { 'if-match': '"1"' });
    expect([ok.statusCode, ok.headers.etag]).toEqual([200, '"2"']);
    expect(ok.json()).toMatchObject({
      clinicalStatus: 'resolved',
      revision: 2,
      recordedAt: '2026-11-27T10:00:00.000Z',
    });
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'condition.update',
      actor: 'u-clinician',
      outcome: 'success',
    });
  });
});

describe('DELETE /api/patients/:id/conditions/:entryId', () => {
  it('marks the condition entered in error and keeps the row; it is final after that (409)', async () => {
    const rig = await buildClinicApp();
    const { url, body } = await recorded(rig);
    expect((await rig.call('nurse', 'DELETE', url)).statusCode).toBe(428);
    const r = await rig.call('nurse', 'DELETE', url, undefined, { 'if-match': '"1"' });
    expect([r.statusCode, r.headers.etag]).toEqual([200, '"2"']);
    expect(r.json()).toMatchObject({ id: body.id, verificationStatus: 'entered-in-error', revision: 2 });
    expect((await chartOf(rig)).conditions).toContainEqual(
      expect.objectContaining({ id: body.id, verificationStatus: 'entered-in-error' }),
    );
    expect(rig.repos.audit.at(-2)).toMatchObject({ action: 'condition.entered-in-error', outcome: 'success' });
    const again = await rig.call('nurse', 'DELETE', url, undefined, { 'if-match': '"2"' });
    const revived = await rig.call('nurse', 'PUT', url, myalgia, { 'if-match': '"2"' });
    expect([again.statusCode, revived.statusCode]).toEqual([409, 409]);
  });

  it('keeps the reason given in the audit row, and refuses an empty one naming $.reason', async () => {
    const rig = await buildClinicApp();
    const { url } = await recorded(rig);
    const empty = await rig.call('nurse', 'DELETE', url, { reason: '  ' }, { 'if-match': '"1"' });
    expect([empty.statusCode, problemOf(empty).errors?.[0]?.path]).toEqual([400, '$.reason']);
    const r = await rig.call(
      'nurse',
      'DELETE',
      url,
      { reason: 'Recorded on the wrong patient' },
      { 'if-match': '"1"' },
    );
    expect(r.statusCode).toBe(200);
    const row = rig.repos.audit.find((e) => e.action === 'condition.entered-in-error' && e.outcome === 'success');
    expect(row?.detail).toMatchObject({ revision: 2, reason: 'Recorded on the wrong patient' });
  });
});

describe('who may record', () => {
  it('refuses a clinic admin (403) and is 404 for another clinic’s clinician, even with A’s ids', async () => {
    const rig = await buildClinicApp();
    const { url } = await recorded(rig);
    const admin = await rig.call('clinic-admin', 'POST', CONDITIONS, myalgia);
    expect([admin.statusCode, problemOf(admin).code]).toEqual([403, 'forbidden']);
    const other = await rig.signIn(OTHER_CLINICIAN);
    const before = rig.repos.snapshot();
    const post = await rig.as(other, 'POST', CONDITIONS, myalgia);
    const put = await rig.as(other, 'PUT', url, myalgia, { headers: { 'if-match': '"1"' } });
    const del = await rig.as(other, 'DELETE', url, undefined, { headers: { 'if-match': '"1"' } });
    expect([post.statusCode, put.statusCode, del.statusCode]).toEqual([404, 404, 404]);
    expect(rig.repos.snapshot()).toBe(before);
    expect(rig.repos.audit.at(-1)).toMatchObject({ clinicId: 'clinic-b', outcome: 'failed', patientId: null });
  });
});

describe('allergies and medicines', () => {
  it('records an allergy by catalogue code (named as the catalogue names it), excipient classes included', async () => {
    const rig = await buildClinicApp();
    const url = `/api/patients/${CLEAN_ID}/allergies`;
    const { body } = await recorded(rig, url, { substance: { kind: 'class', code: 'paraben' }, criticality: 'low' });
    expect(body).toMatchObject({
      substance: { kind: 'class', code: 'paraben', text: 'Parabens (methyl-, propylparaben)' },
      type: 'allergy',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
    });
    const ing = await recorded(rig, url, { substance: { kind: 'ingredient', code: 'lidocaine' }, type: 'intolerance' });
    expect(ing.body).toMatchObject({ substance: { text: 'Lidocaine' }, type: 'intolerance' });
    const bad = await rig.call('nurse', 'POST', url, { substance: { kind: 'class', code: 'latex' }, type: 'hives' });
    expect(
      problemOf(bad)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['$.substance.code', '$.type']);
    const rx = await rig.call('nurse', 'POST', url, { substance: { kind: 'rxnorm', code: '6387' } });
    expect(problemOf(rx).errors?.map((e) => e.path)).toEqual(['$.substance.text']);
  });

  it('answers each medicine with the anticoagulant it is (RxNorm or name), in the chart too', async () => {
    const rig = await buildClinicApp();
    const url = `/api/patients/${ALLERGIC_ID}/medicines`;
    const apixaban = await recorded(rig, url, { rxnorm: '1364430', display: 'Apixaban 5 mg twice daily' });
    expect(apixaban.body).toMatchObject({ status: 'active', anticoagulant: 'apixaban', revision: 1 });
    expect((await recorded(rig, url, { display: 'Xarelto 20 mg' })).body).toMatchObject({
      anticoagulant: 'rivaroxaban',
    });
    expect((await recorded(rig, url, { display: 'Paracetamol 1 g' })).body).toMatchObject({ anticoagulant: null });
    const stopped = await rig.call(
      'nurse',
      'PUT',
      apixaban.url,
      { display: 'Apixaban', status: 'stopped' },
      {
        'if-match': '"1"',
      },
    );
    expect(stopped.json()).toMatchObject({ status: 'stopped', anticoagulant: 'apixaban', revision: 2 });
    expect((await chartOf(rig, ALLERGIC_ID)).medicines.map((m) => m.anticoagulant)).toEqual([
      'apixaban',
      'rivaroxaban',
      null,
    ]);
  });
});
