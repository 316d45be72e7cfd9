// The visit's care over HTTP: the baseline (If-None-Match then If-Match; a malformed ICD-10 code
// named), the dose meter for unsaved products (this patient's weight, the policy's warning
// fraction, mL still available, in words), the coding of a note, and the discharge sheet for
// what was given at which sites.
import { describe, expect, it } from 'vitest';
import { ALLERGIC_ID, buildClinicApp, CLEAN_ID, type ClinicRig } from '../spec/clinic-app.js';
import { completeNote } from '../spec/procedure-fixtures.js';
import { PLAN_BODY } from '../spec/route-matrix.js';
import { problemOf } from '../spec/test-app.js';

async function plannedVisit(rig: ClinicRig) {
  const visit = await rig.call('clinician', 'POST', `/api/patients/${CLEAN_ID}/visits`);
  const visitId = visit.json<{ id: string }>().id;
  await rig.call('nurse', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
  return visitId;
}

const BASELINE = {
  indication: { icd10: 'm7918', display: 'Myofascial pain, upper trapezius' },
  painNrs: 7,
  peg: { pain: 7, enjoyment: 6, activity: 5 },
};

describe('the visit baseline', () => {
  it('is recorded with If-None-Match, changed with If-Match, and read with its PEG score', async () => {
    const rig = await buildClinicApp();
    const visitId = await plannedVisit(rig);
    expect((await rig.call('nurse', 'GET', `/api/visits/${visitId}/baseline`)).statusCode).toBe(404);
    expect((await rig.call('nurse', 'PUT', `/api/visits/${visitId}/baseline`, BASELINE)).statusCode).toBe(428);
    const created = await rig.call('nurse', 'PUT', `/api/visits/${visitId}/baseline`, BASELINE, {
      'if-none-match': '*',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      indication: { icd10: 'M79.18' },
      pegScore: 6,
      isTpiIndication: true,
      revision: 1,
    });
    const again = await rig.call('nurse', 'PUT', `/api/visits/${visitId}/baseline`, BASELINE, { 'if-none-match': '*' });
    expect(again.statusCode).toBe(412);
    const changed = await rig.call(
      'nurse',
      'PUT',
      `/api/visits/${visitId}/baseline`,
      { ...BASELINE, painNrs: 8, peg: null },
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ painNrs: 8, peg: null, pegScore: null, revision: 2 });
    const stale = await rig.call('nurse', 'PUT', `/api/visits/${visitId}/baseline`, BASELINE, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const read = await rig.call('clinician', 'GET', `/api/visits/${visitId}/baseline`);
    expect(read.headers.etag).toBe('"2"');
  });

  it('names a malformed ICD-10 code and a score out of range', async () => {
    const rig = await buildClinicApp();
    const visitId = await plannedVisit(rig);
    const bad = await rig.call(
      'nurse',
      'PUT',
      `/api/visits/${visitId}/baseline`,
      { ...BASELINE, indication: { icd10: 'pain', display: 'x' } },
      { 'if-none-match': '*' },
    );
    expect(problemOf(bad).errors?.map((e) => e.path)).toEqual(['$.indication.icd10']);
    const range = await rig.call(
      'nurse',
      'PUT',
      `/api/visits/${visitId}/baseline`,
      { ...BASELINE, painNrs: 11 },
      { 'if-none-match': '*' },
    );
    expect(problemOf(range).errors?.map((e) => e.path)).toEqual(['$.painNrs']);
  });
});

describe('the dose meter', () => {
  it('answers mg, the combined fraction of this patient’s maximum and mL still available, in words', async () => {
    const rig = await buildClinicApp();
    const visitId = await plannedVisit(rig);
    // 80 kg: lidocaine plain max min(4.5 mg/kg x 80 = 360, 300) = 300 mg; 20 mL of 1% = 200 mg.
    const r = await rig.call('nurse', 'POST', `/api/visits/${visitId}/dose`, {
      products: [{ injectate: 'lidocaine-1pct', volumeMl: 20 }],
    });
    expect(r.statusCode, r.body).toBe(200);
    const dose = r.json<{
      lines: { mg: number; maxMg: number; maxBy: string }[];
      combinedFraction: number;
      level: string;
      available: { ml: number }[];
      words: string;
    }>();
    expect(dose.lines[0]).toMatchObject({ mg: 200, maxMg: 300, maxBy: 'cap' });
    expect(dose.combinedFraction).toBeCloseTo(2 / 3, 9);
    expect(dose.level).toBe('within');
    expect(dose.available[0]?.ml).toBeCloseTo(10, 9);
    expect(dose.words).toContain('67% of this patient’s combined local anaesthetic maximum'.replace('’', "'"));
    const above = await rig.call('nurse', 'POST', `/api/visits/${visitId}/dose`, {
      products: [{ injectate: 'lidocaine-1pct', volumeMl: 35 }],
    });
    expect(above.json<{ level: string; words: string }>()).toMatchObject({ level: 'above' });
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'dose.check', outcome: 'success' });
  });
});

