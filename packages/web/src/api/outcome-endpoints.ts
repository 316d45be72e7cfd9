// Issue 6's clinic routes (tasks, a patient's outcomes, the dashboard) as typed functions over an
// ApiClient, and the hook that gives the screens one with the session's CSRF token and renewal.
import { useEffect, useMemo, useRef } from 'react';
import { useSession } from '../session/session-context';
import { createApiClient, type ApiClient, type ApiResponse } from './client';
import type { ClinicTask, Dashboard, DashboardFilters, PatientOutcomes } from './outcome-types';

const data = <T>(response: Promise<ApiResponse<T>>): Promise<T> => response.then((r) => r.data);

/** The CSV export's address for these filters (a plain link: the browser downloads it with the cookie). */
export function dashboardCsvHref(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  const query = params.toString();
  return `/api/dashboard/outcomes.csv${query ? `?${query}` : ''}`;
}

export function outcomeEndpoints(api: ApiClient) {
  return {
    /** Open tasks; a poll, so an ended session is an answer here, not a sign-in dialog every 30 s. */
    openTasks: (signal?: AbortSignal) =>
      data(
        api.request<{ tasks: ClinicTask[] }>('GET', '/api/tasks', {
          query: { status: 'open' },
          renewSession: false,
          ...(signal ? { signal } : {}),
        }),
      ),
    changeTask: (task: ClinicTask, verb: 'acknowledge' | 'resolve') =>
      data(
        api.request<ClinicTask>('POST', `/api/tasks/${encodeURIComponent(task.id)}/${verb}`, { ifMatch: task.etag }),
      ),
    patientOutcomes: (patientId: string) =>
      data(api.request<PatientOutcomes>('GET', `/api/patients/${encodeURIComponent(patientId)}/outcomes`)),
    dashboard: (filters: DashboardFilters) =>
      data(api.request<Dashboard>('GET', '/api/dashboard/outcomes', { query: { ...filters } })),
  };
}

export type OutcomeEndpoints = ReturnType<typeof outcomeEndpoints>;

export function useOutcomeApi(): OutcomeEndpoints {
  const { session, api } = useSession();
  const csrf = useRef(session.csrfToken);
  useEffect(() => {
    csrf.current = session.csrfToken;
  }, [session.csrfToken]);
  return useMemo(
    () =>
      outcomeEndpoints(
        // eslint-disable-next-line react-hooks/refs -- read when a request is sent, not during render
        createApiClient({
          csrfToken: () => csrf.current,
          renewSession: async () => {
            // A renewing read opens the session's sign-in dialog and resolves once signed in again.
            await api.searchPatients({ limit: 1 });
            csrf.current = (await api.readSession()).csrfToken;
          },
        }),
      ),
    [api],
  );
}
