import type { ApiProblem, ProblemIssue } from '../../api/problem';

/** The issues of a refusal at exactly this API path (`$.sites[0].administrations[0].expiry`). */
export function issuesAt(problem: ApiProblem | undefined, path: string): readonly ProblemIssue[] {
  if (!problem) return [];
  const want = path.replace(/^\$\.?/, '');
  return problem.errors.filter((i) => i.path.replace(/^\$\.?/, '') === want);
}
