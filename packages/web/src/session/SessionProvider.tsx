// Who is signed in, and what happens when that ends. On start it asks GET /api/session: signed in,
// the app; not, the sign-in page. When a request answers 401 in the middle of work (the session
// expired or was ended), a sign-in dialog opens over the page: the page stays mounted, so what was
// typed stays, and the request that failed is retried once signed in again. Several requests
// failing together share one dialog. Two minutes before an idle session would end, IdleWarning
// offers to stay signed in.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApiClient } from '../api/client';
import { endpoints } from '../api/endpoints';
import type { ApiProblem } from '../api/problem';
import type { Session } from '../api/types';
import { Loading } from '../ui/Loading';
import { ChangePasswordPage } from './ChangePasswordPage';
import { IdleWarning } from './IdleWarning';
import { ReauthDialog } from './ReauthDialog';
import { SessionContext, type SessionContextValue } from './session-context';
import { SignInPage } from './SignInPage';

type State =
  | { readonly status: 'checking' }
  | { readonly status: 'signed-out'; readonly notice?: string }
  | { readonly status: 'signed-in'; readonly session: Session };

interface Renewal {
  readonly problem: ApiProblem;
  readonly promise: Promise<void>;
  resolve(): void;
  reject(reason: unknown): void;
}

/** The API client and what it needs between renders: the CSRF token and the renewal under way. */
function createClientState(onAsOf: (asOf: string | null) => void, onRenewal: (renewal: Renewal) => void) {
  let csrf: string | undefined;
  let pending: Renewal | undefined;
  const api = endpoints(
    createApiClient({
      csrfToken: () => csrf,
      onAsOf,
      renewSession: (problem) => {
        if (!pending) {
          let resolve!: () => void;
          let reject!: (reason: unknown) => void;
          const promise = new Promise<void>((res, rej) => {
            resolve = res;
            reject = rej;
          });
          pending = { problem, promise, resolve, reject };
          onRenewal(pending);
        }
        return pending.promise;
      },
    }),
  );
  const box = {
    setCsrf: (token: string | undefined) => {
      csrf = token;
    },
    /** The renewal under way, now finished. */
    takePending: () => {
      const current = pending;
      pending = undefined;
      return current;
    },
  };
  return { api, box };
}

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'checking' });
  const [asOf, setAsOf] = useState<string | null>(null);
  const [renewal, setRenewal] = useState<Renewal>();
  // When the server last answered: every response slides the session's idle timer (IdleWarning).
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const [{ api, box }] = useState(() =>
    createClientState((answeredAsOf) => {
      setAsOf(answeredAsOf);
      setLastActivity(Date.now());
    }, setRenewal),
  );

  const signedIn = useCallback(
    (session: Session) => {
      box.setCsrf(session.csrfToken);
      setState({ status: 'signed-in', session });
    },
    [box],
  );

  useEffect(() => {
    let live = true;
    api.readSession().then(
      (session) => live && signedIn(session),
      () => live && setState({ status: 'signed-out' }),
    );
    return () => {
      live = false;
    };
  }, [api, signedIn]);

  const finishRenewal = useCallback(
    (outcome: { session: Session } | { error: unknown }) => {
      const current = box.takePending();
      setRenewal(undefined);
      if ('session' in outcome) current?.resolve();
      else current?.reject(outcome.error);
    },
    [box],
  );

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch {
      // Already ended on the server: signed out either way.
    }
    box.setCsrf(undefined);
    setState({ status: 'signed-out', notice: 'You are signed out.' });
  }, [api, box]);

  const value = useMemo<SessionContextValue | null>(
    () =>
      state.status === 'signed-in'
        ? {
            session: state.session,
            api,
            asOf,
            now: () => (asOf ? new Date(asOf) : new Date()),
            signOut,
          }
        : null,
    [state, api, asOf, signOut],
  );

  if (state.status === 'checking') {
    return (
      <main className="center-page">
        <Loading label="Opening Knotwork" />
      </main>
    );
  }
  if (state.status === 'signed-out' || !value) {
    const notice = state.status === 'signed-out' ? state.notice : undefined;
    return <SignInPage signIn={api.signIn} onSignedIn={signedIn} asOf={asOf} notice={notice} />;
  }
  if (value.session.user.mustChangePassword) {
    return (
      <ChangePasswordPage
        user={value.session.user}
        asOf={asOf}
        changePassword={api.changePassword}
        onChanged={() => void api.readSession().then(signedIn, () => setState({ status: 'signed-out' }))}
        onSignOut={() => void signOut()}
      />
    );
  }
  return (
    <SessionContext.Provider value={value}>
      {children}
      {!renewal && (
        <IdleWarning
          idleTimeoutSeconds={value.session.idleTimeoutSeconds}
          lastActivity={lastActivity}
          onStay={() => api.readSession()}
          onSignOut={() => void signOut()}
        />
      )}
      {renewal && (
        <ReauthDialog
          user={value.session.user}
          signIn={api.signIn}
          onRenewed={(session) => {
            if (session.user.id !== value.session.user.id) {
              // Someone else signed in: nothing typed by the previous user may be sent under their name.
              finishRenewal({ error: renewal.problem });
              window.location.assign('/');
              return;
            }
            signedIn(session);
            finishRenewal({ session });
          }}
          onSignOut={() => {
            finishRenewal({ error: renewal.problem });
            box.setCsrf(undefined);
            setState({ status: 'signed-out', notice: 'You are signed out. What was not saved is lost.' });
          }}
        />
      )}
    </SessionContext.Provider>
  );
}
