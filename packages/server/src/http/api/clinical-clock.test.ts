// One clock for clinical times (clock.ts): with the clinical clock fixed (`serve --as-of`) and real
// time elsewhere, what the records say happened (a baseline, a consent, a signature, what was given,
// a complication) carries the clinical time, a lot's expiry is checked against the clinical day, and
// the audit rows carry real time.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import { AS_OF, buildClinicApp, CLEAN_ID, type ClinicRig } from '../spec/clinic-app.js';
import { RECORD_OF_PLAN, signConsent } from '../spec/procedure-fixtures.js';
import { PLAN_BODY } from '../spec/route-matrix.js';
import { problemOf } from '../spec/test-app.js';

/** Real time, eight months after the clinical clock (AS_OF, 2026-11-27T10:00Z): lot LX2291 (2027-06) expired by then. */
const REAL = Date.parse('2027-08-01T12:00:00Z');
const CLINICAL = new Date(AS_OF).toISOString();

async function screenedNote(rig: ClinicRig) {
  const visit = await rig.call('clinician', 'POST', `/api/patients/${CLEAN_ID}/visits`);
  const visitId = visit.json<{ id: string }>().id;
  const planned = await rig.call('nurse', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
  expect(planned.statusCode, planned.body).toBe(201);
  expect((await rig.call('nurse', 'POST', `/api/visits/${visitId}/plan/screen`)).statusCode).toBe(201);
  const note = await rig.call('nurse', 'POST', `/api/visits/${visitId}/note`);
  expect(note.statusCode, note.body).toBe(201);
  return { visitId, url: `/api/notes/${note.json<{ id: string }>().id}` };
}

describe('the clinical clock', () => {
  it('times the baseline, consent, signature, administrations and complications; the audit rows keep real time', async () => {
    const rig = await buildClinicApp({ wallClock: () => REAL });
    const { visitId, url } = await screenedNote(rig);

    const baseline = await rig.call(
      'nurse',
      'PUT',
      `/api/visits/${visitId}/baseline`,
      { indication: { icd10: 'M79.18', display: 'Myofascial pain' }, painNrs: 6, peg: null },
      { 'if-none-match': '*' },
    );
    expect(baseline.statusCode, baseline.body).toBe(201);
    expect(baseline.json()).toMatchObject({ recordedAt: CLINICAL });

    await signConsent(rig, visitId);
    const consents = await rig.call('nurse', 'GET', `/api/visits/${visitId}/consents`);
    expect(consents.json<{ items: { signedAt: string }[] }>().items.map((c) => c.signedAt)).toEqual([CLINICAL]);

    // The lot (expiry 2027-06) is in date on the clinical day, though not on the real one.
    const inNote = { type: 'vasovagal', severity: 'mild', onset: '2026-11-27T09:58:00Z', action: 'Supine', note: null };
    const saved = await rig.call(
      'clinician',
      'PUT',
      url,
      { ...RECORD_OF_PLAN, complications: [inNote] },
      {
        'if-match': '"1"',
      },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const signed = await rig.call('clinician', 'POST', `${url}/sign`, undefined, { 'if-match': '"2"' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ signedAt: CLINICAL });
    const given = await rig.call('nurse', 'GET', `/api/visits/${visitId}/administrations`);
    expect(given.json<{ items: { administeredAt: string }[] }>().items.map((a) => a.administeredAt)).toEqual([
      CLINICAL,
    ]);

    // An onset after the clinical "now" is in the future, though long past in real time.
    const later = { type: 'bruising_haematoma', severity: 'mild', action: 'Pressure', note: null };
    const future = await rig.call('nurse', 'POST', `/api/visits/${visitId}/complications`, {
      ...later,
      onset: '2026-11-27T10:30:00Z',
    });
    expect(problemOf(future).errors).toEqual([{ path: '$.onset', message: 'the onset is in the future' }]);
    const added = await rig.call('nurse', 'POST', `/api/visits/${visitId}/complications`, {
      ...later,
      onset: CLINICAL,
    });
    expect(added.statusCode, added.body).toBe(201);
    const listed = await rig.call('nurse', 'GET', `/api/visits/${visitId}/complications`);
    expect(listed.json<{ items: { recordedAt: string }[] }>().items.map((c) => c.recordedAt)).toEqual([
      CLINICAL,
      CLINICAL,
    ]);

    const written = rig.repos.audit.filter((e) =>
      ['baseline.save', 'consent.create', 'note.edit', 'note.sign', 'visit.screen', 'complication.create'].includes(
        e.action,
      ),
    );
    expect(new Set(written.map((e) => e.action)).size).toBe(6);
    expect(written.every((e) => e.at === REAL)).toBe(true);
  });

  it('checks a lot’s expiry against the clinical day, not the real one', async () => {
    // Clinical time after the lot's expiry (2027-06), real time before it.
    const rig = await buildClinicApp({
      clock: fixedClock(Date.parse('2027-07-15T10:00:00Z')),
      wallClock: () => Date.parse('2026-11-27T10:00:00Z'),
    });
    const { visitId, url } = await screenedNote(rig);
    await signConsent(rig, visitId);
    const expired = await rig.call('clinician', 'PUT', url, RECORD_OF_PLAN, { 'if-match': '"1"' });
    expect(expired.statusCode, expired.body).toBe(400);
    expect(problemOf(expired).detail).toContain('expired');
  });
});
