// "Allergies reviewed" and "medicines reconciled" (clinicians and nurses): each stamps the record
// with the clinical clock's date and the user, so the chart tells "no known allergies, reviewed on
// <date>" from "never asked", and a screen then sends the list instead of reporting it missing.
// Audited as `allergies.review` and `medicines.reconcile`.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reconcileMedicines, reviewAllergies } from '../../app/records/review-record.js';
import { CLINICAL_ROLES } from '../auth/roles.js';
import { problemResponses } from '../openapi.js';
import { inCallerClinic, orThrow, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { IdParams, NoBody } from './common-schemas.js';
import { PATIENTS_PATH } from './patient-routes.js';
import { AllergiesReviewedBody } from './record-inputs.js';
import { Reconciliation, Review } from './record-views.js';

const tags = ['Records'];
const refusals = [
  'validation-failed',
  'unauthenticated',
  'session-expired',
  'forbidden',
  'not-found',
  'csrf-failed',
  'payload-too-large',
  'unsupported-media-type',
] as const;

export const reviewRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  app.post(
    `${PATIENTS_PATH}/:id/allergies/reviewed`,
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'allergies.review' },
      schema: {
        summary: 'Record that the allergies were reviewed with the patient (no known allergies, or the list as it is)',
        description:
          'noKnownAllergies must agree with the list: true with an active allergy, or false with none, is 409.',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: AllergiesReviewedBody,
        response: { 200: Review, ...problemResponses(...refusals, 'conflict') },
      },
    },
    async (request) => {
      const review = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          reviewAllergies(
            { patientId: request.params.id, ...request.body, reviewedAt: deps.clock.now(), actor, at },
            repos,
          ),
        ),
      );
      return {
        allergiesReviewedAt: review.at,
        allergiesReviewedBy: review.by,
        noKnownAllergies: review.noKnownAllergies,
        activeAllergies: review.active,
      };
    },
  );

  app.post(
    `${PATIENTS_PATH}/:id/medicines/reconciled`,
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'medicines.reconcile' },
      schema: {
        summary: 'Record that the medicine list was reconciled with the patient (an empty list included)',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: NoBody,
        response: { 200: Reconciliation, ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const reconciled = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          reconcileMedicines({ patientId: request.params.id, reviewedAt: deps.clock.now(), actor, at }, repos),
        ),
      );
      return { medicationsReconciledAt: reconciled.at, medicationsReconciledBy: reconciled.by };
    },
  );
  return Promise.resolve();
};
