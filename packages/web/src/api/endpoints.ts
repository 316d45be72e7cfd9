// The clinic API's routes as typed functions over one ApiClient: what the screens call.
import type { ApiClient, ApiResponse } from './client';
import { icd10cmSearch } from './reference-endpoints';
import type {
  Allergy,
  AllergyInput,
  AllergyReview,
  Administration,
  Chart,
  Condition,
  ConditionInput,
  EarlierAdministrationInput,
  Medicine,
  MedicineInput,
  Observation,
  ObservationInput,
  Patient,
  PatientInput,
  PatientPage,
  PatientSearch,
  Session,
  SignInInput,
  Visit,
  VisitEnding,
  VisitSummary,
} from './types';

const patient = (id: string) => `/api/patients/${encodeURIComponent(id)}`;
const data = <T>(response: Promise<ApiResponse<T>>): Promise<T> => response.then((r) => r.data);

export function endpoints(api: ApiClient) {
  return {
    // Session: 401s here are answers, not a session to renew.
    readSession: () => data(api.request<Session>('GET', '/api/session', { renewSession: false })),
    signIn: (input: SignInInput) =>
      data(api.request<Session>('POST', '/api/session', { body: input, renewSession: false })),
    signOut: () => api.request<undefined>('DELETE', '/api/session', { renewSession: false }),
    changePassword: (currentPassword: string, newPassword: string) =>
      data(api.request<unknown>('POST', '/api/account/password', { body: { currentPassword, newPassword } })),

    searchPatients: (search: PatientSearch) =>
      data(api.request<PatientPage>('GET', '/api/patients', { query: { ...search } })),
    createPatient: (input: PatientInput) => api.request<Patient>('POST', '/api/patients', { body: input }),
    readPatient: (id: string) => api.request<Patient>('GET', patient(id)),
    /** Replaces a patient's details, from the revision read (412 when someone saved in between). */
    updatePatient: (id: string, input: PatientInput, revision: number) =>
      data(api.request<Patient>('PUT', patient(id), { body: input, ifMatch: `"${revision}"` })),
    readChart: (id: string) => data(api.request<Chart>('GET', `${patient(id)}/chart`)),
    searchIcd10cm: icd10cmSearch(api),

    addCondition: (id: string, input: ConditionInput) =>
      data(api.request<Condition>('POST', `${patient(id)}/conditions`, { body: input })),
    addAllergy: (id: string, input: AllergyInput) =>
      data(api.request<Allergy>('POST', `${patient(id)}/allergies`, { body: input })),
    addMedicine: (id: string, input: MedicineInput) =>
      data(api.request<Medicine>('POST', `${patient(id)}/medicines`, { body: input })),
    addObservation: (id: string, input: ObservationInput) =>
      data(api.request<Observation>('POST', `${patient(id)}/observations`, { body: input })),
    addEarlierAdministration: (id: string, input: EarlierAdministrationInput) =>
      data(api.request<Administration>('POST', `${patient(id)}/earlier-administrations`, { body: input })),
    /** Marks an entry entered in error (the row is kept; the reason is audited); needs the entry's revision. */
    enterInError: (id: string, segment: RecordSegment, entryId: string, revision: number, reason?: string) =>
      api.request<unknown>('DELETE', `${patient(id)}/${segment}/${encodeURIComponent(entryId)}`, {
        ifMatch: `"${revision}"`,
        ...(reason ? { body: { reason } } : {}),
      }),
    reviewAllergies: (id: string, noKnownAllergies: boolean) =>
      data(api.request<AllergyReview>('POST', `${patient(id)}/allergies/reviewed`, { body: { noKnownAllergies } })),
    reconcileMedicines: (id: string) =>
      data(
        api.request<{ medicationsReconciledAt: string; medicationsReconciledBy: string }>(
          'POST',
          `${patient(id)}/medicines/reconciled`,
        ),
      ),

    /** Every current clinic setting (any role); also the renewing read of the settings screens. */
    readClinicSettings: () => data(api.request<unknown>('GET', '/api/settings')),

    startVisit: (id: string) => data(api.request<Visit>('POST', `${patient(id)}/visits`)),
    readVisit: (visitId: string) => data(api.request<Visit>('GET', `/api/visits/${encodeURIComponent(visitId)}`)),
    listVisits: (id: string) => data(api.request<{ items: VisitSummary[] }>('GET', `${patient(id)}/visits`)),
    endVisit: (visit: Pick<Visit, 'id' | 'revision'>, ending: VisitEnding) =>
      data(
        api.request<Visit>('POST', `/api/visits/${encodeURIComponent(visit.id)}/end`, {
          body: ending,
          ifMatch: `"${visit.revision}"`,
        }),
      ),
  };
}

export type RecordSegment = 'conditions' | 'allergies' | 'medicines' | 'observations' | 'earlier-administrations';
export type Endpoints = ReturnType<typeof endpoints>;
