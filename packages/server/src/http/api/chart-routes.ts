// GET /api/patients/:id/chart: the patient's chart (clinicians and nurses, and API tokens with
// `charts:read`), audited as `patient.chart.read` in the same transaction as the read. Each
// medicine names the catalogue anticoagulant it is, if any.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readChart } from '../../app/patients/read-chart.js';
import { anticoagulantOf } from '../../app/records/anticoagulant-of.js';
import { CLINICAL_ROLES } from '../auth/roles.js';
import { problemResponses } from '../openapi.js';
import { ChartDoc } from './chart-schema.js';
import { orThrow, readInCallerClinic, TOKEN_READ_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { IdParams } from './common-schemas.js';
import { PATIENTS_PATH } from './patient-routes.js';

export const chartRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  app.get(
    `${PATIENTS_PATH}/:id/chart`,
    {
      config: {
        auth: ['api-token', 'session'],
        roles: CLINICAL_ROLES,
        scopes: ['charts:read'],
        action: 'patient.chart.read',
      },
      schema: {
        summary: 'Read a patient’s chart: conditions, allergies, medicines, observations, administrations',
        tags: ['Patients'],
        security: TOKEN_READ_SECURITY,
        params: IdParams,
        response: {
          200: ChartDoc,
          ...problemResponses('validation-failed', 'unauthenticated', 'session-expired', 'forbidden', 'not-found'),
        },
      },
    },
    async (request) => {
      const { chart } = orThrow(
        await readInCallerClinic(deps, request, (repos, actor, at) =>
          readChart({ patientId: request.params.id, actor, at }, repos),
        ),
      );
      return { ...chart, medicines: chart.medicines.map((m) => ({ ...m, anticoagulant: anticoagulantOf(m) })) };
    },
  );
  return Promise.resolve();
};
