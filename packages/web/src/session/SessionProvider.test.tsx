// @vitest-environment jsdom
// The session ends in the middle of work: a sign-in dialog over the page (which keeps what was
// typed), and the request that failed retried with the new session's CSRF token.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../api/types';
import { SessionProvider } from './SessionProvider';
import { useSession } from './session-context';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const session = (csrfToken: string): Session => ({
  user: { id: 'u1', displayName: 'Dr Demo Clinician', role: 'clinician', clinicId: 'c', mustChangePassword: false },
  csrfToken,
  expiresAt: '2026-11-28T10:00:00Z',
  idleTimeoutSeconds: 1800,
});

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function Typing() {
  const { api } = useSession();
  const [text, setText] = useState('');
  const [saved, setSaved] = useState('');
  return (
    <>
      <label>
        Description
        <input value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button
        type="button"
        onClick={() => void api.addCondition('p1', { icd10: 'M54.2', display: text }).then((c) => setSaved(c.display))}
      >
        Save
      </button>
      {saved && <p>Saved: {saved}</p>}
    </>
  );
}

describe('the session provider', () => {
  it('renews an ended session over the page and retries the write', async () => {
    const sent: { method: string; url: string; csrf: string | undefined }[] = [];
    let conditionCalls = 0;
    const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : input.toString();
      const method = init?.method ?? 'GET';
      const headers = (init?.headers ?? {}) as Record<string, string>;
      sent.push({ method, url, csrf: headers['x-csrf-token'] });
      if (url === '/api/session' && method === 'GET') return Promise.resolve(answer(200, session('old')));
      if (url === '/api/session' && method === 'POST') return Promise.resolve(answer(200, session('new')));
      conditionCalls += 1;
      return Promise.resolve(
        conditionCalls === 1
          ? answer(401, { status: 401, code: 'session-expired', title: 'Session expired', detail: 'sign in again' })
          : answer(201, { id: 'c1', display: 'Neck pain', icd10: 'M54.2' }),
      );
    });
    vi.stubGlobal('fetch', fetchMock);

    render(
      <SessionProvider>
        <Typing />
      </SessionProvider>,
    );
    fireEvent.change(await screen.findByLabelText('Description'), { target: { value: 'Neck pain' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByRole('heading', { name: 'Your session has ended' });
    expect(screen.getByLabelText<HTMLInputElement>('Description').value).toBe('Neck pain');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'clinician@demo.knotwork.dev' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'knotwork-demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in and carry on' }));

    await screen.findByText('Saved: Neck pain');
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Your session has ended' })).toBeNull());
    const writes = sent.filter((s) => s.url === '/api/patients/p1/conditions');
    expect(writes.map((w) => w.csrf)).toEqual(['old', 'new']);
  });
});
