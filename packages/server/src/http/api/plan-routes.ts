// A visit's plan (clinicians and nurses): GET with its ETag, PUT to create it (If-None-Match: *)
// or replace it (If-Match "<revision>"; 428 without either, 412 when stale). Saving and reading are
// audited as `plan.save` and `plan.read` in the caller's clinic transaction.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readPlan, savePlan } from '../../app/visits/plan-visit.js';
import { screenAndLink } from '../../app/visits/screen-and-link.js';
import { CLINICAL_ROLES } from '../auth/roles.js';
import { KnotworkError } from '../knotwork-error.js';
import { problemResponses } from '../openapi.js';
import { inCallerClinic, orThrow, READ_SECURITY, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { IdParams, IfNoneMatchHeaders } from './common-schemas.js';
import { etagOf, ifMatchVersions, ifNoneMatchHits } from './etag.js';
import { Plan, PlanHeaders, PlanInput } from './plan-schemas.js';
import { ScreenResult } from './screen-schemas.js';

const tags = ['Visits'];
const PlanAndScreen = z
  .object({ plan: Plan, screen: ScreenResult })
  .meta({ id: 'PlanAndScreen', description: 'The saved plan and the screen of that revision' });
const refusals = ['validation-failed', 'unauthenticated', 'session-expired', 'forbidden', 'not-found'] as const;
const writeRefusals = [...refusals, 'csrf-failed', 'payload-too-large', 'unsupported-media-type'] as const;

/** What the conditional headers ask: create the first plan, or change the revisions named. */
function expectation(headers: { 'if-match'?: string | undefined; 'if-none-match'?: string | undefined }) {
  if (headers['if-match'] !== undefined) return ifMatchVersions(headers['if-match']);
  if (headers['if-none-match']?.trim() === '*') return 'new' as const;
  throw new KnotworkError(
    'precondition-required',
    'send If-Match with the ETag of the plan you read, or If-None-Match: * to create the visit’s first plan',
  );
}

export const planRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  app.get(
    '/api/visits/:id/plan',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'plan.read' },
      schema: {
        summary: 'Read the visit’s plan (ETag "<revision>"; 304 when If-None-Match names it)',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        headers: IfNoneMatchHeaders,
        response: { 200: Plan, 304: z.undefined().describe('Not modified'), ...problemResponses(...refusals) },
      },
    },
    async (request, reply) => {
      const { plan } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          readPlan({ visitId: request.params.id, actor, at }, repos),
        ),
      );
      const etag = etagOf(plan.revision);
      void reply.header('etag', etag);
      if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return plan;
    },
  );

  app.put(
    '/api/visits/:id/plan',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'plan.save' },
      schema: {
        summary:
          'Create the visit’s plan (If-None-Match: *, 201) or replace it (If-Match, 200); 428 without either, 412 when stale',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        headers: PlanHeaders,
        body: PlanInput,
        response: {
          200: Plan,
          201: Plan,
          ...problemResponses(...writeRefusals, 'precondition-failed', 'precondition-required'),
        },
      },
    },
    async (request, reply) => {
      const expect = expectation(request.headers);
      const { plan, created } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          savePlan({ visitId: request.params.id, expect, content: request.body, actor, at }, repos),
        ),
      );
      return reply
        .code(created ? 201 : 200)
        .header('etag', etagOf(plan.revision))
        .send(plan);
    },
  );
  // The web app's map click: the save and the saved revision's screen in one request and one
  // transaction, instead of PUT /plan then POST /plan/screen (two round trips and two commits).
  app.put(
    '/api/visits/:id/plan/screened',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'plan.save' },
      schema: {
        summary:
          'Save the visit’s plan as PUT /plan does (If-None-Match: * or If-Match) and screen the saved revision as POST /plan/screen does, in one transaction: the plan and its screen',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        headers: PlanHeaders,
        body: PlanInput,
        response: {
          200: PlanAndScreen,
          201: PlanAndScreen,
          ...problemResponses(...writeRefusals, 'precondition-failed', 'precondition-required', 'conflict'),
        },
      },
    },
    async (request, reply) => {
      const expect = expectation(request.headers);
      const visitId = request.params.id;
      const { plan, created, screen } = orThrow(
        await inCallerClinic(deps, request, async (repos, actor, at) => {
          const saved = await savePlan({ visitId, expect, content: request.body, actor, at }, repos);
          if (!saved.ok) return saved;
          const screened = await screenAndLink({ visitId, planned: 'saved-plan', actor, at }, repos, deps);
          // Not expected once the plan is saved; were it to happen, the save must not stand alone.
          if (!screened.ok) throw new KnotworkError(screened.code, screened.detail);
          const { screenId, cards, verdict, trace, policyVersion } = screened;
          return { ...saved, screen: { screenId, cards, verdict, trace, policyVersion } };
        }),
      );
      return reply
        .code(created ? 201 : 200)
        .header('etag', etagOf(plan.revision))
        .send({ plan, screen });
    },
  );
  return Promise.resolve();
};
