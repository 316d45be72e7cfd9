// The session ended in the middle of work: sign in again over the page, which stays as it was.
import type { Session, SessionUser, SignInInput } from '../api/types';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SignInForm } from './SignInForm';

export interface ReauthDialogProps {
  readonly user: SessionUser;
  readonly signIn: (input: SignInInput) => Promise<Session>;
  readonly onRenewed: (session: Session) => void;
  readonly onSignOut: () => void;
}

export function ReauthDialog({ user, signIn, onRenewed, onSignOut }: ReauthDialogProps) {
  return (
    <Dialog
      open
      dismissible={false}
      labelledBy="reauth-title"
      title="Your session has ended"
      description={
        <p>
          Sign in again as <strong>{user.displayName}</strong> to carry on. Nothing you typed is lost: what you were
          saving is sent once you are signed in.
        </p>
      }
    >
      <SignInForm signIn={signIn} onSignedIn={onRenewed} submitLabel="Sign in and carry on" />
      <div className="dialog-footer">
        <Button variant="ghost" onClick={onSignOut}>
          Sign out instead
        </Button>
      </div>
    </Dialog>
  );
}
