// The clinic API under /api (issue 3, item 3): sessions, patients, charts and their records
// (conditions, allergies, medicines, observations, injections given elsewhere, reviews), visits,
// screens and overrides, settings; accounts, API tokens and the audit log. Each module declares its routes' roles; build-app.ts registers
// this plugin when AppDeps.repos is given.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountRoutes } from './account-routes.js';
import { auditRoutes } from './audit-routes.js';
import { chartRoutes } from './chart-routes.js';
import type { ClinicApiDeps } from './clinic-context.js';
import { patientRoutes } from './patient-routes.js';
import { pdfRoutes } from './pdf-routes.js';
import { recordRoutes } from './record-routes.js';
import { referenceRoutes } from './reference-routes.js';
import { reviewRoutes } from './review-routes.js';
import { sessionRoutes } from './session-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { aftercareSettingsRoutes } from './aftercare-settings-routes.js';
import { tokenRoutes } from './token-routes.js';
import { userRoutes } from './user-routes.js';
import { noteRoutes } from './note-routes.js';
import { planRoutes } from './plan-routes.js';
import { procedureRoutes } from './procedure-routes.js';
import { documentedVisitRoutes } from './documented-visit-routes.js';
import { educationRoutes } from './education-routes.js';
import { visitCareRoutes } from './visit-care-routes.js';
import { followUpRoutes } from './follow-up-routes.js';
import { visitRoutes } from './visit-routes.js';

export const clinicApi: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = async (app, { deps }) => {
  await app.register(sessionRoutes, { deps });
  await app.register(patientRoutes, { deps });
  await app.register(chartRoutes, { deps });
  await app.register(recordRoutes, { deps });
  await app.register(reviewRoutes, { deps });
  await app.register(visitRoutes, { deps });
  await app.register(planRoutes, { deps });
  await app.register(noteRoutes, { deps });
  await app.register(procedureRoutes, { deps });
  await app.register(pdfRoutes, { deps });
  await app.register(documentedVisitRoutes, { deps });
  await app.register(visitCareRoutes, { deps });
  await app.register(settingsRoutes, { deps });
  await app.register(aftercareSettingsRoutes, { deps });
  await app.register(userRoutes, { deps });
  await app.register(accountRoutes, { deps });
  await app.register(tokenRoutes, { deps });
  await app.register(auditRoutes, { deps });
  await app.register(referenceRoutes, { deps });
  await app.register(followUpRoutes, { deps });
  await app.register(educationRoutes);
};
