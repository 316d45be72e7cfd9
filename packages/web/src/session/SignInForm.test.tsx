// @vitest-environment jsdom
// Sign-in: the server's refusal shown as it said it; the six-digit code asked only when the
// account has a second factor (totp-required), then sent with the password.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../api/problem';
import type { Session, SignInInput } from '../api/types';
import { SignInForm } from './SignInForm';

afterEach(cleanup);

const session: Session = {
  user: { id: 'u', displayName: 'Dr Demo', role: 'clinician', clinicId: 'c', mustChangePassword: false },
  csrfToken: 't',
  expiresAt: '2026-11-28T10:00:00Z',
  idleTimeoutSeconds: 1800,
};

const refusal = (code: string, detail: string) => new ApiProblem({ status: 401, code, title: 'Unauthorized', detail });

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('the sign-in form', () => {
  it('shows a refusal with the server’s detail', async () => {
    const signIn = vi.fn(() => Promise.reject(refusal('invalid-credentials', 'the email or the password is wrong')));
    render(<SignInForm signIn={signIn} onSignedIn={vi.fn()} />);
    fill('Email', 'clinician@demo.knotwork.dev');
    fill('Password', 'nope');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('the email or the password is wrong');
  });

  it('asks for the code when the account has a second factor, then sends it', async () => {
    const signIn = vi.fn((input: SignInInput) =>
      input.totp ? Promise.resolve(session) : Promise.reject(refusal('totp-required', 'send the code')),
    );
    const onSignedIn = vi.fn();
    render(<SignInForm signIn={signIn} onSignedIn={onSignedIn} />);
    expect(screen.queryByLabelText(/Six-digit code/)).toBeNull();
    fill('Email', 'a@b.c');
    fill('Password', 'secret');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const code = await screen.findByLabelText(/Six-digit code/);
    fireEvent.change(code, { target: { value: '12 34 56' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session));
    expect(signIn).toHaveBeenLastCalledWith({ email: 'a@b.c', password: 'secret', totp: '123456' });
  });
});
