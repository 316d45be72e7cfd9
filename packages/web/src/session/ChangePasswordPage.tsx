// A clinic admin reset this account's password: the server refuses everything else until the
// user chooses a new one (403 password-change-required), so that is all this page offers.
import { useId, useState, type FormEvent } from 'react';
import type { SessionUser } from '../api/types';
import { AsOfBanner } from '../layout/AsOfBanner';
import { Logo } from '../layout/Logo';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useSubmit } from '../ui/use-submit';

export interface ChangePasswordPageProps {
  readonly user: SessionUser;
  readonly asOf: string | null;
  readonly changePassword: (currentPassword: string, newPassword: string) => Promise<unknown>;
  readonly onChanged: () => void;
  readonly onSignOut: () => void;
}

export function ChangePasswordPage({ user, asOf, changePassword, onChanged, onSignOut }: ChangePasswordPageProps) {
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { problem, busy, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(() => changePassword(current, next))) onChanged();
  }

  const ids = { currentPassword: `${id}-current`, newPassword: `${id}-new` };
  return (
    <div className="signin-page">
      <AsOfBanner asOf={asOf} />
      <main className="signin-main" id="main">
        <div className="signin-panel">
          <Logo />
          <h1 className="signin-title">Choose a new password</h1>
          <p className="signin-lead">
            {user.displayName}, your password was reset by a clinic admin. Choose your own before you carry on.
          </p>
          <form className="form" onSubmit={(e) => void submit(e)} noValidate>
            <ProblemAlert problem={problem} fields={ids} />
            <TextField
              id={ids.currentPassword}
              label="Current (temporary) password"
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              errors={problem?.issuesAt('currentPassword')}
            />
            <TextField
              id={ids.newPassword}
              label="New password"
              type="password"
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
              errors={problem?.issuesAt('newPassword')}
            />
            <Button type="submit" variant="primary" busy={busy} className="btn-block">
              Change password
            </Button>
          </form>
          <Button variant="ghost" onClick={onSignOut}>
            Sign out
          </Button>
        </div>
      </main>
    </div>
  );
}
