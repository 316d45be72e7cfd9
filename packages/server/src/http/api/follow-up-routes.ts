// Issue 6's routes (shapes in follow-up-schemas.ts): the patient's follow-up form behind a link's
// token (public, rate-limited per address, never cached; every token that does not open a form is
// the same 404), and the clinic's tasks raised by red flags (signed in).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerFollowUp, readFollowUpForm } from '../../app/follow-ups/follow-up-form.js';
import { changeTask, listTasks, type TaskView } from '../../app/follow-ups/clinic-tasks.js';
import {
  changeEligibilityPack,
  currentEligibilityPack,
  readEligibilityPack,
  type EligibilityPackView as PackView,
} from '../../app/follow-ups/eligibility-pack-setting.js';
import {
  dashboardCsv,
  outcomesDashboard,
  patientOutcomes,
  type ProcedureOutcomeView,
} from '../../app/follow-ups/outcomes.js';
import { ADMIN_ROLES, ANY_ROLE, CLINICAL_ROLES } from '../auth/roles.js';
import { problemResponses } from '../openapi.js';
import { inCallerClinic, orThrow, READ_SECURITY, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { IdParams, IfMatchHeaders, NoBody } from './common-schemas.js';
import { etagOf, ifMatchVersions } from './etag.js';
import {
  EligibilityPackChange,
  EligibilityPackView,
  Dashboard,
  DASHBOARD_CSV_COLUMNS,
  DashboardQuery,
  PatientOutcomes,
  FollowUpAnswersCreated,
  FollowUpAnswersInput,
  FollowUpForm,
  FollowUpTokenParams,
  TaskList,
  TaskQuery,
  Task,
} from './follow-up-schemas.js';
import { KnotworkError } from '../knotwork-error.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Per address: a patient reads a form a few times and sends a few entries a day. */
export const FOLLOW_UP_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;

const taskOut = (t: TaskView) => ({
  id: t.id,
  kind: t.kind,
  urgency: t.urgency,
  patientId: t.patientId,
  patientName: t.patientName,
  visitId: t.visitId,
  createdAt: iso(t.createdAt),
  summary: t.summary,
  status: t.status,
  etag: etagOf(t.revision),
});

export const followUpRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  const publicConfig = { auth: 'public' as const, rateLimit: FOLLOW_UP_RATE_LIMIT };

  app.get(
    '/api/follow-up/:token',
    {
      config: publicConfig,
      schema: {
        summary: 'The patient’s follow-up form behind a link (public: the token is the key)',
        tags: ['Follow-up'],
        params: FollowUpTokenParams,
        response: { 200: FollowUpForm, ...problemResponses('not-found', 'rate-limited') },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const { form } = orThrow(
        await readFollowUpForm({ token: request.params.token, at: deps.now(), from: request.ip }, deps.repos),
      );
      return {
        ...form,
        dueAt: iso(form.dueAt),
        expiresAt: iso(form.expiresAt),
        procedureDate: iso(form.procedureDate),
        sites: form.sites.map((s) => ({ ...s })),
        products: form.products.map((p) => ({ ...p })),
        baseline: { painNrs: form.baseline.painNrs, peg: form.baseline.peg && { ...form.baseline.peg } },
        sideEffects: form.sideEffects.map((s) => ({ ...s })) as never,
        redFlags: form.redFlags.map((f) => ({ ...f })) as never,
        entries: form.entries.map((e) => ({ submittedAt: iso(e.submittedAt) })),
      };
    },
  );

  app.post(
    '/api/follow-up/:token/answers',
    {
      config: publicConfig,
      schema: {
        summary: 'Send the patient’s answers; a red flag answers what to do now and raises a clinic task',
        tags: ['Follow-up'],
        params: FollowUpTokenParams,
        body: FollowUpAnswersInput,
        response: {
          201: FollowUpAnswersCreated,
          ...problemResponses(
            'validation-failed',
            'not-found',
            'rate-limited',
            'payload-too-large',
            'unsupported-media-type',
          ),
        },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const done = orThrow(
        await answerFollowUp(
          { token: request.params.token, at: deps.now(), from: request.ip, answers: request.body },
          deps.repos,
        ),
      );
      return reply.code(201).send({
        id: done.id,
        redFlags: done.redFlags.map((f) => ({
          id: f.id as never,
          urgency: f.urgency,
          advice: f.advice,
          sources: [...f.sources],
        })),
      });
    },
  );

  const refusals = ['validation-failed', 'unauthenticated', 'session-expired', 'forbidden'] as const;

  app.get(
    '/api/tasks',
    {
      config: { auth: ['session'], roles: ANY_ROLE, action: 'task.list' },
      schema: {
        summary: 'The clinic’s tasks (red flags from follow-up answers), most urgent first',
        tags: ['Follow-up'],
        security: READ_SECURITY,
        querystring: TaskQuery,
        response: { 200: TaskList, ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const { tasks } = await inCallerClinic(deps, request, (repos, actor, at) =>
        listTasks({ status: request.query.status, actor, at }, repos),
      );
      return { tasks: tasks.map(taskOut) };
    },
  );

  for (const [verb, to] of [
    ['acknowledge', 'acknowledged'],
    ['resolve', 'resolved'],
  ] as const) {
    app.post(
      `/api/tasks/:id/${verb}`,
      {
        config: { auth: ['session'], roles: ANY_ROLE, action: `task.${verb}` },
        schema: {
          summary: `${verb === 'acknowledge' ? 'Acknowledge' : 'Resolve'} a task (If-Match: its etag)`,
          tags: ['Follow-up'],
          security: WRITE_SECURITY,
          params: IdParams,
          headers: IfMatchHeaders,
          body: NoBody,
          response: {
            200: Task,
            ...problemResponses(
              ...refusals,
              'not-found',
              'conflict',
              'csrf-failed',
              'precondition-failed',
              'precondition-required',
            ),
          },
        },
      },
      async (request) => {
        const header = request.headers['if-match'];
        if (header === undefined) {
          throw new KnotworkError('precondition-required', 'send If-Match with the etag of the task you read');
        }
        const { task } = orThrow(
          await inCallerClinic(deps, request, (repos, actor, at) =>
            changeTask({ taskId: request.params.id, to, ifRevisions: ifMatchVersions(header), actor, at }, repos),
          ),
        );
        return taskOut(task);
      },
    );
  }

  const procedureOut = (p: ProcedureOutcomeView) => ({
    visitId: p.facts.visitId,
    noteId: p.facts.noteId,
    date: iso(p.facts.signedAt),
    sites: p.facts.sites.map((x) => ({ ...x })),
    injectates: [...p.facts.injectates],
    indication: p.facts.indication && { ...p.facts.indication },
    baseline: {
      painNrs: p.facts.baseline?.painNrs ?? null,
      peg: p.facts.baseline?.peg ? { ...p.facts.baseline.peg } : null,
    },
    points: p.points.map((x) => ({
      ...x,
      at: iso(x.at),
      peg: x.peg && { ...x.peg },
      sideEffects: [...x.sideEffects],
      redFlags: [...x.redFlags],
    })),
    outcome: p.outcome,
    eligibility: p.eligibility,
  });

  app.get(
    '/api/patients/:id/outcomes',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'outcomes.read' },
      schema: {
        summary: 'The patient’s signed procedures with follow-up answers, outcome and repeat eligibility (core)',
        tags: ['Outcomes'],
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: PatientOutcomes, ...problemResponses(...refusals, 'not-found') },
      },
    },
    async (request) => {
      const { procedures } = orThrow(
        await inCallerClinic(deps, request, async (repos, actor, at) =>
          patientOutcomes({ patientId: request.params.id, actor, at }, repos, await currentEligibilityPack(repos)),
        ),
      );
      return { procedures: procedures.map(procedureOut) };
    },
  );

  const dashboard = (request: Parameters<typeof inCallerClinic>[1], filters: DashboardQueryValue) =>
    inCallerClinic(deps, request, (repos, actor, at) => outcomesDashboard({ filters, actor, at }, repos));

  app.get(
    '/api/dashboard/outcomes',
    {
      config: { auth: ['session'], roles: ANY_ROLE, action: 'dashboard.read' },
      schema: {
        summary: 'Responder rates, median relief duration, flares, complications and steroid exposure, by group',
        tags: ['Outcomes'],
        security: READ_SECURITY,
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...problemResponses(...refusals) },
      },
    },
    async (request) => JSON.parse(JSON.stringify((await dashboard(request, request.query)).dashboard)) as never,
  );

  app.get(
    '/api/dashboard/outcomes.csv',
    {
      config: { auth: ['session'], roles: ANY_ROLE, action: 'dashboard.read' },
      schema: {
        summary: 'The dashboard as CSV: one line per row of every group',
        tags: ['Outcomes'],
        security: READ_SECURITY,
        querystring: DashboardQuery,
        response: { 200: z.string().describe('text/csv'), ...problemResponses(...refusals) },
      },
    },
    async (request, reply) => {
      const { dashboard: d } = await dashboard(request, request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="knotwork-outcomes.csv"')
        .send(dashboardCsv(d, DASHBOARD_CSV_COLUMNS));
    },
  );
  const packOut = (v: PackView) => ({
    ...v,
    changedAt: v.changedAt === null ? null : iso(v.changedAt),
  });

  app.get(
    '/api/settings/eligibility-pack',
    {
      config: { auth: ['session'], roles: ANY_ROLE, action: 'settings.eligibility-pack.read' },
      schema: {
        summary:
          'The clinic’s repeat-eligibility rule pack (Medicare by default, eviCore, or the clinic’s own); ETag "<settings version>"',
        tags: ['Settings'],
        security: READ_SECURITY,
        response: { 200: EligibilityPackView, ...problemResponses(...refusals) },
      },
    },
    async (request, reply) => {
      const view = await inCallerClinic(deps, request, (repos, actor, at) => readEligibilityPack({ actor, at }, repos));
      return reply.header('etag', etagOf(view.settingsVersion)).send(packOut(view));
    },
  );

  app.put(
    '/api/settings/eligibility-pack',
    {
      config: { auth: ['session'], roles: ADMIN_ROLES, action: 'settings.eligibility-pack.change' },
      schema: {
        summary: 'Choose the repeat-eligibility pack (a new settings version; If-Match required)',
        tags: ['Settings'],
        security: WRITE_SECURITY,
        headers: IfMatchHeaders,
        body: EligibilityPackChange,
        response: {
          200: EligibilityPackView,
          ...problemResponses(...refusals, 'csrf-failed', 'precondition-failed', 'precondition-required'),
        },
      },
    },
    async (request, reply) => {
      const header = request.headers['if-match'];
      if (header === undefined) {
        throw new KnotworkError('precondition-required', 'send If-Match with the ETag of the settings you read');
      }
      const { packId, rules, reason } = request.body;
      const { setting } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          changeEligibilityPack(
            { packId, pack: rules, reason: reason ?? null, ifVersions: ifMatchVersions(header), actor, at },
            repos,
          ),
        ),
      );
      return reply.header('etag', etagOf(setting.settingsVersion)).send(packOut(setting));
    },
  );
  return Promise.resolve();
};

type DashboardQueryValue = z.infer<typeof DashboardQuery>;
