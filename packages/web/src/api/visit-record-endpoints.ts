// The visit record's routes (consent, procedure note, LAST checklist, coding, signing, discharge)
// as typed functions over an ApiClient, and the hook that gives the screens one.
//
// The session shares its endpoints, not its ApiClient, so the hook builds a client (the same
// createApiClient) that behaves as the session's does.
import { useEffect, useMemo, useState } from 'react';
import type { Endpoints } from './endpoints';
import { useSession } from '../session/session-context';
import { createApiClient, type ApiClient, type ApiResponse } from './client';
import type {
  ComplicationType,
  Consent,
  ConsentFormForPlan,
  ConsentSignature,
  DischargeSheet,
  LastChecklist,
  NoteChange,
  NoteCoding,
  ProcedureNote,
} from './visit-record-types';

const visit = (id: string) => `/api/visits/${encodeURIComponent(id)}`;
const note = (id: string) => `/api/notes/${encodeURIComponent(id)}`;
const data = <T>(response: Promise<ApiResponse<T>>): Promise<T> => response.then((r) => r.data);
const etag = (revision: number) => `"${revision}"`;

export function visitRecordEndpoints(api: ApiClient) {
  return {
    readConsentForm: (visitId: string) =>
      data(api.request<ConsentFormForPlan>('GET', `${visit(visitId)}/consent-form`)),
    listConsents: (visitId: string) =>
      data(api.request<{ items: readonly Consent[] }>('GET', `${visit(visitId)}/consents`)).then((r) => r.items),
    signConsent: (visitId: string, signature: ConsentSignature) =>
      data(api.request<Consent>('POST', `${visit(visitId)}/consents`, { body: signature })),

    startNote: (visitId: string) => data(api.request<ProcedureNote>('POST', `${visit(visitId)}/note`)),
    listNotes: (visitId: string) =>
      data(api.request<{ items: readonly ProcedureNote[] }>('GET', `${visit(visitId)}/notes`)).then((r) => r.items),
    editNote: (id: string, revision: number, change: NoteChange) =>
      data(api.request<ProcedureNote>('PUT', note(id), { body: change, ifMatch: etag(revision) })),
    signNote: (id: string, revision: number) =>
      data(api.request<ProcedureNote>('POST', `${note(id)}/sign`, { ifMatch: etag(revision) })),
    amendNote: (id: string, reason: string) =>
      data(api.request<ProcedureNote>('POST', `${note(id)}/amendments`, { body: { reason } })),
    readCoding: (id: string) => data(api.request<NoteCoding>('GET', `${note(id)}/coding`)),
    complicationTypes: () =>
      data(api.request<{ items: readonly ComplicationType[] }>('GET', '/api/reference/complication-types')).then(
        (r) => r.items,
      ),

    readLastChecklist: (visitId: string) => data(api.request<LastChecklist>('GET', `${visit(visitId)}/last-checklist`)),
    readDischarge: (visitId: string) => data(api.request<DischargeSheet>('GET', `${visit(visitId)}/discharge`)),
  };
}

export type VisitRecordEndpoints = ReturnType<typeof visitRecordEndpoints>;

/** Links to the printable documents (opened by the browser, with the session cookie). */
export const pdfLinks = {
  consent: (visitId: string, consentId: string) => `${visit(visitId)}/consents/${encodeURIComponent(consentId)}/pdf`,
  note: (noteId: string) => `${note(noteId)}/pdf`,
  discharge: (visitId: string) => `${visit(visitId)}/discharge/pdf`,
};

/**
 * Endpoints whose client sends the session's CSRF token and hands an ended session to the
 * session's own sign-in dialog: a renewing read through the shared endpoints opens it and resolves
 * once signed in again; the new session's token is then read for the retry.
 */
function boundEndpoints(shared: Endpoints, visitId: string, initialCsrf: string) {
  let csrf = initialCsrf;
  const endpoints = visitRecordEndpoints(
    createApiClient({
      csrfToken: () => csrf,
      renewSession: async () => {
        await shared.readVisit(visitId);
        csrf = (await shared.readSession()).csrfToken;
      },
    }),
  );
  return {
    endpoints,
    setCsrf: (token: string) => {
      csrf = token;
    },
  };
}

/** The visit record's endpoints for the signed-in session. */
export function useVisitRecordApi(visitId: string): VisitRecordEndpoints {
  const { session, api } = useSession();
  const [initialCsrf] = useState(session.csrfToken);
  const bound = useMemo(() => boundEndpoints(api, visitId, initialCsrf), [api, visitId, initialCsrf]);
  useEffect(() => bound.setCsrf(session.csrfToken), [bound, session.csrfToken]);
  return bound.endpoints;
}
