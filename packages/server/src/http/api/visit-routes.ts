// Visits, screens and overrides (clinicians and nurses; overriding a critical card: clinicians).
// Starting a visit and screening it go through the use cases, which audit them in the caller's
// clinic transaction; the screen is built from the stored chart, so the UI, the API and an EHR get
// the same answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditAs } from '../../app/actor.js';
import { overrideCard } from '../../app/visits/override-card.js';
import { screenAndLink } from '../../app/visits/screen-and-link.js';
import { listVisits } from '../../app/visits/list-visits.js';
import { readScreen } from '../../app/visits/read-screen.js';
import { readVisit, startVisit } from '../../app/visits/start-visit.js';
import { endVisit } from '../../app/visits/end-visit.js';
import type { Visit as StoredVisit } from '../../app/ports.js';
import { CLINICAL_ROLES, PRESCRIBER_ROLES } from '../auth/roles.js';
import { KnotworkError } from '../knotwork-error.js';
import { problemResponses } from '../openapi.js';
import { inCallerClinic, orThrow, READ_SECURITY, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { IdParams, IfMatchHeaders, NoBody } from './common-schemas.js';
import { etagOf, ifMatchVersions } from './etag.js';
import { PATIENTS_PATH } from './patient-routes.js';
import {
  EndVisitBody,
  Override,
  OverrideBody,
  ScreenBody,
  ScreenResult,
  StoredScreenView,
  Visit,
  VisitSummaryList,
} from './screen-schemas.js';

const tags = ['Visits'];
const refusals = ['validation-failed', 'unauthenticated', 'session-expired', 'forbidden', 'not-found'] as const;
const writeRefusals = [...refusals, 'csrf-failed', 'payload-too-large', 'unsupported-media-type'] as const;

const visitView = (v: StoredVisit) => ({
  ...v,
  startedAt: new Date(v.startedAt).toISOString(),
  endedAt: v.endedAt === null ? null : new Date(v.endedAt).toISOString(),
});

export const visitRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  app.post(
    `${PATIENTS_PATH}/:id/visits`,
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'visit.create' },
      schema: {
        summary: 'Start a visit for the patient (at the server’s clinical clock)',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: NoBody,
        response: { 201: Visit, ...problemResponses(...writeRefusals) },
      },
    },
    async (request, reply) => {
      const { visit } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          startVisit({ patientId: request.params.id, startedAt: deps.clock.now(), actor, at }, repos),
        ),
      );
      return reply.code(201).header('location', `/api/visits/${visit.id}`).send(visitView(visit));
    },
  );

  app.get(
    `${PATIENTS_PATH}/:id/visits`,
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'visit.read' },
      schema: {
        summary: 'The patient’s visits, the latest first, with the planned sites and products and the note’s status',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: VisitSummaryList, ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const { visits } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          listVisits({ patientId: request.params.id, actor, at }, repos),
        ),
      );
      return {
        items: visits.map((v) => ({
          ...visitView(v),
          sites: v.sites,
          products: v.products,
          note: v.note && {
            ...v.note,
            signedAt: v.note.signedAt === null ? null : new Date(v.note.signedAt).toISOString(),
          },
        })),
      };
    },
  );

  app.get(
    '/api/visits/:id',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'visit.read' },
      schema: {
        summary: 'Read a visit, with its revision as ETag',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: Visit, ...problemResponses(...refusals) },
      },
    },
    async (request, reply) => {
      const { visit } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          readVisit({ visitId: request.params.id, actor, at }, repos),
        ),
      );
      return reply.header('etag', etagOf(visit.revision)).send(visitView(visit));
    },
  );

  app.post(
    '/api/visits/:id/end',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'visit.end' },
      schema: {
        summary:
          'End the visit: completed (finished, once its note is signed; the discharge time) or stopped (cancelled, with the reason); If-Match required (428), a stale one changes nothing (412)',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        headers: IfMatchHeaders,
        body: EndVisitBody,
        response: {
          200: Visit,
          ...problemResponses(...writeRefusals, 'conflict', 'precondition-failed', 'precondition-required'),
        },
      },
    },
    async (request, reply) => {
      const ifRevisions = ifMatchVersions(request.headers['if-match']);
      const { visit } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          endVisit(
            { visitId: request.params.id, ifRevisions, ending: request.body, endedAt: deps.clock.now(), actor, at },
            repos,
          ),
        ),
      );
      return reply.header('etag', etagOf(visit.revision)).send(visitView(visit));
    },
  );

  app.post(
    '/api/visits/:id/screens',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'visit.screen' },
      schema: {
        summary: 'Screen the planned sites and products against the stored chart (the CDS Hooks engine)',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: ScreenBody,
        response: { 201: ScreenResult, ...problemResponses(...writeRefusals, 'conflict') },
      },
    },
    async (request, reply) => {
      const screened = await inCallerClinic(deps, request, (repos, actor, at) =>
        screenAndLink({ visitId: request.params.id, planned: request.body, actor, at }, repos, deps),
      );
      const { screenId, cards, verdict, trace, policyVersion } = orThrow(screened);
      return reply.code(201).send({ screenId, cards, verdict, trace, policyVersion });
    },
  );

  app.post(
    '/api/visits/:id/plan/screen',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'visit.screen' },
      schema: {
        summary:
          'Screen the visit’s saved plan against the stored chart: that plan revision’s screen (signing needs it)',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: NoBody,
        response: { 201: ScreenResult, ...problemResponses(...writeRefusals, 'conflict') },
      },
    },
    async (request, reply) => {
      const screened = await inCallerClinic(deps, request, (repos, actor, at) =>
        screenAndLink({ visitId: request.params.id, planned: 'saved-plan', actor, at }, repos, deps),
      );
      const { screenId, cards, verdict, trace, policyVersion } = orThrow(screened);
      return reply.code(201).send({ screenId, cards, verdict, trace, policyVersion });
    },
  );

  app.get(
    '/api/screens/:id',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'screen.read' },
      schema: {
        summary: 'A stored screen of a visit (cards, verdict, trace, policy version) with the overrides recorded on it',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: StoredScreenView, ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const { screen, overrides } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          readScreen({ screenId: request.params.id, actor, at }, repos),
        ),
      );
      return {
        screenId: screen.id,
        cards: screen.cards,
        verdict: screen.verdict,
        trace: screen.trace,
        policyVersion: screen.policyVersion,
        overrides: overrides.map((o) => ({ ...o, at: new Date(o.at).toISOString() })),
      };
    },
  );

  app.post(
    '/api/screens/:id/overrides',
    {
      config: { auth: ['session'], roles: PRESCRIBER_ROLES, action: 'screen.override' },
      schema: {
        summary: 'Override a critical card of a screen, with one of the contract’s reasons',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: OverrideBody,
        response: { 201: Override, ...problemResponses(...writeRefusals) },
      },
    },
    async (request, reply) => {
      const screenId = request.params.id;
      const result = await inCallerClinic(deps, request, async (repos, actor, at) => {
        const outcome = await overrideCard(
          { clinicId: actor.clinicId, userId: actor.userId, screenId, ...request.body, from: actor.from },
          { screens: repos.screens, clock: deps.clock, audit: repos.audit, newId: deps.newId },
        );
        // overrideCard audits what it records; a refused override is audited here.
        if (!outcome.ok) {
          await repos.audit.record(
            auditAs(actor, at, {
              action: 'screen.override',
              entity: `Screen/${screenId}`,
              patientId: null,
              outcome: 'failed',
              detail: { reason: outcome.code, ...(outcome.path ? { field: outcome.path } : {}) },
            }),
          );
        }
        return outcome;
      });
      if (!result.ok) {
        const errors = result.path ? [{ path: `$.${result.path}`, message: result.detail }] : undefined;
        throw new KnotworkError(result.code, result.detail, errors ? { errors } : {});
      }
      const { override } = result;
      return reply.code(201).send({ ...override, at: new Date(override.at).toISOString() });
    },
  );
  return Promise.resolve();
};
