// @vitest-environment jsdom
// Anyone but a clinic admin who opens the settings' address is told they are for clinic admins,
// and nothing is asked of the server.
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, expect, it, vi } from 'vitest';
import { SessionContext, type SessionContextValue } from '../session/session-context';
import { SettingsPage } from './SettingsPage';

afterEach(cleanup);

it('tells a clinician the settings are for clinic admins only', () => {
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  const session = {
    session: { user: { id: 'c', displayName: 'Dr Demo Clinician', role: 'clinician' }, csrfToken: 'x' },
    api: {},
    now: () => new Date('2026-11-27T10:00:00Z'),
  } as unknown as SessionContextValue;
  render(
    <MemoryRouter initialEntries={['/settings/users']}>
      <SessionContext.Provider value={session}>
        <SettingsPage />
      </SessionContext.Provider>
    </MemoryRouter>,
  );
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Clinic settings');
  expect(screen.getByRole('note', { name: 'Clinic admins only' }).textContent).toContain(
    'Clinic settings are for clinic admins only',
  );
  expect(screen.queryByRole('list', { name: 'The clinic’s users' })).toBeNull();
  expect(fetchSpy).not.toHaveBeenCalled();
  fetchSpy.mockRestore();
});
