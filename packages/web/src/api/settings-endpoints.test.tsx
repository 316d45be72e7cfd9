// @vitest-environment jsdom
// The settings screens' endpoints hand a session that ended mid-work to the session's sign-in (a
// renewing read of the clinic's settings through the shared endpoints), then retry the change with
// the new session's CSRF token and the same If-Match.
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { SessionContext, type SessionContextValue } from '../session/session-context';
import { useSettingsApi, type SettingsEndpoints } from './settings-endpoints';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

it('retries a change after signing in again, with the new CSRF token', async () => {
  const sent: { csrf: string | null; ifMatch: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      sent.push({ csrf: headers.get('x-csrf-token'), ifMatch: headers.get('if-match') });
      const body =
        sent.length === 1
          ? { status: 401, code: 'session-expired', title: 'Unauthorized', detail: 'the session expired' }
          : { settingsVersion: 4, minutes: 45 };
      return Promise.resolve(new Response(JSON.stringify(body), { status: sent.length === 1 ? 401 : 200 }));
    }),
  );
  const readClinicSettings = vi.fn(() => Promise.resolve({}));
  const session = {
    session: { user: { id: 'a', role: 'clinic-admin' }, csrfToken: 'old' },
    api: { readClinicSettings, readSession: () => Promise.resolve({ csrfToken: 'new' }) },
  } as unknown as SessionContextValue;
  let api: SettingsEndpoints | undefined;
  function Probe() {
    api = useSettingsApi();
    return null;
  }
  render(
    <SessionContext.Provider value={session}>
      <Probe />
    </SessionContext.Provider>,
  );
  await waitFor(() => expect(api).toBeDefined());
  const saved = await api?.changeObservationTime(45, undefined, 3);
  expect(saved?.settingsVersion).toBe(4);
  expect(readClinicSettings).toHaveBeenCalledTimes(1);
  expect(sent).toEqual([
    { csrf: 'old', ifMatch: '"3"' },
    { csrf: 'new', ifMatch: '"3"' },
  ]);
});
