// POST /fhir/R4 (issue 5, item 3): an EHR sends a transaction or collection Bundle of Patient,
// Condition, AllergyIntolerance, MedicationStatement/MedicationRequest and Observation resources;
// clinicians, nurses and API tokens with `charts:write` may. A Bundle whose envelope is not one
// (not an object, no resourceType Bundle, no entry list) is refused by the schema as every route's
// body is (problem+json); a Bundle whose resources are wrong gets an OperationOutcome naming each
// issue and its location, and nothing of it is written. Success is a transaction-response (or
// batch-response, for a collection) Bundle with each entry's status and location.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importFhirBundle, type ImportOutcome } from '../../app/fhir-import/import-fhir-bundle.js';
import type { ImportIssue } from '../../fhir/import/import-types.js';
import { CLINICAL_ROLES } from '../auth/roles.js';
import { inCallerClinic, type ClinicApiDeps } from '../api/clinic-context.js';
import { ERROR_CODES } from '../error-codes.js';
import { problemResponses } from '../openapi.js';

export const FHIR_BASE = '/fhir/R4';
const FHIR_JSON = 'application/fhir+json';

const ImportBundle = z
  .object({
    resourceType: z.literal('Bundle'),
    type: z.string(),
    entry: z.array(z.unknown()).min(1),
  })
  .loose();

const Resource = z.object({ resourceType: z.string() }).loose();
const INVALID = problemResponses('validation-failed')[400] as NonNullable<ReturnType<typeof problemResponses>[number]>;

export function operationOutcome(issues: readonly ImportIssue[]) {
  return {
    resourceType: 'OperationOutcome' as const,
    issue: issues.map((i) => ({
      severity: 'error' as const,
      code: i.code,
      diagnostics: i.message,
      expression: [i.expression],
    })),
  };
}

function responseEntry(o: ImportOutcome) {
  const status = o.result === 'created' ? '201 Created' : '200 OK';
  return { response: { status, location: `${o.resourceType}/${o.id}` } };
}

export const fhirImportRoute: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  // FHIR's own media type is JSON; this scope reads it as the default parser does.
  app.addContentTypeParser(FHIR_JSON, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.post(
    FHIR_BASE,
    {
      config: {
        auth: ['api-token', 'session'],
        roles: CLINICAL_ROLES,
        scopes: ['charts:write'],
        action: 'fhir.import',
      },
      schema: {
        summary: 'Import a FHIR R4 transaction or collection Bundle: patients and their charts',
        tags: ['FHIR'],
        security: [{ apiToken: [] }, { sessionCookie: [], csrfHeader: [] }],
        body: ImportBundle,
        response: {
          200: Resource,
          ...problemResponses('unauthenticated', 'session-expired', 'forbidden'),
          400: {
            description: `${INVALID.description}; or an OperationOutcome naming each issue of the Bundle (nothing written)`,
            content: { ...INVALID.content, [FHIR_JSON]: { schema: Resource } },
          },
        },
      },
    },
    async (request, reply) => {
      const result = await inCallerClinic(deps, request, (repos, actor, at) =>
        importFhirBundle({ bundle: request.body, actor, at, recordedAt: deps.clock.now() }, repos),
      );
      void reply.type(FHIR_JSON);
      if (!result.ok) {
        return reply.code(ERROR_CODES['validation-failed'].status).send(operationOutcome(result.issues));
      }
      return {
        resourceType: 'Bundle',
        type: result.type === 'transaction' ? 'transaction-response' : 'batch-response',
        entry: result.outcomes.map(responseEntry),
      };
    },
  );
  return Promise.resolve();
};
