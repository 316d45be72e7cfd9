// Tests' support for the visit record's screens: a signed-in session around a screen, and fetch
// answering by method and path (the screens build their client on the global fetch).
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import type { Chart, Role, Visit } from '../../api/types';
import { SessionContext, type SessionContextValue } from '../../session/session-context';

export const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const problem = (status: number, code: string, detail: string, errors: unknown[] = []) =>
  answer(status, { title: 'Refused', status, code, detail, errors });

export type Route = (init: RequestInit & { url: string }) => Response | Promise<Response>;

/** Stubs fetch with `routes` by "METHOD /path"; records every call. */
export function stubFetch(routes: Record<string, Route>) {
  const calls: { method: string; url: string; body: unknown; headers: Record<string, string> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ method, url, body, headers: (init.headers ?? {}) as Record<string, string> });
      const route = routes[`${method} ${url}`];
      if (!route) return Promise.resolve(problem(404, 'not-found', `no route ${method} ${url}`));
      return Promise.resolve(route({ ...init, url }));
    }),
  );
  return calls;
}

export const VISIT: Visit = {
  id: 'v1',
  patientId: 'p1',
  startedAt: '2026-11-27T09:00:00Z',
  startedBy: 'u1',
  status: 'in-progress',
  endedAt: null,
  endReason: null,
  revision: 1,
};

export const CHART: Chart = {
  patient: { id: 'p1', identifiers: [], family: 'Okafor', given: ['Ada'] },
  allergiesReviewedAt: null,
  medicationsReconciledAt: null,
  conditions: [],
  allergies: [],
  medicines: [],
  observations: [],
  administrations: [],
};

export function withSession(children: ReactNode, role: Role = 'clinician') {
  const value = {
    session: {
      user: { id: 'u1', displayName: 'Dr Demo', role, clinicId: 'c', mustChangePassword: false },
      csrfToken: 'csrf-1',
      expiresAt: '2026-11-28T10:00:00Z',
      idleTimeoutSeconds: 1800,
    },
    api: {},
    asOf: '2026-11-27T10:00:00Z',
    now: () => new Date('2026-11-27T10:00:00Z'),
    signOut: () => Promise.resolve(),
  } as unknown as SessionContextValue;
  return (
    <SessionContext.Provider value={value}>
      <MemoryRouter>{children}</MemoryRouter>
    </SessionContext.Provider>
  );
}
