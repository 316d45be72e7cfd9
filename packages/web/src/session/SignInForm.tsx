// Email and password, and the six-digit code when the account has a second factor (the server
// answers totp-required): used by the sign-in page and by the dialog that renews an ended session.
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/problem';
import type { Session, SignInInput } from '../api/types';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { ProblemAlert } from '../ui/ProblemAlert';

export interface SignInFormProps {
  readonly signIn: (input: SignInInput) => Promise<Session>;
  readonly onSignedIn: (session: Session) => void;
  readonly initialEmail?: string;
  readonly submitLabel?: string;
}

export function SignInForm({ signIn, onSignedIn, initialEmail = '', submitLabel = 'Sign in' }: SignInFormProps) {
  const id = useId();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const session = await signIn({ email, password, ...(askTotp && totp ? { totp } : {}) });
      setProblem(undefined);
      onSignedIn(session);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (error.code === 'totp-required') {
        setAskTotp(true);
        setProblem(undefined);
        requestAnimationFrame(() => totpRef.current?.focus());
      } else {
        setProblem(error);
      }
    } finally {
      setBusy(false);
    }
  }

  const fields = { email: `${id}-email`, password: `${id}-password`, totp: `${id}-totp` };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <ProblemAlert problem={problem} fields={fields} />
      <TextField
        id={fields.email}
        label="Email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={problem?.issuesAt('email')}
      />
      <TextField
        id={fields.password}
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        errors={problem?.issuesAt('password')}
      />
      {askTotp && (
        <TextField
          id={fields.totp}
          ref={totpRef}
          label="Six-digit code"
          hint="This account has a second factor: enter the code your authenticator app shows now."
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          value={totp}
          onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
          errors={problem?.issuesAt('totp')}
        />
      )}
      <Button type="submit" variant="primary" busy={busy} className="btn-block">
        {submitLabel}
      </Button>
    </form>
  );
}
