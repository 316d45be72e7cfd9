import type { Session, SignInInput } from '../api/types';
import { AsOfBanner } from '../layout/AsOfBanner';
import { Logo } from '../layout/Logo';
import { SignInForm } from './SignInForm';

export interface SignInPageProps {
  readonly signIn: (input: SignInInput) => Promise<Session>;
  readonly onSignedIn: (session: Session) => void;
  readonly asOf: string | null;
  readonly notice?: string | undefined;
}

export function SignInPage({ signIn, onSignedIn, asOf, notice }: SignInPageProps) {
  return (
    <div className="signin-page">
      <AsOfBanner asOf={asOf} />
      <main className="signin-main" id="main">
        <div className="signin-panel">
          <Logo />
          <h1 className="signin-title">Sign in</h1>
          <p className="signin-lead">Trigger point injection visits, from chart to signed note.</p>
          {notice && (
            <p className="alert alert-info" role="status">
              {notice}
            </p>
          )}
          <SignInForm signIn={signIn} onSignedIn={onSignedIn} />
        </div>
        <p className="signin-footnote">Knotwork is decision support, not a substitute for clinical judgement.</p>
      </main>
    </div>
  );
}
