// A whole documented visit in one request (app/visits/document-visit.ts): plan, screen, overrides
// by finding, observations, consent, the procedure record and the signature, in one transaction.
// Clinicians only (they sign). A step that fails rolls everything back: the problem names the step
// and the field paths (`$.note.sites[0].administrations[0].expiry`); the refusal is audited.
// Also the consent form for a plan without a visit (pure: no patient data), so a client can show
// the form and name its version before the visit exists.
import { consentForm } from '@knotwork/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { documentVisit } from '../../app/visits/document-visit.js';
import { CLINICAL_ROLES, PRESCRIBER_ROLES } from '../auth/roles.js';
import { KnotworkError } from '../knotwork-error.js';
import { problemResponses } from '../openapi.js';
import { inCallerClinic, orThrow, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { IdParams } from './common-schemas.js';
import { Note, NoteEditBody } from './note-schemas.js';
import { namesFor, noteView } from './note-view.js';
import { ObservationInput } from './observation-inputs.js';
import { PlanInput } from './plan-schemas.js';
import { ConsentBody, ConsentFormSchema } from './procedure-schemas.js';
import { ScreenBody, ScreenResult } from './screen-schemas.js';

const tags = ['Procedure record'];
const writeRefusals = [
  'validation-failed',
  'unauthenticated',
  'session-expired',
  'forbidden',
  'not-found',
  'csrf-failed',
  'payload-too-large',
  'unsupported-media-type',
] as const;

const DocumentationBody = z
  .strictObject({
    plan: PlanInput,
    overrides: z
      .array(
        z.strictObject({
          finding: z.string().min(1).max(100).describe('The finding code of the critical card to override'),
          reasonCode: z.string().min(1).max(100),
          comment: z.string().max(2000).optional(),
        }),
      )
      .max(20)
      .default([]),
    observations: z.array(ObservationInput).max(20).default([]),
    consent: ConsentBody,
    note: NoteEditBody,
  })
  .meta({ id: 'VisitDocumentation' });

const DocumentedVisit = z
  .object({ visitId: z.string(), screen: ScreenResult, note: Note })
  .meta({ id: 'DocumentedVisit' });

export const documentedVisitRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  app.post(
    '/api/patients/:id/documented-visits',
    {
      config: { auth: ['session'], roles: PRESCRIBER_ROLES, action: 'visit.document' },
      schema: {
        summary:
          'Document a whole visit in one transaction (plan, screen, overrides, observations, consent, note, signature); all or nothing',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: DocumentationBody,
        response: {
          201: DocumentedVisit,
          ...problemResponses(...writeRefusals, 'conflict', 'signing-blocked', 'precondition-failed'),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const documented = await inCallerClinic(deps, request, async (repos, actor, at) => {
        const result = await documentVisit(
          {
            patientId: request.params.id,
            plan: body.plan,
            overrides: body.overrides,
            observations: body.observations,
            consent: body.consent,
            note: Object.fromEntries(Object.entries(body.note).filter(([, v]) => v !== undefined)),
            actor,
            at,
          },
          repos,
          { clock: deps.clock, newId: deps.newId },
        );
        // Thrown inside the transaction: nothing of the visit is kept; the refusal is audited.
        return orThrow(result);
      });
      const { visitId, screen, note } = documented;
      return reply.code(201).send({
        visitId,
        screen,
        note: await noteView(note, namesFor(deps, request)),
      });
    },
  );

  app.post(
    '/api/consent-forms',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'consent.preview' },
      schema: {
        summary: 'The consent form for a plan (sites and products), before any visit: what a patient would sign',
        tags,
        security: WRITE_SECURITY,
        body: ScreenBody,
        response: { 200: ConsentFormSchema, ...problemResponses(...writeRefusals) },
      },
    },
    (request) => {
      const made = consentForm(request.body);
      if (!made.ok) {
        throw new KnotworkError('validation-failed', 'the plan cannot make a consent form', {
          errors: made.issues.map((i) => ({ path: `$.${i.path}`, message: i.message })),
        });
      }
      return made.form;
    },
  );
  return Promise.resolve();
};
