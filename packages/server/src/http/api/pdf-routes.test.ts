// Printable documents over HTTP: a signed consent, a signed (or amended) note version and the
// discharge sheet answer application/pdf inline, for clinicians and nurses only, audited as prints;
// another clinic's or an unknown record is 404, a draft note 409.
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../pdf/spec/read-pdf.js';
import { buildClinicApp, CLEAN_ID, OTHER_CLINICIAN, type ClinicRig } from '../spec/clinic-app.js';
import { completeNote, signConsent } from '../spec/procedure-fixtures.js';
import { PLAN_BODY } from '../spec/route-matrix.js';
import { problemOf } from '../spec/test-app.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** A visit of Ada Okafor (nothing critical): planned (upper trapezius, lidocaine 1% 2 mL), screened, note started. */
async function screenedVisit(rig: ClinicRig) {
  const visit = await rig.call('clinician', 'POST', `/api/patients/${CLEAN_ID}/visits`);
  const visitId = visit.json<{ id: string }>().id;
  await rig.call('nurse', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
  expect((await rig.call('nurse', 'POST', `/api/visits/${visitId}/plan/screen`)).statusCode).toBe(201);
  const note = await rig.call('clinician', 'POST', `/api/visits/${visitId}/note`);
  expect(note.statusCode, note.body).toBe(201);
  return { visitId, noteUrl: `/api/notes/${note.json<{ id: string }>().id}` };
}

async function pdfOf(rig: ClinicRig, url: string, role: 'clinician' | 'nurse' = 'nurse') {
  const r = await rig.call(role, 'GET', url);
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  expect(r.headers['content-type']).toBe('application/pdf');
  expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  return { response: r, pdf: await readPdf(r.rawPayload) };
}

async function otherClinicGets(rig: ClinicRig, url: string) {
  const other = await rig.signIn(OTHER_CLINICIAN);
  return rig.as(other, 'GET', url);
}

describe('GET /api/visits/:id/consents/:consentId/pdf', () => {
  it('prints the stored consent with the patient, the signer and the witness by name, audited as consent.print', async () => {
    const rig = await buildClinicApp();
    const { visitId } = await screenedVisit(rig);
    const consent = await signConsent(rig, visitId, 'nurse');
    const url = `/api/visits/${visitId}/consents/${consent.id}/pdf`;
    const { response, pdf } = await pdfOf(rig, url, 'clinician');
    expect(response.headers['content-disposition']).toBe(`inline; filename="consent-${consent.id}.pdf"`);
    expect(response.headers['cache-control']).toContain('no-store');
    for (const fact of ['Ada Okafor', 'Ben Hartley (the patient)', 'nurse.ito', 'Trapezius, upper fibres (left)']) {
      expect(pdf.text).toContain(fact);
    }
    expect(pdf.text).toContain('pneumothorax');
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'consent.print',
      outcome: 'success',
      entity: `Consent/${consent.id}`,
      patientId: CLEAN_ID,
    });

    expect((await rig.call('clinic-admin', 'GET', url)).statusCode).toBe(403);
    expect((await otherClinicGets(rig, url)).statusCode).toBe(404);
    const unknown = await rig.call('nurse', 'GET', `/api/visits/${visitId}/consents/${UNKNOWN}/pdf`);
    expect(unknown.statusCode).toBe(404);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'consent.print', outcome: 'failed' });
    expect((await rig.call('nurse', 'GET', `/api/visits/${UNKNOWN}/consents/${consent.id}/pdf`)).statusCode).toBe(404);
  });
});

