// The clinic's accounts (clinic admins only): list, create, deactivate (ends the user's sessions at
// once; not oneself), reactivate, and reset a password (a temporary one answered once; the user must
// change it and their sessions end). Passwords are hashed before the clinic transaction.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createClinicUser, newUserProblem } from '../../app/admin/create-clinic-user.js';
import { listUsers } from '../../app/admin/list-users.js';
import { resetPassword, temporaryPassword } from '../../app/admin/reset-password.js';
import { setUserActive } from '../../app/admin/set-user-active.js';
import { hashPassword } from '../../app/auth/passwords.js';
import { ADMIN_ROLES } from '../auth/roles.js';
import { problemResponses } from '../openapi.js';
import { NewUserBody, UserIdParams, UserView, userView } from './admin-schemas.js';
import { inCallerClinic, orThrow, READ_SECURITY, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { NoBody } from './common-schemas.js';

export const USERS_PATH = '/api/users';

const config = { auth: ['session'] as const, roles: ADMIN_ROLES };
const tags = ['Users'];
const refusals = ['unauthenticated', 'session-expired', 'forbidden'] as const;
const writeRefusals = [...refusals, 'csrf-failed', 'not-found'] as const;

export const userRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  app.get(
    USERS_PATH,
    {
      config: { ...config, action: 'user.list' },
      schema: {
        summary: 'The clinic’s accounts (no password hashes or secrets)',
        tags,
        security: READ_SECURITY,
        response: { 200: z.object({ items: z.array(UserView) }), ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const users = await inCallerClinic(deps, request, (repos, actor, at) => listUsers({ actor, at }, repos));
      return { items: users.map((u) => userView(u, deps.now())) };
    },
  );

  app.post(
    USERS_PATH,
    {
      config: { ...config, action: 'user.create' },
      schema: {
        summary: 'Create an account with a role (409 when the email has one, in any clinic)',
        tags,
        security: WRITE_SECURITY,
        body: NewUserBody,
        response: { 201: UserView, ...problemResponses('validation-failed', ...refusals, 'csrf-failed', 'conflict') },
      },
    },
    async (request, reply) => {
      const { password, ...rest } = request.body;
      const problem = newUserProblem({ email: rest.email, password });
      if (problem) orThrow(problem);
      const passwordHash = await hashPassword(password);
      const { user } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          createClinicUser({ ...rest, passwordHash, actor, at }, repos),
        ),
      );
      return reply.code(201).header('location', `${USERS_PATH}/${user.id}`).send(userView(user, deps.now()));
    },
  );

  for (const active of [false, true]) {
    app.post(
      `${USERS_PATH}/:id/${active ? 'reactivate' : 'deactivate'}`,
      {
        config: { ...config, action: active ? 'user.reactivate' : 'user.deactivate' },
        schema: {
          summary: active
            ? 'Reactivate an account (and clear its lockout)'
            : 'Deactivate an account: its sessions end at once (409 for one’s own)',
          tags,
          security: WRITE_SECURITY,
          params: UserIdParams,
          body: NoBody,
          response: { 200: UserView, ...problemResponses('validation-failed', ...writeRefusals, 'conflict') },
        },
      },
      async (request) => {
        const { user } = orThrow(
          await inCallerClinic(deps, request, (repos, actor, at) =>
            setUserActive({ userId: request.params.id, active, actor, at }, repos),
          ),
        );
        return userView(user, deps.now());
      },
    );
  }

  app.post(
    `${USERS_PATH}/:id/reset-password`,
    {
      config: { ...config, action: 'user.reset-password' },
      schema: {
        summary: 'Set a temporary password, answered once; the user must change it, their sessions end',
        tags,
        security: WRITE_SECURITY,
        params: UserIdParams,
        body: NoBody,
        response: {
          200: z.object({
            user: UserView,
            temporaryPassword: z.string().describe('Shown this once; give it in person'),
          }),
          ...problemResponses('validation-failed', ...writeRefusals),
        },
      },
    },
    async (request) => {
      const password = temporaryPassword();
      const passwordHash = await hashPassword(password);
      const { user } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          resetPassword({ userId: request.params.id, passwordHash, actor, at }, repos),
        ),
      );
      return { user: userView(user, deps.now()), temporaryPassword: password };
    },
  );
  return Promise.resolve();
};
