// The clinic's accounts: name, email, role and whether each is active (and locked, or waiting for a
// new password); adding one with a role and a temporary password; deactivating (their sessions end
// at once), reactivating and resetting a password, each after a confirmation. The server refuses
// an admin's deactivation of their own account (409), so it is not offered for it.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ClinicUser } from '../api/settings-endpoints';
import type { Role } from '../api/types';
import { AddPanel } from '../chart/AddPanel';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useSubmit } from '../ui/use-submit';
import { useSettings } from './settings-context';

export const ROLE_LABEL: Record<Role, string> = {
  clinician: 'Clinician',
  nurse: 'Nurse',
  'clinic-admin': 'Clinic admin',
};
const ROLES = Object.keys(ROLE_LABEL) as Role[];

/** NIST SP 800-63B length rule, as the server checks it. */
export const PASSWORD_MIN = 12;

/** A temporary password to read out or write down: 4 groups of 4 letters and digits, no look-alikes. */
export function temporaryPassword(
  random: (n: number) => Uint32Array = (n) => crypto.getRandomValues(new Uint32Array(n)),
): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const values = random(16);
  const chars = Array.from(values, (v) => alphabet[v % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

type Action = 'deactivate' | 'reactivate' | 'reset-password';

export function UsersSection() {
  const { users, reloadUsers } = useSettings();
  const [announcement, setAnnouncement] = useState('');
  const changed = useCallback(
    async (message: string) => {
      await reloadUsers();
      setAnnouncement(message);
    },
    [reloadUsers],
  );
  // One component for the panel's life: a new one each render would lose what was typed.
  const Form = useMemo(
    () =>
      function AddUser({ done }: { readonly done: () => void }) {
        return <NewUserForm done={done} onAdded={changed} />;
      },
    [changed],
  );
  const list = users.value ?? [];
  return (
    <Card
      title="Users"
      headingId="settings-users"
      status={users.value && <Badge>{list.filter((u) => u.active).length} active</Badge>}
      actions={<AddPanel label="Add user" form={Form} />}
    >
      {users.status === 'failed' && <ProblemAlert problem={users.problem} />}
      {!users.value && users.status === 'loading' && <Loading label="Reading the clinic’s users" />}
      <p className="save-status" role="status">
        {announcement}
      </p>
      {users.value && <UsersTable users={list} onChanged={changed} />}
    </Card>
  );
}

function UsersTable({ users, onChanged }: { users: readonly ClinicUser[]; onChanged: (m: string) => Promise<void> }) {
  const { selfId } = useSettings();
  const [asked, setAsked] = useState<{ action: Action; user: ClinicUser; n: number }>();
  const [open, setOpen] = useState(false);
  const ask = (action: Action, user: ClinicUser) => {
    setAsked((a) => ({ action, user, n: (a?.n ?? 0) + 1 }));
    setOpen(true);
  };
  return (
    <>
      <ul className="entry-list user-list" aria-label="The clinic’s users">
        {users.map((u) => (
          <li key={u.id} className={u.active ? 'entry user-entry' : 'entry user-entry user-inactive'}>
            <div className="user-entry-text">
              <div className="entry-main">
                <span className="entry-title">{u.displayName}</span>
                {u.id === selfId && <Badge tone="info">you</Badge>}
                <Badge tone={u.role === 'clinic-admin' ? 'primary' : 'neutral'}>{ROLE_LABEL[u.role]}</Badge>
                {u.active ? <Badge tone="success">Active</Badge> : <Badge>Deactivated</Badge>}
                {u.locked && <Badge tone="warning">Locked</Badge>}
                {u.mustChangePassword && <Badge tone="warning">Must change password</Badge>}
              </div>
              <div className="entry-meta">
                <span className="user-email">{u.email}</span>
              </div>
            </div>
            <div className="user-actions">
              <Button size="sm" onClick={() => ask('reset-password', u)}>
                Reset password <span className="visually-hidden">of {u.displayName}</span>
              </Button>
              {u.active && u.id !== selfId && (
                <Button size="sm" variant="danger" onClick={() => ask('deactivate', u)}>
                  Deactivate <span className="visually-hidden">{u.displayName}</span>
                </Button>
              )}
              {!u.active && (
                <Button size="sm" onClick={() => ask('reactivate', u)}>
                  Reactivate <span className="visually-hidden">{u.displayName}</span>
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <p className="muted">
        Your own account cannot be deactivated here (the server refuses it): another clinic admin can do that.
      </p>
      {asked && (
        <ConfirmDialog
          key={asked.n}
          action={asked.action}
          user={asked.user}
          open={open}
          onClose={() => setOpen(false)}
          onChanged={onChanged}
        />
      )}
    </>
  );
}

const ASK: Record<Action, { title: (u: ClinicUser) => string; confirm: string; body: (u: ClinicUser) => string }> = {
  deactivate: {
    title: (u) => `Deactivate ${u.displayName}?`,
    confirm: 'Deactivate',
    body: (u) =>
      `${u.displayName} (${u.email}) can no longer sign in, and any session they have open ends at once. Their records stay. You can reactivate the account later.`,
  },
  reactivate: {
    title: (u) => `Reactivate ${u.displayName}?`,
    confirm: 'Reactivate',
    body: (u) => `${u.displayName} (${u.email}) can sign in again with their password; a lockout is cleared.`,
  },
  'reset-password': {
    title: (u) => `Reset the password of ${u.displayName}?`,
    confirm: 'Reset password',
    body: (u) =>
      `Their sessions end, and Knotwork makes a temporary password, shown once here, for you to give ${u.displayName} in person. They must choose a new one at their next sign-in.`,
  },
};

function ConfirmDialog({
  action,
  user,
  open,
  onClose,
  onChanged,
}: {
  action: Action;
  user: ClinicUser;
  open: boolean;
  onClose: () => void;
  onChanged: (message: string) => Promise<void>;
}) {
  const { api } = useSettings();
  const id = useId();
  const { problem, busy, run } = useSubmit();
  const [password, setPassword] = useState<string>();
  const cancel = useRef<HTMLButtonElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  const ask = ASK[action];
  // The safe choice has the focus: Enter on an opened confirmation cancels it.
  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => (password ? done : cancel).current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [open, password]);

  async function confirm() {
    let message = '';
    let temporary: string | undefined;
    const ok = await run(async () => {
      if (action === 'deactivate') {
        await api.deactivateUser(user.id);
        message = `${user.displayName} is deactivated.`;
      } else if (action === 'reactivate') {
        await api.reactivateUser(user.id);
        message = `${user.displayName} is active again.`;
      } else {
        temporary = (await api.resetPassword(user.id)).temporaryPassword;
        message = `The password of ${user.displayName} is reset.`;
      }
    });
    if (!ok) return;
    await onChanged(message);
    if (temporary) setPassword(temporary);
    else onClose();
  }

  return (
    <Dialog
      open={open}
      labelledBy={`${id}-title`}
      title={password ? 'Temporary password' : ask.title(user)}
      description={password ? undefined : ask.body(user)}
      onClose={onClose}
    >
      {password ? (
        <>
          <p>
            Give this password to {user.displayName} in person. It is shown only now; they must change it at their next
            sign-in.
          </p>
          <p className="temporary-password">
            <code data-testid="temporary-password">{password}</code>
          </p>
          <div className="form-actions">
            <Button ref={done} variant="primary" onClick={onClose}>
              Done
            </Button>
          </div>
        </>
      ) : (
        <>
          <ProblemAlert problem={problem} />
          <div className="form-actions">
            <Button variant={action === 'deactivate' ? 'danger' : 'primary'} busy={busy} onClick={() => void confirm()}>
              {ask.confirm}
            </Button>
            <Button ref={cancel} variant="ghost" onClick={onClose}>
              Cancel
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function NewUserForm({ done, onAdded }: { done: () => void; onAdded: (message: string) => Promise<void> }) {
  const { api } = useSettings();
  const id = useId();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('clinician');
  const [password, setPassword] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const { problem, busy, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await run(() =>
      api.createUser({
        displayName: displayName.trim(),
        email: email.trim(),
        role,
        password,
        mustChangePassword: mustChange,
      }),
    );
    if (ok) {
      await onAdded(`${displayName.trim()} added as ${ROLE_LABEL[role].toLowerCase()}.`);
      done();
    }
  }

  const ids = { displayName: `${id}-name`, email: `${id}-email`, role: `${id}-role`, password: `${id}-password` };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add user">
      <ProblemAlert problem={problem} fields={ids} />
      <div className="form-grid">
        <TextField
          id={ids.displayName}
          label="Name"
          hint="As colleagues and the audit log see it"
          autoComplete="off"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          errors={problem?.issuesAt('displayName')}
        />
        <TextField
          id={ids.email}
          label="Email"
          hint="They sign in with it"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={problem?.issuesAt('email')}
        />
        <SelectField
          id={ids.role}
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          errors={problem?.issuesAt('role')}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </SelectField>
        <div className="password-field">
          <TextField
            id={ids.password}
            label="Temporary password"
            hint={`At least ${PASSWORD_MIN} characters; give it to them in person`}
            type="text"
            autoComplete="new-password"
            spellCheck={false}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            errors={problem?.issuesAt('password')}
          />
          <Button size="sm" onClick={() => setPassword(temporaryPassword())}>
            Make one up
          </Button>
        </div>
      </div>
      <label className="settings-choice">
        <input type="checkbox" checked={mustChange} onChange={(e) => setMustChange(e.target.checked)} />
        <span>Ask for a new password at the first sign-in</span>
      </label>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          Add user
        </Button>
        <Button variant="ghost" onClick={done}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
