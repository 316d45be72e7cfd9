// @vitest-environment jsdom
// The users: listed with role and status; the admin's own account offers no deactivation; a
// deactivation asks first and can be cancelled; a reset shows the temporary password once; a new
// user is sent with a role and a temporary password.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClinicUser } from '../api/settings-endpoints';
import { ADMIN, fakeServer, renderSection } from './test-api';
import { temporaryPassword, UsersSection } from './UsersSection';

// jsdom has no modal dialogs: open and close set the attribute as the browser does.
HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
  this.removeAttribute('open');
};

afterEach(cleanup);

const NURSE: ClinicUser = {
  id: 'u-nurse',
  email: 'nina@clinic.test',
  displayName: 'Nina Nurse',
  role: 'nurse',
  active: true,
  locked: false,
  totp: 'off',
  mustChangePassword: false,
};

function server() {
  let users: ClinicUser[] = [ADMIN, NURSE];
  const set = (id: string, patch: Partial<ClinicUser>) => {
    users = users.map((u) => (u.id === id ? { ...u, ...patch } : u));
    return users.find((u) => u.id === id);
  };
  return fakeServer({
    'GET /api/users': () => ({ body: { items: users } }),
    'POST /api/users/u-nurse/deactivate': () => ({ body: set('u-nurse', { active: false }) }),
    'POST /api/users/u-nurse/reset-password': () => ({
      body: { user: set('u-nurse', { mustChangePassword: true }), temporaryPassword: 'abcd-efgh-jkmn-pqrs' },
    }),
    'POST /api/users': (r) => {
      const body = r.body as { email: string; displayName: string; role: ClinicUser['role'] };
      const user: ClinicUser = { ...NURSE, ...body, id: 'u-new', mustChangePassword: true };
      users = [...users, user];
      return { status: 201, body: user };
    },
  });
}

/** A user's entry in the list. */
const row = (name: RegExp) => {
  const item = within(screen.getByRole('list', { name: 'The clinic’s users' }))
    .getAllByRole('listitem')
    .find((li) => name.test(li.textContent ?? ''));
  if (!item) throw new Error(`no user ${String(name)}`);
  return item;
};

describe('the users', () => {
  it('lists each user with role and status, and offers no deactivation of oneself', async () => {
    const { api } = server();
    renderSection(api, <UsersSection />);
    await screen.findByText('Nina Nurse', { selector: '.entry-title' });
    expect(row(/Nina Nurse/).textContent).toContain('nina@clinic.test');
    expect(row(/Nina Nurse/).textContent).toContain('Nurse');
    expect(row(/Nina Nurse/).textContent).toContain('Active');
    expect(within(row(/Ada Admin/)).queryByRole('button', { name: /Deactivate/ })).toBeNull();
    expect(within(row(/Ada Admin/)).getByText('you')).toBeTruthy();
  });

  it('asks before deactivating, can be cancelled, then deactivates', async () => {
    const { api, sent } = server();
    renderSection(api, <UsersSection />);
    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate Nina Nurse' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Nina Nurse?' });
    expect(dialog.textContent).toContain('any session they have open ends at once');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Deactivate Nina Nurse' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Deactivate' }));
    await screen.findByText('Nina Nurse is deactivated.');
    expect(row(/Nina Nurse/).textContent).toContain('Deactivated');
    expect(within(row(/Nina Nurse/)).getByRole('button', { name: 'Reactivate Nina Nurse' })).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/users/u-nurse/deactivate']);
  });

  it('shows a reset password once', async () => {
    const { api } = server();
    renderSection(api, <UsersSection />);
    await userEvent.click(await screen.findByRole('button', { name: 'Reset password of Nina Nurse' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Reset password' }));
    expect((await screen.findByTestId('temporary-password')).textContent).toBe('abcd-efgh-jkmn-pqrs');
    await waitFor(() => expect(row(/Nina Nurse/).textContent).toContain('Must change password'));
  });

  it('adds a user with a role and a temporary password', async () => {
    const { api, sent } = server();
    renderSection(api, <UsersSection />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add user' }));
    const form = screen.getByRole('form', { name: 'Add user' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Sam Locum');
    await userEvent.type(within(form).getByLabelText('Email'), 'sam@clinic.test');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'clinician');
    await userEvent.click(within(form).getByRole('button', { name: 'Make one up' }));
    const password = within(form).getByLabelText<HTMLInputElement>('Temporary password').value;
    await userEvent.click(within(form).getByRole('button', { name: 'Add user' }));
    await screen.findByText('Sam Locum', { selector: '.entry-title' });
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      displayName: 'Sam Locum',
      email: 'sam@clinic.test',
      role: 'clinician',
      password,
      mustChangePassword: true,
    });
  });

  it('makes up temporary passwords long enough for the server, without look-alike characters', () => {
    const password = temporaryPassword();
    expect(password).toMatch(/^[a-hj-km-np-z2-9]{4}(-[a-hj-km-np-z2-9]{4}){3}$/);
    expect(password.length).toBeGreaterThanOrEqual(12);
  });
});
