// The FHIR R4 read side (issue 5 items 1 and 4): GET /fhir/R4/metadata (public),
// GET /fhir/R4/Patient/{id}/$everything and GET /fhir/R4/{type}/{id} for each exported type, for
// clinicians and nurses and API tokens with charts:read, each audited in the read's transaction.
// Answers are application/fhir+json; failures are OperationOutcomes (fhir-outcome.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportPatient } from '../../app/fhir-export/export-patient.js';
import { readFhirResource } from '../../app/fhir-export/read-fhir-resource.js';
import { everythingBundle } from '../../fhir/export/everything-bundle.js';
import { EXPORTED_TYPES } from '../../fhir/export/patient-resources.js';
import { inCallerClinic, orThrow, TOKEN_READ_SECURITY, type ClinicApiDeps } from '../api/clinic-context.js';
import { CLINICAL_ROLES } from '../auth/roles.js';
import { capabilityStatement } from './capability-statement.js';
import { registerFhirErrors, sendResource } from './fhir-outcome.js';

export const FHIR_R4 = '/fhir/R4';

export interface FhirDeps extends ClinicApiDeps {
  readonly publicBaseUrl: string;
}

/** A FHIR id: [A-Za-z0-9-.]{1,64} (FHIR R4 datatypes, id). */
export const FhirIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'is not a FHIR id') });

const READ_CONFIG = {
  auth: ['api-token', 'session'] as const,
  roles: CLINICAL_ROLES,
  scopes: ['charts:read'] as const,
};

export const fhirReadRoutes: FastifyPluginAsyncZod<{ deps: FhirDeps }> = (app, { deps }) => {
  registerFhirErrors(app);
  const context = { publicBaseUrl: deps.publicBaseUrl };
  const fhirBase = `${deps.publicBaseUrl}${FHIR_R4}`;
  const started = new Date(deps.now()).toISOString();

  app.get(
    `${FHIR_R4}/metadata`,
    {
      config: { auth: 'public' },
      schema: { summary: 'The FHIR CapabilityStatement: what this server supports', tags: ['FHIR'] },
    },
    (_request, reply) =>
      sendResource(reply, capabilityStatement(deps.publicBaseUrl, { version: KNOTWORK_VERSION, date: started })),
  );

  app.get(
    `${FHIR_R4}/Patient/:id/$everything`,
    {
      config: { ...READ_CONFIG, action: 'patient.fhir.everything' },
      schema: {
        summary: 'Everything of a patient as a FHIR searchset Bundle whose references resolve inside it',
        tags: ['FHIR'],
        security: TOKEN_READ_SECURITY,
        params: FhirIdParams,
      },
    },
    async (request, reply) => {
      const { resources } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          exportPatient({ patientId: request.params.id, actor, at, context }, repos),
        ),
      );
      return sendResource(reply, everythingBundle(resources, fhirBase, new Date(deps.now()).toISOString()));
    },
  );

  for (const type of EXPORTED_TYPES) {
    app.get(
      `${FHIR_R4}/${type}/:id`,
      {
        config: { ...READ_CONFIG, action: 'patient.fhir.read' },
        schema: {
          summary: `Read a ${type}`,
          tags: ['FHIR'],
          security: TOKEN_READ_SECURITY,
          params: FhirIdParams,
        },
      },
      async (request, reply) => {
        const { resource } = orThrow(
          await inCallerClinic(deps, request, (repos, actor, at) =>
            readFhirResource({ type, id: request.params.id, actor, at, context }, repos),
          ),
        );
        return sendResource(reply, resource);
      },
    );
  }
  return Promise.resolve();
};

/** The server's version, as package.json says (the CapabilityStatement's software.version). */
const KNOTWORK_VERSION = '0.1.0';
