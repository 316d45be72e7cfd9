// GET/PUT /api/settings/screening-policy (clinic admins): the clinic's screening policy with its
// version label (as cards cite it) and its settings version (the ETag). A change names the fields
// that differ from the contract's defaults, is validated by the core (each bad field named at
// `$.values.<field>`), needs If-Match, becomes a new version and is audited.
import { DEFAULT_POLICY_VALUES } from '@knotwork/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PolicySettings } from '../../app/settings/policy-settings.js';
import { changeScreeningPolicy, readScreeningPolicy } from '../../app/settings/screening-policy-settings.js';
import { ADMIN_ROLES } from '../auth/roles.js';
import { problemResponses } from '../openapi.js';
import { inCallerClinic, orThrow, READ_SECURITY, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { etagOf, ifMatchVersions } from './etag.js';
import { IfMatchHeaders } from './common-schemas.js';

export const POLICY_PATH = '/api/settings/screening-policy';

const PolicyValues = z
  .record(z.string(), z.unknown())
  .describe(`Screening policy fields (${Object.keys(DEFAULT_POLICY_VALUES).join(', ')}); SCREENING.md section 3`);

const PolicyBody = z
  .strictObject({
    values: PolicyValues.describe('The clinic’s values; a field left out takes the contract’s default'),
    reason: z.string().trim().min(1).max(500).optional().describe('Why the policy changes, for the audit log'),
  })
  .meta({ id: 'ScreeningPolicyChange' });

const PolicyView = z
  .object({
    settingsVersion: z.number().int().describe('0: the contract’s defaults, never changed; the ETag is "<n>"'),
    policyVersion: z.string().describe('The label every screen and card cites'),
    values: PolicyValues,
    changedAt: z.iso.datetime().nullable(),
    changedBy: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'ScreeningPolicySetting' });

const view = (s: PolicySettings) => ({
  settingsVersion: s.settingsVersion,
  policyVersion: s.policy.version,
  values: { ...s.policy.values },
  changedAt: s.changedAt === null ? null : new Date(s.changedAt).toISOString(),
  changedBy: s.changedBy,
  reason: s.reason,
});

const config = { auth: ['session'] as const, roles: ADMIN_ROLES };
const tags = ['Settings'];
const refusals = ['unauthenticated', 'session-expired', 'forbidden'] as const;

export const settingsRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  app.get(
    POLICY_PATH,
    {
      config: { ...config, action: 'settings.screening-policy.read' },
      schema: {
        summary: 'The clinic’s current screening policy and its versions',
        tags,
        security: READ_SECURITY,
        response: { 200: PolicyView, ...problemResponses(...refusals) },
      },
    },
    async (request, reply) => {
      const settings = await inCallerClinic(deps, request, (repos, actor, at) =>
        readScreeningPolicy({ actor, at }, repos),
      );
      return reply.header('etag', etagOf(settings.settingsVersion)).send(view(settings));
    },
  );

  app.put(
    POLICY_PATH,
    {
      config: { ...config, action: 'settings.screening-policy.update' },
      schema: {
        summary: 'Change the screening policy (If-Match required); each change is a new version',
        tags,
        security: WRITE_SECURITY,
        headers: IfMatchHeaders,
        body: PolicyBody,
        response: {
          200: PolicyView,
          ...problemResponses(
            'validation-failed',
            ...refusals,
            'csrf-failed',
            'precondition-failed',
            'precondition-required',
          ),
        },
      },
    },
    async (request, reply) => {
      const ifVersions = ifMatchVersions(request.headers['if-match']);
      const { values, reason } = request.body;
      const { settings } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          changeScreeningPolicy({ values, reason: reason ?? null, ifVersions, actor, at }, repos),
        ),
      );
      return reply.header('etag', etagOf(settings.settingsVersion)).send(view(settings));
    },
  );
  return Promise.resolve();
};