describe('GET /api/notes/:id/pdf', () => {
  it('refuses a draft (409), prints the signed version, then an amendment naming the version it amends', async () => {
    const rig = await buildClinicApp();
    const { visitId, noteUrl } = await screenedVisit(rig);
    const etag = await completeNote(rig, visitId, noteUrl);

    const draft = await rig.call('nurse', 'GET', `${noteUrl}/pdf`);
    expect(draft.statusCode).toBe(409);
    expect(problemOf(draft).detail).toContain('only a signed note prints');
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'note.print', outcome: 'failed' });

    const signed = await rig.call('clinician', 'POST', `${noteUrl}/sign`, undefined, { 'if-match': etag });
    expect(signed.statusCode, signed.body).toBe(200);
    const v1 = await pdfOf(rig, `${noteUrl}/pdf`);
    expect(v1.response.headers['content-disposition']).toMatch(
      /^inline; filename="procedure-note-[0-9a-f-]+-v1\.pdf"$/,
    );
    for (const fact of [
      'Ada Okafor',
      'LX2291',
      '2027-06',
      '25 G × 38 mm',
      'CPT 20552',
      'M79.18',
      'dr.lee',
      'version 1 (signed)',
    ]) {
      expect(v1.pdf.text, fact).toContain(fact);
    }
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'note.print', outcome: 'success', patientId: CLEAN_ID });

    const amendment = await rig.call('clinician', 'POST', `${noteUrl}/amendments`, {
      reason: 'Pain score recorded after the wrong site',
    });
    expect(amendment.statusCode, amendment.body).toBe(201);
    const v2Url = `/api/notes/${amendment.json<{ id: string }>().id}`;
    expect((await rig.call('clinician', 'POST', `${v2Url}/sign`, undefined, { 'if-match': '"1"' })).statusCode).toBe(
      200,
    );
    const v2 = await pdfOf(rig, `${v2Url}/pdf`, 'clinician');
    for (const fact of ['amends version 1', 'Pain score recorded after the wrong site', 'version 2 (amended)']) {
      expect(v2.pdf.text).toContain(fact);
    }

    expect((await rig.call('clinic-admin', 'GET', `${noteUrl}/pdf`)).statusCode).toBe(403);
    expect((await otherClinicGets(rig, `${noteUrl}/pdf`)).statusCode).toBe(404);
    expect((await rig.call('nurse', 'GET', `/api/notes/${UNKNOWN}/pdf`)).statusCode).toBe(404);
  });
});

describe('GET /api/visits/:id/discharge/pdf', () => {
  it('prints the discharge sheet for the plan, then for what the note records as given', async () => {
    const rig = await buildClinicApp();
    const visit = await rig.call('clinician', 'POST', `/api/patients/${CLEAN_ID}/visits`);
    const bare = visit.json<{ id: string }>().id;
    const none = await rig.call('nurse', 'GET', `/api/visits/${bare}/discharge/pdf`);
    expect(none.statusCode).toBe(409);
    expect(problemOf(none).detail).toContain('has no plan');

    const { visitId, noteUrl } = await screenedVisit(rig);
    const planned = await pdfOf(rig, `/api/visits/${visitId}/discharge/pdf`);
    expect(planned.response.headers['content-disposition']).toBe(`inline; filename="discharge-${visitId}.pdf"`);
    for (const fact of [
      'What is planned today',
      'Stay in the clinic for',
      'Chest pain, shortness of breath or a fast heartbeat',
      'a local anaesthetic was given',
      'PTCARE',
    ]) {
      expect(planned.pdf.text, fact).toContain(fact);
    }
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'discharge.print', outcome: 'success' });

    const etag = await completeNote(rig, visitId, noteUrl);
    await rig.call('clinician', 'POST', `${noteUrl}/sign`, undefined, { 'if-match': etag });
    const given = await pdfOf(rig, `/api/visits/${visitId}/discharge/pdf`, 'clinician');
    expect(given.pdf.text).toContain('What was done today');
    expect(given.pdf.text).toContain('from what the note records as given');

    expect((await rig.call('clinic-admin', 'GET', `/api/visits/${visitId}/discharge/pdf`)).statusCode).toBe(403);
    expect((await otherClinicGets(rig, `/api/visits/${visitId}/discharge/pdf`)).statusCode).toBe(404);
    expect((await rig.call('nurse', 'GET', `/api/visits/${UNKNOWN}/discharge/pdf`)).statusCode).toBe(404);
  });
});
