// For the settings sections' component tests: the real endpoints and ApiClient over a fetch that
// answers each route from the test's handlers (as the server would: JSON bodies, ETags, problem+json),
// recording every request so a test can check what was sent (method, path, If-Match, body).
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createApiClient } from '../api/client';
import type { ProblemBody } from '../api/problem';
import { settingsEndpoints } from '../api/settings-endpoints';
import { SettingsProvider } from './SettingsProvider';

export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly ifMatch: string | null;
  readonly body: unknown;
}

export type Answer = { status?: number; body: unknown; etag?: string } | { problem: ProblemBody };
export type Handler = (request: SentRequest) => Answer;

export function fakeServer(routes: Record<string, Handler>) {
  const sent: SentRequest[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://localhost',
    );
    const headers = new Headers(init?.headers);
    const request: SentRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      ifMatch: headers.get('if-match'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(request);
    const handler = routes[`${request.method} ${request.path}`];
    if (!handler) throw new Error(`no handler for ${request.method} ${request.path}`);
    const answer = handler(request);
    if ('problem' in answer) {
      return Promise.resolve(
        new Response(JSON.stringify(answer.problem), {
          status: answer.problem.status,
          headers: { 'content-type': 'application/problem+json' },
        }),
      );
    }
    return Promise.resolve(
      new Response(JSON.stringify(answer.body), {
        status: answer.status ?? 200,
        headers: { 'content-type': 'application/json', ...(answer.etag ? { etag: answer.etag } : {}) },
      }),
    );
  };
  const api = settingsEndpoints(
    createApiClient(
      { csrfToken: () => 'csrf', renewSession: () => Promise.reject(new Error('no renewal')) },
      fetchImpl,
    ),
  );
  return { api, sent };
}

export const ADMIN = {
  id: 'u-admin',
  email: 'admin@clinic.test',
  displayName: 'Ada Admin',
  role: 'clinic-admin',
  active: true,
  locked: false,
  totp: 'off',
  mustChangePassword: false,
} as const;

export function renderSection(api: ReturnType<typeof fakeServer>['api'], section: ReactNode) {
  return render(
    <SettingsProvider api={api} selfId={ADMIN.id}>
      {section}
    </SettingsProvider>,
  );
}

export const stale = (detail: string): Answer => ({
  problem: { status: 412, code: 'precondition-failed', title: 'Precondition failed', detail },
});

export const invalid = (errors: { path: string; message: string }[]): Answer => ({
  problem: {
    status: 400,
    code: 'validation-failed',
    title: 'The request does not match its schema',
    detail: `${errors.length} problem(s)`,
    errors,
  },
});
