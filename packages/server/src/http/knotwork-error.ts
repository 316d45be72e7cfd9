// What a use case or a route hands to the edge when a request cannot be served: a stable code from
// the table, a detail for the reader and, for input problems, each issue with its JSON path. The one
// error handler (error-handler.ts) turns it into problem+json; nobody else picks a status.
import type { ErrorCode } from './error-codes.js';

export interface ProblemIssue {
  /** `$.feedback[0].outcome` for a body, `querystring.page`, `params.id`, `headers.if-match` otherwise. */
  readonly path: string;
  readonly message: string;
  /** A stable code for the issue when there is one (core's problem code, zod's issue code). */
  readonly code?: string;
}

/** One thing that still keeps a note from being signed (the `blockers` extension of signing-blocked). */
export interface SigningBlockerItem {
  /** Stable: what is open (`no-screen`, `critical-card-open`, `time-out-incomplete` ...). */
  readonly code: string;
  /** The visit step where it is put right (`plan`, `screening`, `consent`, `procedure`). */
  readonly step: string;
  readonly message: string;
}

/** Errors as data: what a use case returns instead of throwing. */
export interface Failure {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly errors?: readonly ProblemIssue[];
  /** signing-blocked: each open item, structured (RFC 9457 extension member; `detail` lists them in words). */
  readonly blockers?: readonly SigningBlockerItem[];
  /** Extra response headers the failure calls for (Retry-After, WWW-Authenticate). */
  readonly headers?: Readonly<Record<string, string>>;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };

export class KnotworkError extends Error implements Failure {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly errors: readonly ProblemIssue[] | undefined;
  readonly blockers: readonly SigningBlockerItem[] | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(code: ErrorCode, detail: string, more: Omit<Failure, 'code' | 'detail'> = {}) {
    super(`${code}: ${detail}`);
    this.name = 'KnotworkError';
    this.code = code;
    this.detail = detail;
    this.errors = more.errors;
    this.blockers = more.blockers;
    this.headers = more.headers;
  }

  static from(failure: Failure): KnotworkError {
    return new KnotworkError(failure.code, failure.detail, failure);
  }
}

/** Unwraps an outcome in a route handler: the value, or the failure thrown to the error handler. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw KnotworkError.from(outcome.failure);
}

export function isKnotworkError(error: unknown): error is KnotworkError {
  return error instanceof KnotworkError;
}