describe('coding and discharge', () => {
  it('codes the note from what was given, and gives the discharge sheet for a thoracic site', async () => {
    const rig = await buildClinicApp();
    const visitId = await plannedVisit(rig);
    await rig.call('nurse', 'POST', `/api/visits/${visitId}/plan/screen`);
    const note = await rig.call('nurse', 'POST', `/api/visits/${visitId}/note`);
    const url = `/api/notes/${note.json<{ id: string }>().id}`;
    const planned = await rig.call('clinician', 'GET', `${url}/coding`);
    expect(planned.json()).toMatchObject({ basis: 'planned', procedure: { code: '20552' } });
    await completeNote(rig, visitId, url);
    const coding = await rig.call('clinician', 'GET', `${url}/coding`);
    expect(coding.statusCode, coding.body).toBe(200);
    const body = coding.json<{ basis: string; procedure: { code: string; reason: string; diagnoses: string[] } }>();
    expect(body.basis).toBe('recorded');
    expect(body.procedure.code).toBe('20552');
    expect(body.procedure.diagnoses).toContain('M79.18');

    const sheet = await rig.call('nurse', 'GET', `/api/visits/${visitId}/discharge`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    const d = sheet.json<{ observationMinutes: number; checklist: { id: string }[]; warningSigns: { id: string }[] }>();
    expect(d.observationMinutes).toBe(30);
    expect(d.checklist[0]?.id).toBe('breathing-chest');
    expect(d.warningSigns.map((w) => w.id)).toContain('pneumothorax');
  });
});

describe('the patient’s visits', () => {
  it('lists the visits, latest first, with the planned sites and the note’s status', async () => {
    const rig = await buildClinicApp();
    const first = await plannedVisit(rig);
    const note = await rig.call('nurse', 'POST', `/api/visits/${first}/note`);
    expect(note.statusCode, note.body).toBe(201);
    const second = (await rig.call('clinician', 'POST', `/api/patients/${CLEAN_ID}/visits`)).json<{ id: string }>().id;
    const r = await rig.call('nurse', 'GET', `/api/patients/${CLEAN_ID}/visits`);
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json<{
      items: { id: string; sites: { muscle: string }[]; note: { status: string; version: number } | null }[];
    }>().items;
    expect(items.map((v) => v.id)).toEqual([second, first]);
    expect(items[1]).toMatchObject({
      sites: [{ muscle: 'trapezius-upper', side: 'left' }],
      note: { status: 'draft', version: 1 },
    });
    expect(items[0]?.note).toBeNull();
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'visit.read', outcome: 'success', patientId: CLEAN_ID });
  });
});

describe('a stored screen', () => {
  it('reads back with the overrides recorded on it', async () => {
    const rig = await buildClinicApp();
    const visit = await rig.call('clinician', 'POST', `/api/patients/${ALLERGIC_ID}/visits`);
    const visitId = visit.json<{ id: string }>().id;
    await rig.call('nurse', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
    const screened = (await rig.call('nurse', 'POST', `/api/visits/${visitId}/plan/screen`)).json<{
      screenId: string;
      cards: { uuid: string; indicator: string }[];
    }>();
    const critical = screened.cards.find((c) => c.indicator === 'critical');
    if (!critical) throw new Error('expected a critical card for the lidocaine allergy');
    await rig.call('clinician', 'POST', `/api/screens/${screened.screenId}/overrides`, {
      cardUuid: critical.uuid,
      reasonCode: 'other',
      comment: 'Allergy disproved by skin test',
    });
    const r = await rig.call('nurse', 'GET', `/api/screens/${screened.screenId}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      screenId: screened.screenId,
      cards: screened.cards,
      overrides: [{ cardUuid: critical.uuid, reasonCode: 'other', userId: 'u-clinician' }],
    });
    expect((await rig.call('nurse', 'GET', '/api/screens/00000000-0000-4000-8000-999999999999')).statusCode).toBe(404);
  });
});
