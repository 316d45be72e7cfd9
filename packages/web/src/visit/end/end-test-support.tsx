// A signed-in session whose API is the given functions (the visit-ending components call endVisit).
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { SessionContext, type SessionContextValue } from '../../session/session-context';

export function withApi(api: Record<string, unknown>, children: ReactNode) {
  const value = {
    session: {
      user: { id: 'u1', displayName: 'Dr Demo', role: 'clinician', clinicId: 'c', mustChangePassword: false },
      csrfToken: 'csrf-1',
      expiresAt: '2026-11-28T10:00:00Z',
      idleTimeoutSeconds: 1800,
    },
    api,
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
