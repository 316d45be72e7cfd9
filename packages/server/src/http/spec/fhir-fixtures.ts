// A patient with a whole TPI history made through the clinic API (as a clinician and a nurse would):
// a medicine, a visit with its baseline, plan, screen, signed consent, a signed and then amended
// procedure note (administrations per site with lot and expiry), and a complication. The FHIR
// export's tests and the route matrix read it back.
import { expect } from 'vitest';
import type { Bundle } from '@medplum/fhirtypes';
import { CLEAN_ID, type ClinicRig } from './clinic-app.js';
import { completeNote } from './procedure-fixtures.js';
import { PLAN_BODY, SCREEN_OF_PLAN } from './route-matrix.js';

export interface FullHistory {
  readonly patientId: string;
  readonly visitId: string;
  readonly noteId: string;
  readonly amendmentId: string;
}

const made = new WeakMap<ClinicRig, Promise<FullHistory>>();

async function ok(rig: ClinicRig, ...args: Parameters<ClinicRig['call']>) {
  const r = await rig.call(...args);
  expect(r.statusCode, `${args[1]} ${args[2]}: ${r.body}`).toBeLessThan(300);
  return r;
}

async function document(rig: ClinicRig): Promise<FullHistory> {
  const patientId = CLEAN_ID;
  await ok(rig, 'clinician', 'POST', `/api/patients/${patientId}/medicines`, {
    display: 'Paracetamol 1 g',
    rxnorm: '161',
  });
  const visit = await ok(rig, 'clinician', 'POST', `/api/patients/${patientId}/visits`);
  const visitId = visit.json<{ id: string }>().id;
  await ok(
    rig,
    'clinician',
    'PUT',
    `/api/visits/${visitId}/baseline`,
    { indication: { icd10: 'M79.18', display: 'Myalgia, other site' }, painNrs: 7 },
    { 'if-none-match': '*' },
  );
  await ok(rig, 'clinician', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
  await ok(rig, 'clinician', 'POST', `/api/visits/${visitId}/screens`, SCREEN_OF_PLAN);
  const note = await ok(rig, 'clinician', 'POST', `/api/visits/${visitId}/note`);
  const noteId = note.json<{ id: string }>().id;
  const etag = await completeNote(rig, visitId, `/api/notes/${noteId}`);
  await ok(rig, 'clinician', 'POST', `/api/notes/${noteId}/sign`, undefined, { 'if-match': etag });
  await ok(rig, 'clinician', 'POST', `/api/visits/${visitId}/complications`, {
    type: 'vasovagal',
    severity: 'mild',
    onset: '2026-11-27T10:05:00Z',
    action: 'Laid supine, legs raised; recovered in 2 minutes',
    note: null,
  });
  const amended = await ok(rig, 'clinician', 'POST', `/api/notes/${noteId}/amendments`, {
    reason: 'Pain score corrected',
  });
  const amendmentId = amended.json<{ id: string }>().id;
  const draft = await ok(
    rig,
    'clinician',
    'PUT',
    `/api/notes/${amendmentId}`,
    { painNrs: 3 },
    { 'if-match': String(amended.headers.etag) },
  );
  await ok(rig, 'clinician', 'POST', `/api/notes/${amendmentId}/sign`, undefined, {
    'if-match': String(draft.headers.etag),
  });
  await ok(rig, 'clinician', 'POST', `/api/patients/${patientId}/allergies`, {
    substance: { kind: 'text', text: 'Elastoplast' },
    type: 'intolerance',
  });
  return { patientId, visitId, noteId, amendmentId };
}

/** The history, made once per rig. */
export function fullHistory(rig: ClinicRig): Promise<FullHistory> {
  let history = made.get(rig);
  if (!history) {
    history = document(rig);
    made.set(rig, history);
  }
  return history;
}

/** The patient's $everything Bundle, as a clinician reads it. */
export async function everythingOf(rig: ClinicRig, patientId: string): Promise<Bundle> {
  const r = await ok(rig, 'clinician', 'GET', `/fhir/R4/Patient/${patientId}/$everything`);
  return r.json<Bundle>();
}
