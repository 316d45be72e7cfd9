// What a complete procedure record and a signed consent look like for the plan the HTTP specs use
// (route-matrix.ts PLAN_BODY: upper trapezius, left, lidocaine 1% 2 mL), so a note can be signed.
import { expect } from 'vitest';
import type { ClinicRig } from './clinic-app.js';

/** The note fields that complete the record of PLAN_BODY (PUT /api/notes/:id). */
export const RECORD_OF_PLAN = {
  painNrs: 2,
  timeOut: { patient: true, sites: true, sides: true, allergies: true, consent: true },
  sites: [
    {
      muscle: 'trapezius-upper',
      side: 'left',
      needle: { gauge: 25, lengthMm: 38 },
      aspiration: 'negative',
      twitch: true,
      tolerance: 'well',
      administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 2, lot: 'LX2291', expiry: '2027-06' }],
    },
  ],
};

/** The patient signs (typed name) the consent form of the visit's current plan, witnessed by `role`. */
export async function signConsent(rig: ClinicRig, visitId: string, role: 'clinician' | 'nurse' = 'nurse') {
  const form = await rig.call(role, 'GET', `/api/visits/${visitId}/consent-form`);
  expect(form.statusCode, form.body).toBe(200);
  const { version } = form.json<{ form: { version: string } }>().form;
  const signed = await rig.call(role, 'POST', `/api/visits/${visitId}/consents`, {
    formVersion: version,
    signerKind: 'patient',
    signerName: 'Ben Hartley',
    signatureKind: 'typed-name',
    signatureData: 'Ben Hartley',
  });
  expect(signed.statusCode, signed.body).toBe(201);
  return signed.json<{ id: string }>();
}

/** Signs the consent and completes the draft's record; answers the draft's new ETag. */
export async function completeNote(rig: ClinicRig, visitId: string, noteUrl: string, etag = '"1"'): Promise<string> {
  await signConsent(rig, visitId);
  const edited = await rig.call('clinician', 'PUT', noteUrl, RECORD_OF_PLAN, { 'if-match': etag });
  expect(edited.statusCode, edited.body).toBe(200);
  return String(edited.headers.etag);
}
