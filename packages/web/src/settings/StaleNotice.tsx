// Someone saved a newer settings version while this one was being edited (412; any setting's change
// moves the one version they share): the change was not made,
// the current version is shown again, and the admin is told so, with the server's words.
import { useEffect, useRef } from 'react';
import type { ApiProblem } from '../api/problem';

export function StaleNotice({ problem }: { readonly problem: ApiProblem | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  return (
    <div className="alert alert-warning" role="alert" tabIndex={-1} ref={ref}>
      <p className="alert-title">Not saved: the clinic’s settings changed meanwhile</p>
      <p>
        Someone saved a change to the clinic’s settings after this page read them ({problem.detail}). The current
        version is shown again below: check it, then make your change again if it is still needed.
      </p>
    </div>
  );
}
