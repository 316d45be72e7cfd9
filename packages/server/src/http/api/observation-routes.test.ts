// Observations and injections given elsewhere over HTTP: codes, units and numbers checked against
// the catalogue with their JSON paths (`$.value.unit`), nothing dated in the future, and what is
// stored read back as the chart shows it.
import { describe, expect, it } from 'vitest';
import { buildClinicApp, CLEAN_ID, type ClinicRig } from '../spec/clinic-app.js';
import { problemOf } from '../spec/test-app.js';

const OBSERVATIONS = `/api/patients/${CLEAN_ID}/observations`;
const ADMINISTRATIONS = `/api/patients/${CLEAN_ID}/earlier-administrations`;
const AT = '2026-11-27T09:00:00+01:00';

const paths = async (rig: ClinicRig, url: string, body: unknown) => {
  const r = await rig.call('nurse', 'POST', url, body);
  expect(r.statusCode, r.body).toBe(400);
  return problemOf(r).errors?.map((e) => e.path);
};

describe('POST /api/patients/:id/observations', () => {
  it('stores the catalogue’s vitals and labs in their units, the time as a UTC instant', async () => {
    const rig = await buildClinicApp();
    const ok = async (body: object) => {
      const r = await rig.call('nurse', 'POST', OBSERVATIONS, body);
      expect(r.statusCode, r.body).toBe(201);
      expect(r.headers.etag).toBe('"1"');
      return r.json<Record<string, unknown>>();
    };
    expect(await ok({ loinc: '72514-3', value: { quantity: 7, unit: '{score}' }, at: AT })).toMatchObject({
      loinc: '72514-3',
      value: { quantity: 7, unit: '{score}' },
      at: '2026-11-27T08:00:00.000Z',
      status: 'final',
      revision: 1,
    });
    await ok({ loinc: '6301-6', value: { quantity: 2.4, unit: '{INR}' }, at: AT });
    await ok({ loinc: '8310-5', value: { quantity: 99.1, unit: '[degF]' }, at: AT, status: 'preliminary' });
    await ok({ loinc: '777-3', value: { quantity: 210, unit: '10*3/uL' }, at: AT });
    const pregnancy = { system: 'http://snomed.info/sct', code: '60001007', display: 'Not pregnant' };
    expect(await ok({ loinc: '82810-3', value: pregnancy, at: AT })).toMatchObject({ value: pregnancy });
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'observation.create', outcome: 'success' });
  });

  it('refuses codes, units and numbers the catalogue does not allow, each at its path, writing nothing', async () => {
    const rig = await buildClinicApp();
    const before = rig.repos.snapshot();
    const weight = (value: unknown) => ({ loinc: '29463-7', value, at: AT });
    expect(await paths(rig, OBSERVATIONS, weight({ quantity: 12, unit: 'stone' }))).toEqual(['$.value.unit']);
    expect(await paths(rig, OBSERVATIONS, weight({ quantity: 0, unit: 'kg' }))).toEqual(['$.value.quantity']);
    expect(await paths(rig, OBSERVATIONS, weight({ system: 'http://loinc.org', code: 'LA1' }))).toEqual(['$.value']);
    expect(await paths(rig, OBSERVATIONS, { ...weight({ quantity: 70, unit: 'kg' }), loinc: '1234-5' })).toEqual([
      '$.loinc',
    ]);
    const temperature = { loinc: '8310-5', value: { quantity: 98.6, unit: 'Cel' }, at: AT };
    expect(await paths(rig, OBSERVATIONS, temperature)).toEqual(['$.value.quantity']);
    const pain = { loinc: '72514-3', value: { quantity: 11, unit: '{score}' }, at: AT };
    expect(await paths(rig, OBSERVATIONS, pain)).toEqual(['$.value.quantity']);
    const inr = { loinc: '6301-6', value: { quantity: 2, unit: 'mg' }, at: AT };
    expect(await paths(rig, OBSERVATIONS, inr)).toEqual(['$.value.unit']);
    const pregnant = { loinc: '82810-3', value: { quantity: 1, unit: '1' }, at: AT };
    expect(await paths(rig, OBSERVATIONS, pregnant)).toEqual(['$.value']);
    const unitMessage = await rig.call('nurse', 'POST', OBSERVATIONS, weight({ quantity: 12, unit: 'stone' }));
    expect(problemOf(unitMessage).errors?.[0]?.message).toBe('expected one of kg, g, [lb_av], lb');
    const retracted = { ...weight({ quantity: 70, unit: 'kg' }), status: 'entered-in-error' };
    expect(await paths(rig, OBSERVATIONS, retracted)).toEqual(['$.status']);
    expect(rig.repos.snapshot()).toBe(before);
  });

  it('refuses an observation dated after the clinical clock (400 at $.at), audited', async () => {
    const rig = await buildClinicApp();
    const before = rig.repos.snapshot();
    const tomorrow = { loinc: '29463-7', value: { quantity: 70, unit: 'kg' }, at: '2026-11-28T10:00:00Z' };
    const r = await rig.call('nurse', 'POST', OBSERVATIONS, tomorrow);
    expect([r.statusCode, problemOf(r).errors?.map((e) => [e.path, e.code])]).toEqual([400, [['$.at', 'in-future']]]);
    expect(rig.repos.snapshot()).toBe(before);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'observation.create', outcome: 'failed' });
  });
});

describe('POST /api/patients/:id/earlier-administrations', () => {
  it('records an injection given elsewhere by catalogue code or by text, a date being enough', async () => {
    const rig = await buildClinicApp();
    const coded = await rig.call('nurse', 'POST', ADMINISTRATIONS, {
      injectate: 'methylprednisolone-40',
      volumeMl: 1,
      at: '2026-06',
      source: 'patient report',
    });
    expect([coded.statusCode, coded.json()]).toEqual([
      201,
      {
        id: expect.any(String) as unknown,
        injectate: 'methylprednisolone-40',
        volumeMl: 1,
        at: '2026-06',
        status: 'completed',
        revision: 1,
      },
    ]);
    const text = await rig.call('nurse', 'POST', ADMINISTRATIONS, {
      text: 'Kenalog 40 mg, GP surgery',
      at: '2026-10-02',
    });
    expect(text.json()).toMatchObject({ text: 'Kenalog 40 mg, GP surgery', status: 'completed' });
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'earlier-administration.create', outcome: 'success' });
  });

  it('needs a product, a real date not in the future and a positive volume, each named by its path', async () => {
    const rig = await buildClinicApp();
    const before = rig.repos.snapshot();
    expect(await paths(rig, ADMINISTRATIONS, { volumeMl: 1, at: '2026-06' })).toEqual(['$']);
    const bad = { injectate: 'kenalog', volumeMl: -1, at: '2026-13' };
    expect((await paths(rig, ADMINISTRATIONS, bad))?.sort()).toEqual(['$.at', '$.injectate', '$.volumeMl']);
    expect(await paths(rig, ADMINISTRATIONS, { text: 'Depo-Medrol', at: '2027-01' })).toEqual(['$.at']);
    expect(rig.repos.snapshot()).toBe(before);
  });
});
