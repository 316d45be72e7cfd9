// The visit-planning routes (indication and baseline, plan, dose meter, screen of the saved plan,
// overrides) as typed functions over an ApiClient, and the hook that gives the steps one.
//
// The session shares its endpoints, not its ApiClient, so the hook builds a client with the same
// behaviour: the session's CSRF token on writes, and a session that ends in the middle of work
// handed to the session's sign-in dialog (by a renewing read through the shared endpoints), after
// which the request is retried with the new session's token.
import { useEffect, useMemo, useRef } from 'react';
import { useSession } from '../session/session-context';
import { createApiClient, type ApiClient, type ApiResponse } from './client';
import type {
  Baseline,
  BaselineInput,
  DoseCheck,
  Override,
  OverrideInput,
  Plan,
  PlanInput,
  PlannedProduct,
  ScreenResult,
} from './visit-planning-types';

const visit = (id: string) => `/api/visits/${encodeURIComponent(id)}`;
const data = <T>(response: Promise<ApiResponse<T>>): Promise<T> => response.then((r) => r.data);
/** The ETag of a revision; undefined: the first version (If-None-Match: *). */
const version = (revision: number | undefined) =>
  revision === undefined ? { ifNoneMatch: '*' } : { ifMatch: `"${revision}"` };

export function visitPlanningEndpoints(api: ApiClient) {
  return {
    /** The visit's baseline; 404 (not-found) until it is recorded. */
    readBaseline: (visitId: string) => data(api.request<Baseline>('GET', `${visit(visitId)}/baseline`)),
    /** Records the first baseline (no revision) or changes the one at `revision`. */
    saveBaseline: (visitId: string, input: BaselineInput, revision: number | undefined) =>
      data(api.request<Baseline>('PUT', `${visit(visitId)}/baseline`, { body: input, ...version(revision) })),

    /** The visit's plan; 404 (not-found) until it is saved. */
    readPlan: (visitId: string) => data(api.request<Plan>('GET', `${visit(visitId)}/plan`)),
    savePlan: (visitId: string, input: PlanInput, revision: number | undefined, signal?: AbortSignal) =>
      data(
        api.request<Plan>('PUT', `${visit(visitId)}/plan`, {
          body: input,
          ...version(revision),
          ...(signal ? { signal } : {}),
        }),
      ),
    /** Saves the plan and screens the saved revision in one request (PUT .../plan/screened). */
    saveAndScreenPlan: (visitId: string, input: PlanInput, revision: number | undefined, signal?: AbortSignal) =>
      data(
        api.request<{ readonly plan: Plan; readonly screen: ScreenResult }>('PUT', `${visit(visitId)}/plan/screened`, {
          body: input,
          ...version(revision),
          ...(signal ? { signal } : {}),
        }),
      ),
    /** The dose meter for products not saved yet. */
    checkDose: (visitId: string, products: readonly PlannedProduct[], signal?: AbortSignal) =>
      data(
        api.request<DoseCheck>('POST', `${visit(visitId)}/dose`, {
          body: { products },
          ...(signal ? { signal } : {}),
        }),
      ),
    /** Screens the saved plan: that plan revision's screen. */
    screenPlan: (visitId: string, signal?: AbortSignal) =>
      data(api.request<ScreenResult>('POST', `${visit(visitId)}/plan/screen`, signal ? { signal } : {})),
    /** A stored screen with the overrides recorded on it (after a reload, instead of screening again). */
    readScreen: (screenId: string) =>
      data(
        api.request<ScreenResult & { readonly overrides: readonly Override[] }>(
          'GET',
          `/api/screens/${encodeURIComponent(screenId)}`,
        ),
      ),
    overrideCard: (screenId: string, input: OverrideInput) =>
      data(api.request<Override>('POST', `/api/screens/${encodeURIComponent(screenId)}/overrides`, { body: input })),
  };
}

export type VisitPlanningEndpoints = ReturnType<typeof visitPlanningEndpoints>;

/** The visit-planning endpoints for the signed-in session. */
export function useVisitPlanningApi(visitId: string): VisitPlanningEndpoints {
  const { session, api } = useSession();
  const csrf = useRef(session.csrfToken);
  useEffect(() => {
    csrf.current = session.csrfToken;
  }, [session.csrfToken]);
  return useMemo(
    () =>
      visitPlanningEndpoints(
        // eslint-disable-next-line react-hooks/refs -- read when a request is sent, not during render
        createApiClient({
          csrfToken: () => csrf.current,
          renewSession: async () => {
            // A renewing read opens the session's sign-in dialog and resolves once signed in again.
            await api.readVisit(visitId);
            csrf.current = (await api.readSession()).csrfToken;
          },
        }),
      ),
    [api, visitId],
  );
}
