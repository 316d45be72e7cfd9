// What the server said went wrong, as it said it: the title, the detail and every issue with its
// field path. Issues at a field the form shows link to it (an error summary), the others are listed.
import { useEffect, useRef } from 'react';
import { fieldOf, type ApiProblem } from '../api/problem';

export interface ProblemAlertProps {
  readonly problem: ApiProblem | undefined;
  /** Form fields by API field name -> the id of their control, to link issues to them. */
  readonly fields?: Readonly<Record<string, string>>;
  /** Moves focus to the alert when it appears (after a submit). */
  readonly focus?: boolean;
}

export function ProblemAlert({ problem, fields = {}, focus = true }: ProblemAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem && focus) ref.current?.focus();
  }, [problem, focus]);
  if (!problem) return null;
  return (
    <div className="alert alert-danger" role="alert" tabIndex={-1} ref={ref}>
      <p className="alert-title">{problem.title}</p>
      <p>{problem.detail}</p>
      {problem.errors.length > 0 && (
        <ul className="alert-issues">
          {problem.errors.map((issue, index) => {
            const target = fields[fieldOf(issue.path)];
            return (
              <li key={`${issue.path}-${index}`}>
                <code className="issue-path">{issue.path}</code>{' '}
                {target ? <a href={`#${target}`}>{issue.message}</a> : issue.message}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
