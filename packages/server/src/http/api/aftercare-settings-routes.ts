// The clinic's settings beside the screening policy (settings-routes.ts): GET /api/settings (every
// current setting, its version and whether each is Knotwork's default), and GET/PUT
// /api/settings/follow-up-schedule and /api/settings/observation-time. Clinical roles read them
// (they run the follow-up calls and the discharge timer) and so do admins; clinic admins change
// them, one setting per request, each change a new settings version (the ETag) carrying the others
// forward, If-Match required, validated by the core with each field named, and audited.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeFollowUpSchedule,
  changeObservationTime,
  readAftercareSetting,
} from '../../app/settings/aftercare-setting-changes.js';
import { readClinicSettings } from '../../app/settings/clinic-settings.js';
import { ADMIN_ROLES, CLINICAL_ROLES } from '../auth/roles.js';
import { problemResponses } from '../openapi.js';
import {
  ClinicSettingsView,
  clinicSettingsView,
  FollowUpScheduleChange,
  FollowUpScheduleView,
  followUpView,
  ObservationTimeChange,
  ObservationTimeView,
  observationView,
} from './aftercare-schemas.js';
import { inCallerClinic, orThrow, READ_SECURITY, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { IfMatchHeaders, IfNoneMatchHeaders } from './common-schemas.js';
import { etagOf, ifMatchVersions, ifNoneMatchHits } from './etag.js';

export const SETTINGS_PATH = '/api/settings';
export const FOLLOW_UP_PATH = '/api/settings/follow-up-schedule';
export const OBSERVATION_PATH = '/api/settings/observation-time';

/** The people who follow patients up and discharge them, and the admins who set the clinic up. */
const READ_ROLES = [...CLINICAL_ROLES, ...ADMIN_ROLES];
const read = { auth: ['session'] as const, roles: READ_ROLES };
const change = { auth: ['session'] as const, roles: ADMIN_ROLES };
const tags = ['Settings'];
const refusals = ['unauthenticated', 'session-expired', 'forbidden'] as const;
const writeProblems = problemResponses(
  'validation-failed',
  ...refusals,
  'csrf-failed',
  'precondition-failed',
  'precondition-required',
);
const notModified = z.undefined().describe('Not modified');

export const aftercareSettingsRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  app.get(
    SETTINGS_PATH,
    {
      config: { ...read, action: 'settings.read' },
      schema: {
        summary: 'Every current clinic setting, its version (ETag) and whether each is the default',
        tags,
        security: READ_SECURITY,
        headers: IfNoneMatchHeaders,
        response: { 200: ClinicSettingsView, 304: notModified, ...problemResponses(...refusals) },
      },
    },
    async (request, reply) => {
      const settings = await inCallerClinic(deps, request, (repos, actor, at) =>
        readClinicSettings({ actor, at }, repos),
      );
      const etag = etagOf(settings.aftercare.settingsVersion);
      void reply.header('etag', etag);
      if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return clinicSettingsView(settings);
    },
  );

  for (const [path, setting, View, view] of [
    [FOLLOW_UP_PATH, 'follow-up-schedule', FollowUpScheduleView, followUpView],
    [OBSERVATION_PATH, 'observation-time', ObservationTimeView, observationView],
  ] as const) {
    app.get(
      path,
      {
        config: { ...read, action: `settings.${setting}.read` },
        schema: {
          summary: `The clinic’s ${setting.replaceAll('-', ' ')} and the settings version (ETag)`,
          tags,
          security: READ_SECURITY,
          headers: IfNoneMatchHeaders,
          response: { 200: View, 304: notModified, ...problemResponses(...refusals) },
        },
      },
      async (request, reply) => {
        const settings = await inCallerClinic(deps, request, (repos, actor, at) =>
          readAftercareSetting({ setting, actor, at }, repos),
        );
        const etag = etagOf(settings.settingsVersion);
        void reply.header('etag', etag);
        if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
        return view(settings);
      },
    );
  }

  app.put(
    FOLLOW_UP_PATH,
    {
      config: { ...change, action: 'settings.follow-up-schedule.update' },
      schema: {
        summary: 'Change the follow-up schedule (If-Match required); each change is a new settings version',
        tags,
        security: WRITE_SECURITY,
        headers: IfMatchHeaders,
        body: FollowUpScheduleChange,
        response: { 200: FollowUpScheduleView, ...writeProblems },
      },
    },
    async (request, reply) => {
      const ifVersions = ifMatchVersions(request.headers['if-match']);
      const { points, reason } = request.body;
      const { settings } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          changeFollowUpSchedule({ value: { points }, reason: reason ?? null, ifVersions, actor, at }, repos),
        ),
      );
      return reply.header('etag', etagOf(settings.settingsVersion)).send(followUpView(settings));
    },
  );

  app.put(
    OBSERVATION_PATH,
    {
      config: { ...change, action: 'settings.observation-time.update' },
      schema: {
        summary: 'Change the observation time (If-Match required); each change is a new settings version',
        tags,
        security: WRITE_SECURITY,
        headers: IfMatchHeaders,
        body: ObservationTimeChange,
        response: { 200: ObservationTimeView, ...writeProblems },
      },
    },
    async (request, reply) => {
      const ifVersions = ifMatchVersions(request.headers['if-match']);
      const { minutes, reason } = request.body;
      const { settings } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          changeObservationTime({ value: minutes, reason: reason ?? null, ifVersions, actor, at }, repos),
        ),
      );
      return reply.header('etag', etagOf(settings.settingsVersion)).send(observationView(settings));
    },
  );
  return Promise.resolve();
};
