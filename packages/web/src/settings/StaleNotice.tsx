// Someone saved a newer version while this one was being edited (412): the change was not made,
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
      <p className="alert-title">Not saved: someone else changed this setting meanwhile</p>
      <p>
        The current version is shown again below. Check it, then make your change again if it is still needed. (
        {problem.detail})
      </p>
    </div>
  );
}
