// The server's issues at one field of a settings body: `$.values.feverCelsius`,
// `$.values.pneumothoraxInfoRisks[1]` (at pneumothoraxInfoRisks), `$.points[2].after`, `$.minutes`.
import type { ApiProblem, ProblemIssue } from '../api/problem';

/** The issues whose path is `$.<path>` or lies inside it (`$.<path>[i]`, `$.<path>.x`). */
export function issuesAt(problem: ApiProblem | undefined, path: string): readonly ProblemIssue[] | undefined {
  if (!problem) return undefined;
  const at = `$.${path}`;
  const found = problem.errors.filter(
    (issue) => issue.path === at || issue.path.startsWith(`${at}[`) || issue.path.startsWith(`${at}.`),
  );
  return found.length > 0 ? found : undefined;
}
