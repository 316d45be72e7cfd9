// What the record routes change in a screen (POST /api/visits/:id/screens): an entry entered in
// error is kept but no longer counted; "no known allergies" and "medicines reconciled" turn the
// missing-data card off for their lists; the review refuses to contradict the list (409).
import { describe, expect, it } from 'vitest';
import { ALLERGIC_ID, buildClinicApp, CLEAN_ID, type ClinicRig } from '../spec/clinic-app.js';
import { problemOf } from '../spec/test-app.js';

const LIDOCAINE = { injectate: 'lidocaine-1pct', volumeMl: 2 };
const TRIAMCINOLONE = { injectate: 'triamcinolone-40', volumeMl: 1 };

interface Screen {
  cards: { summary: string; indicator: string; source: { topic: { code: string } } }[];
  trace: { rules: { id: string; fired: boolean; facts: { path: string }[] }[] };
}

async function screen(rig: ClinicRig, patientId: string, products = [LIDOCAINE]): Promise<Screen> {
  const visit = await rig.call('nurse', 'POST', `/api/patients/${patientId}/visits`);
  const plan = { sites: [{ muscle: 'trapezius-upper', side: 'left' }], products };
  const r = await rig.call('nurse', 'POST', `/api/visits/${visit.json<{ id: string }>().id}/screens`, plan);
  expect(r.statusCode, r.body).toBe(201);
  return r.json<Screen>();
}

const findings = async (rig: ClinicRig, patientId: string, products = [LIDOCAINE]) =>
  (await screen(rig, patientId, products)).cards.map((c) => c.source.topic.code).sort();

/** Records an entry for Ada Okafor (a clean screen) and answers the URL that marks it in error. */
async function record(rig: ClinicRig, segment: string, body: unknown): Promise<string> {
  const url = `/api/patients/${CLEAN_ID}/${segment}`;
  const r = await rig.call('nurse', 'POST', url, body);
  expect(r.statusCode, r.body).toBe(201);
  return `${url}/${r.json<{ id: string }>().id}`;
}

const enteredInError = async (rig: ClinicRig, url: string) =>
  expect((await rig.call('clinician', 'DELETE', url, undefined, { 'if-match': '"1"' })).statusCode).toBe(200);

describe('an entry entered in error', () => {
  it('is counted until it is marked, and not after (the row is kept)', async () => {
    const rig = await buildClinicApp();
    // Ada Okafor's screen as seeded: the upper trapezius's pneumothorax note only.
    const baseline = await findings(rig, CLEAN_ID, [LIDOCAINE, TRIAMCINOLONE]);
    expect(baseline).toEqual(['pneumothorax-risk']);
    const entries = [
      await record(rig, 'allergies', { substance: { kind: 'ingredient', code: 'lidocaine' }, criticality: 'high' }),
      await record(rig, 'conditions', {
        icd10: 'L03.818',
        display: 'Cellulitis of other sites',
        bodySite: { muscle: 'trapezius-upper', side: 'left' },
      }),
      await record(rig, 'medicines', { rxnorm: '11289', display: 'Warfarin 5 mg' }),
      await record(rig, 'observations', {
        loinc: '8310-5',
        value: { quantity: 39.2, unit: 'Cel' },
        at: '2026-11-27T09:00:00Z',
      }),
      await record(rig, 'earlier-administrations', { ...TRIAMCINOLONE, at: '2026-11-20', source: 'GP letter' }),
    ];
    const counted = await findings(rig, CLEAN_ID, [LIDOCAINE, TRIAMCINOLONE]);
    for (const finding of [
      'drug-allergy',
      'skin-infection-at-site',
      'anticoagulant',
      'systemic-illness',
      'steroid-interval',
    ]) {
      expect(counted).toContain(finding);
    }
    for (const url of entries) await enteredInError(rig, url);
    expect(await findings(rig, CLEAN_ID, [LIDOCAINE, TRIAMCINOLONE])).toEqual(baseline);
    const chart = (await rig.call('nurse', 'GET', `/api/patients/${CLEAN_ID}/chart`)).json<Record<string, unknown[]>>();
    expect(
      [chart['allergies'], chart['medicines'], chart['observations'], chart['administrations']].map((l) => l?.length),
    ).toEqual([1, 1, 2, 1]);
  });

  it('an observation is corrected by a new one with status corrected, the wrong one marked in error', async () => {
    const rig = await buildClinicApp();
    const wrong = await record(rig, 'observations', {
      loinc: '8310-5',
      value: { quantity: 39.2, unit: 'Cel' },
      at: '2026-11-27T09:00:00Z',
    });
    expect(await findings(rig, CLEAN_ID)).toContain('systemic-illness');
    const fixed = {
      loinc: '8310-5',
      value: { quantity: 36.9, unit: 'Cel' },
      at: '2026-11-27T09:00:00Z',
      status: 'corrected',
    };
    await record(rig, 'observations', fixed);
    await enteredInError(rig, wrong);
    expect(await findings(rig, CLEAN_ID)).toEqual(['pneumothorax-risk']);
    const put = await rig.call('nurse', 'PUT', wrong, fixed, { 'if-match': '"2"' });
    expect(put.statusCode).toBe(404);
  });
});

