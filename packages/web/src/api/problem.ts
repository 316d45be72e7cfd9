// RFC 9457 problem+json as the server answers it (http/error-handler.ts): a stable code, a detail
// for people, and for validation failures the field paths (`$.substance.code`, `querystring.name`).

export interface ProblemIssue {
  readonly path: string;
  readonly message: string;
  readonly code?: string;
}

export interface ProblemBody {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly ProblemIssue[];
  /** signing-blocked: each open item with its stable code and the visit step that fixes it. */
  readonly blockers?: readonly ProblemBlocker[];
}

export interface ProblemBlocker {
  readonly code: string;
  readonly step: string;
  readonly message: string;
}

/** A request the server refused (or that never reached it: status 0, code `network`). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: readonly ProblemIssue[];
  readonly blockers: readonly ProblemBlocker[];

  constructor(body: ProblemBody) {
    super(`${body.title}: ${body.detail}`);
    this.name = 'ApiProblem';
    this.status = body.status;
    this.code = body.code;
    this.title = body.title;
    this.detail = body.detail;
    this.errors = body.errors ?? [];
    this.blockers = body.blockers ?? [];
  }

  /** The issues at a body field (`$.family`, `$.given[0]` for field `given`), for field-level errors. */
  issuesAt(field: string): readonly ProblemIssue[] {
    return this.errors.filter((issue) => fieldOf(issue.path) === field);
  }
}

/**
 * The top-level field a path names: `$.substance.code` -> `substance.code` is reported at
 * `substance`; `querystring.birthDate` -> `birthDate`; `$` -> '' (the whole body).
 */
export function fieldOf(path: string): string {
  const rest = path.replace(/^(\$|querystring|params|headers)\.?/, '');
  const match = /^[A-Za-z_$][\w$]*/.exec(rest);
  return match ? match[0] : '';
}

function isProblemBody(value: unknown): value is ProblemBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['status'] === 'number' && typeof v['code'] === 'string' && typeof v['detail'] === 'string';
}

/** The problem a response carries; a body that is not problem+json still becomes one, by its status. */
export async function problemOf(response: Response): Promise<ApiProblem> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isProblemBody(body)) return new ApiProblem({ ...body, title: body.title || response.statusText });
  return new ApiProblem({
    status: response.status,
    code: 'http-' + String(response.status),
    title: response.statusText || 'Request failed',
    detail: `the server answered ${response.status} without a problem description`,
  });
}

export function networkProblem(error: unknown): ApiProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return new ApiProblem({
    status: 0,
    code: 'network',
    title: 'No connection to the server',
    detail: `the request did not reach the Knotwork server (${reason}); check the connection and try again`,
  });
}
