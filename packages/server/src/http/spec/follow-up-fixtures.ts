// A signed visit of the patient with nothing critical (upper trapezius, lidocaine) and its follow-up
// links' tokens, read from the twin (the tokens are never stored: the store derives them).
import { expect } from 'vitest';
import { CLEAN_ID, type ClinicRig } from './clinic-app.js';
import { completeNote } from './procedure-fixtures.js';
import { PLAN_BODY, SCREEN_OF_PLAN } from './route-matrix.js';
import { CLINIC } from './test-app.js';

export interface SignedVisit {
  readonly visitId: string;
  readonly noteId: string;
  readonly links: readonly { readonly id: string; readonly pointId: string; readonly token: string }[];
}

export async function signedVisit(rig: ClinicRig, patientId = CLEAN_ID): Promise<SignedVisit> {
  const visit = await rig.call('clinician', 'POST', `/api/patients/${patientId}/visits`);
  const visitId = visit.json<{ id: string }>().id;
  await rig.call('clinician', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
  await rig.call('clinician', 'POST', `/api/visits/${visitId}/screens`, SCREEN_OF_PLAN);
  const note = await rig.call('clinician', 'POST', `/api/visits/${visitId}/note`);
  const noteId = note.json<{ id: string }>().id;
  const etag = await completeNote(rig, visitId, `/api/notes/${noteId}`);
  const signed = await rig.call('clinician', 'POST', `/api/notes/${noteId}/sign`, undefined, { 'if-match': etag });
  expect(signed.statusCode, signed.body).toBe(200);
  const links = await rig.repos.inClinic(CLINIC, async (r) =>
    (await r.followUps.ofVisit(visitId)).map((l) => ({
      id: l.id,
      pointId: l.pointId,
      token: r.followUps.tokenOf(l.id),
    })),
  );
  return { visitId, noteId, links };
}