describe('reviewing allergies and reconciling medicines', () => {
  const missing = (s: Screen) => s.trace.rules.find((r) => r.id === 'missing.prefetch');

  it('turn the missing-data card off for a new patient, list by list', async () => {
    const rig = await buildClinicApp();
    const created = await rig.call('nurse', 'POST', '/api/patients', { family: 'Newcomer', given: ['Nia'] });
    const patientId = created.json<{ id: string }>().id;
    const url = (path: string) => `/api/patients/${patientId}/${path}`;
    const weight = { loinc: '29463-7', value: { quantity: 70, unit: 'kg' }, at: '2026-11-27T09:30:00Z' };
    expect((await rig.call('nurse', 'POST', url('observations'), weight)).statusCode).toBe(201);
    const never = await screen(rig, patientId);
    expect(missing(never)?.facts.map((f) => f.path)).toEqual(['$.prefetch.allergies', '$.prefetch.medications']);

    const nka = await rig.call('nurse', 'POST', url('allergies/reviewed'), { noKnownAllergies: true });
    expect(nka.json()).toEqual({
      allergiesReviewedAt: '2026-11-27T10:00:00.000Z',
      allergiesReviewedBy: 'u-nurse',
      noKnownAllergies: true,
      activeAllergies: 0,
    });
    expect(missing(await screen(rig, patientId))?.facts.map((f) => f.path)).toEqual(['$.prefetch.medications']);

    const reconciled = await rig.call('clinician', 'POST', url('medicines/reconciled'));
    expect(reconciled.json()).toEqual({
      medicationsReconciledAt: '2026-11-27T10:00:00.000Z',
      medicationsReconciledBy: 'u-clinician',
    });
    const complete = await screen(rig, patientId);
    expect(missing(complete)?.fired).toBe(false);
    expect(complete.cards.map((c) => c.source.topic.code)).not.toContain('missing-data');
    expect((await rig.call('nurse', 'GET', url('chart'))).json()).toMatchObject({
      allergiesReviewedAt: '2026-11-27T10:00:00.000Z',
      allergiesReviewedBy: 'u-nurse',
      medicationsReconciledBy: 'u-clinician',
      allergies: [],
    });
    expect(rig.repos.audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['allergies.review', 'medicines.reconcile']),
    );
  });

  it('refuses "no known allergies" with an active allergy, and a review that names none with none (409)', async () => {
    const rig = await buildClinicApp();
    const before = rig.repos.snapshot();
    const allergic = await rig.call('nurse', 'POST', `/api/patients/${ALLERGIC_ID}/allergies/reviewed`, {
      noKnownAllergies: true,
    });
    expect([allergic.statusCode, problemOf(allergic).code]).toEqual([409, 'conflict']);
    const clean = await rig.call('nurse', 'POST', `/api/patients/${CLEAN_ID}/allergies/reviewed`, {
      noKnownAllergies: false,
    });
    expect(clean.statusCode).toBe(409);
    const body = await rig.call('nurse', 'POST', `/api/patients/${CLEAN_ID}/allergies/reviewed`, { nka: true });
    expect(problemOf(body).errors?.map((e) => e.path)).toEqual(['$.noKnownAllergies', '$']);
    expect(rig.repos.snapshot()).toBe(before);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'allergies.review', outcome: 'failed' });
  });
});
