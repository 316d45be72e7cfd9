// The one place where anything that went wrong becomes an HTTP answer: an RFC 9457
// application/problem+json body whose status comes from the error table. It reads KnotworkErrors
// (from use cases, routes and authenticators) and fastify's own errors (bad JSON, body too large,
// wrong content type, schema validation with each issue's path); anything else is `internal`, logged
// with its stack and answered without one.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, problemType, type ErrorCode } from './error-codes.js';
import { isKnotworkError, type Failure, type ProblemIssue, type SigningBlockerItem } from './knotwork-error.js';

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: ErrorCode;
  readonly errors?: readonly ProblemIssue[];
  readonly blockers?: readonly SigningBlockerItem[];
}

export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `/feedback/0/outcome` in the body becomes `$.feedback[0].outcome`; in the query, `querystring.page`. */
export function issuePath(context: string | undefined, instancePath: string): string {
  const segments = instancePath
    .split('/')
    .slice(1)
    .filter((s) => s !== '');
  let path = context === undefined || context === 'body' ? '$' : context;
  for (const raw of segments) {
    const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(s) ? `[${s}]` : IDENTIFIER.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  }
  return path;
}

interface FastifyValidationError {
  readonly validation: readonly { instancePath?: string; message?: string; keyword?: string }[];
  readonly validationContext?: string;
}

function hasValidation(error: unknown): error is FastifyValidationError {
  return typeof error === 'object' && error !== null && Array.isArray((error as { validation?: unknown }).validation);
}

const BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  428: 'precondition-required',
  429: 'rate-limited',
};

export function failureOf(error: unknown, request: FastifyRequest): Failure {
  if (isKnotworkError(error)) return error;
  if (hasValidation(error)) {
    const errors = error.validation.map((v) => ({
      path: issuePath(error.validationContext, v.instancePath ?? ''),
      message: v.message ?? 'is not valid',
      ...(v.keyword ? { code: v.keyword } : {}),
    }));
    const where = error.validationContext ?? 'request';
    return { code: 'validation-failed', detail: `the ${where} has ${errors.length} problem(s)`, errors };
  }
  const { code, statusCode, message } = error as Partial<FastifyError>;
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    const detail = message ?? 'the body is not JSON';
    return { code: 'malformed-json', detail, errors: [{ path: '$', message: detail }] };
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = request.routeOptions.bodyLimit ?? 'configured';
    return { code: 'payload-too-large', detail: `the body is larger than the ${limit} bytes this route accepts` };
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const type = JSON.stringify(request.headers['content-type'] ?? '');
    return { code: 'unsupported-media-type', detail: `Content-Type ${type} is not accepted: send application/json` };
  }
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    // fastify's and its plugins' 4xx messages describe the request, never the server.
    return { code: BY_STATUS[statusCode] ?? 'bad-request', detail: message ?? 'bad request' };
  }
  return { code: 'internal', detail: `an unexpected error occurred; it is logged as request ${request.id}` };
}

export function problemBody(failure: Failure, url: string): ProblemBody {
  const entry = ERROR_CODES[failure.code];
  return {
    type: problemType(failure.code),
    title: entry.title,
    status: entry.status,
    detail: failure.detail,
    instance: url.split('?', 1)[0] ?? url,
    code: failure.code,
    ...(failure.errors && failure.errors.length > 0 ? { errors: failure.errors } : {}),
    ...(failure.blockers && failure.blockers.length > 0 ? { blockers: failure.blockers } : {}),
  };
}

export function sendProblem(reply: FastifyReply, failure: Failure): FastifyReply {
  const body = problemBody(failure, reply.request.url);
  if (failure.headers) void reply.headers(failure.headers);
  // A string, so that no route's response schema re-serializes it.
  return reply.code(body.status).type(PROBLEM_JSON).send(JSON.stringify(body));
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const failure = failureOf(error, request);
    if (failure.code === 'internal') request.log.error({ err: error }, 'unexpected error');
    else request.log.info({ code: failure.code, detail: failure.detail }, 'request refused');
    return sendProblem(reply, failure);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, { code: 'not-found', detail: `no route for ${request.method} ${request.url.split('?', 1)[0]}` }),
  );
}

/**
 * fastify's `frameworkErrors`: errors raised before routing (a malformed URL), when no hook has run,
 * so the security headers are set here.
 */
export function frameworkErrorHandler(edgeHeaders: () => Readonly<Record<string, string>>) {
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void => {
    void reply.headers(edgeHeaders());
    void sendProblem(reply, failureOf(error, reply.request));
  };
}
