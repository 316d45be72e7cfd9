// The issues of a refused request at one body path and below it (`$.indication.icd10`,
// `$.sites[0].muscle`), so an error shows at the control that holds that value.
import type { ApiProblem, ProblemIssue } from '../../api/problem';

export function issuesUnder(problem: ApiProblem | undefined, path: string): readonly ProblemIssue[] {
  if (!problem) return [];
  return problem.errors.filter(
    (issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
  );
}

/** A not-found answer: the thing was never recorded (a baseline, a plan), not a failure. */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404;
}
