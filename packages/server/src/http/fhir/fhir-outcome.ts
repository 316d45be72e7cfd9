// FHIR errors: inside /fhir/R4 every failure is an OperationOutcome in application/fhir+json with
// the status of the one error table (error-codes.ts), its issue code read off the error code, each
// issue's path as its expression. Registered as the error handler of the FHIR plugins' scope.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { ERROR_CODES, type ErrorCode } from '../error-codes.js';
import { failureOf } from '../error-handler.js';
import type { Failure } from '../knotwork-error.js';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

type IssueType = OperationOutcomeIssue['code'];

function issueCode(code: ErrorCode): IssueType {
  switch (code) {
    case 'not-found':
      return 'not-found';
    case 'unauthenticated':
    case 'session-expired':
    case 'invalid-credentials':
    case 'totp-required':
    case 'totp-invalid':
    case 'account-locked':
      return 'login';
    case 'forbidden':
    case 'csrf-failed':
    case 'password-change-required':
      return 'forbidden';
    case 'validation-failed':
    case 'malformed-json':
    case 'bad-request':
    case 'unusable-cds-request':
    case 'payload-too-large':
    case 'unsupported-media-type':
    case 'precondition-required':
      return 'invalid';
    case 'conflict':
    case 'precondition-failed':
    case 'note-locked':
    case 'signing-blocked':
      return 'conflict';
    case 'rate-limited':
      return 'throttled';
    case 'internal':
      return 'exception';
  }
}

export function operationOutcome(failure: Failure): OperationOutcome {
  const code = issueCode(failure.code);
  const severity = failure.code === 'internal' ? 'fatal' : 'error';
  const issues: OperationOutcomeIssue[] =
    failure.errors && failure.errors.length > 0
      ? failure.errors.map((e) => ({
          severity,
          code,
          diagnostics: e.message,
          details: { text: `${failure.detail}: ${e.message}` },
          expression: [e.path],
        }))
      : [{ severity, code, diagnostics: failure.detail, details: { text: failure.detail } }];
  return { resourceType: 'OperationOutcome', issue: issues };
}

export function sendOutcome(reply: FastifyReply, failure: Failure): FastifyReply {
  if (failure.headers) void reply.headers(failure.headers);
  const status = ERROR_CODES[failure.code].status;
  return reply
    .code(status)
    .type(FHIR_JSON)
    .send(JSON.stringify(operationOutcome(failure)));
}

/** Within the calling plugin's scope, errors answer as OperationOutcome instead of problem+json. */
export function registerFhirErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const failure = failureOf(error, request);
    if (failure.code === 'internal') request.log.error({ err: error }, 'unexpected error');
    else request.log.info({ code: failure.code, detail: failure.detail }, 'request refused');
    return sendOutcome(reply, failure);
  });
}

/** A resource as the answer: application/fhir+json, serialised once. */
export function sendResource(reply: FastifyReply, resource: unknown, status = 200): FastifyReply {
  return reply.code(status).type(FHIR_JSON).send(JSON.stringify(resource));
}
