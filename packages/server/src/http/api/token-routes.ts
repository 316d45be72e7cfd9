// API tokens for system clients (clinic admins only): issue one (the token is in this answer and
// never again), list them (never the token), revoke one (its next request gets 401). How a route
// accepts tokens: README.md here, "API tokens".
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken } from '../../app/admin/create-api-token.js';
import { listApiTokens } from '../../app/admin/list-api-tokens.js';
import { revokeApiToken } from '../../app/admin/revoke-api-token.js';
import { ADMIN_ROLES } from '../auth/roles.js';
import { problemResponses } from '../openapi.js';
import { ApiTokenView, NewApiTokenBody, tokenView } from './admin-schemas.js';
import { inCallerClinic, orThrow, READ_SECURITY, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { IdParams, NoBody } from './common-schemas.js';

export const TOKENS_PATH = '/api/tokens';

const config = { auth: ['session'] as const, roles: ADMIN_ROLES };
const tags = ['API tokens'];
const refusals = ['unauthenticated', 'session-expired', 'forbidden'] as const;

export const tokenRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  app.get(
    TOKENS_PATH,
    {
      config: { ...config, action: 'api-token.list' },
      schema: {
        summary: 'The clinic’s API tokens (never the tokens themselves)',
        tags,
        security: READ_SECURITY,
        response: { 200: z.object({ items: z.array(ApiTokenView) }), ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const tokens = await inCallerClinic(deps, request, (repos, actor, at) => listApiTokens({ actor, at }, repos));
      return { items: tokens.map((t) => tokenView(t, deps.now())) };
    },
  );

  app.post(
    TOKENS_PATH,
    {
      config: { ...config, action: 'api-token.create' },
      schema: {
        summary: 'Issue an API token: the token is in this answer only (Authorization: Bearer kwt_...)',
        tags,
        security: WRITE_SECURITY,
        body: NewApiTokenBody,
        response: {
          201: ApiTokenView.extend({ token: z.string().describe('Shown once; only its hash is kept') }),
          ...problemResponses('validation-failed', ...refusals, 'csrf-failed'),
        },
      },
    },
    async (request, reply) => {
      const { name, scopes, expiresAt } = request.body;
      const created = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          createApiToken(
            { name, scopes, expiresAt: expiresAt === undefined ? null : Date.parse(expiresAt), actor, at },
            repos,
          ),
        ),
      );
      return reply.code(201).send({ ...tokenView(created.record, deps.now()), token: created.token });
    },
  );

  app.delete(
    `${TOKENS_PATH}/:id`,
    {
      config: { ...config, action: 'api-token.revoke' },
      schema: {
        summary: 'Revoke an API token: its next request gets 401',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: NoBody,
        response: {
          200: ApiTokenView,
          ...problemResponses('validation-failed', ...refusals, 'csrf-failed', 'not-found'),
        },
      },
    },
    async (request) => {
      const { record } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          revokeApiToken({ tokenId: request.params.id, actor, at }, repos),
        ),
      );
      return tokenView(record, deps.now());
    },
  );
  return Promise.resolve();
};
