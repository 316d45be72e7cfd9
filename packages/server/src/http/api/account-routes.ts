// The signed-in user's own account (every role): change the password (the current one asked again;
// clears must-change-password, ends the other sessions), and the TOTP second factor: enrol (a secret
// and otpauth URI, pending), confirm with a code (on), turn off with the password. Passwords are
// verified and hashed before the clinic transaction.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changePassword, preparePasswordChange } from '../../app/account/change-password.js';
import { confirmTotp } from '../../app/account/confirm-totp.js';
import { disableTotp } from '../../app/account/disable-totp.js';
import { enrolTotp } from '../../app/account/enrol-totp.js';
import { verifyOwnPassword } from '../../app/account/verify-own-password.js';
import type { UserRecord } from '../../app/auth/auth-ports.js';
import { userOf } from '../auth/authenticate.js';
import { ANY_ROLE } from '../auth/roles.js';
import { KnotworkError } from '../knotwork-error.js';
import { problemResponses } from '../openapi.js';
import { inCallerClinic, orThrow, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { NoBody } from './common-schemas.js';

export const ACCOUNT_PATH = '/api/account';

const config = { auth: ['session'] as const, roles: ANY_ROLE };
const tags = ['Account'];
const refusals = ['validation-failed', 'unauthenticated', 'session-expired', 'forbidden', 'csrf-failed'] as const;
const Done = z.object({ ok: z.literal(true) });

const PasswordChange = z
  .strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) })
  .meta({ id: 'PasswordChange' });

export const accountRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  const self = async (request: FastifyRequest): Promise<UserRecord> => {
    const user = await deps.repos.system.users.findById(userOf(request).userId);
    if (!user) throw new KnotworkError('session-expired', 'the account no longer exists');
    return user;
  };

  app.post(
    `${ACCOUNT_PATH}/password`,
    {
      config: { ...config, action: 'account.password.change', duringPasswordChange: true },
      schema: {
        summary: 'Change one’s password (the current one too); ends one’s other sessions',
        tags,
        security: WRITE_SECURITY,
        body: PasswordChange,
        response: { 200: Done, ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const { currentPassword, newPassword } = request.body;
      const { passwordHash } = orThrow(
        await preparePasswordChange({ user: await self(request), currentPassword, newPassword }),
      );
      const sessionId = userOf(request).sessionId;
      return orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          changePassword({ passwordHash, sessionId, actor, at }, repos),
        ),
      );
    },
  );

  app.post(
    `${ACCOUNT_PATH}/totp`,
    {
      config: { ...config, action: 'account.totp.enrol' },
      schema: {
        summary: 'Start TOTP enrolment: a new secret and its otpauth URI, pending until confirmed',
        tags,
        security: WRITE_SECURITY,
        body: NoBody,
        response: {
          200: z.object({ secret: z.string().describe('Base32'), uri: z.string().describe('otpauth://totp/...') }),
          ...problemResponses(...refusals, 'conflict'),
        },
      },
    },
    async (request) => {
      const { secret, uri } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) => enrolTotp({ actor, at }, repos)),
      );
      return { secret, uri };
    },
  );

  app.post(
    `${ACCOUNT_PATH}/totp/confirm`,
    {
      config: { ...config, action: 'account.totp.confirm' },
      schema: {
        summary: 'Confirm TOTP enrolment with a code: from now on sign-in needs a code',
        tags,
        security: WRITE_SECURITY,
        body: z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits') }),
        response: { 200: Done, ...problemResponses(...refusals, 'conflict') },
      },
    },
    async (request) =>
      orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          confirmTotp({ code: request.body.code, actor, at }, repos),
        ),
      ),
  );

  app.delete(
    `${ACCOUNT_PATH}/totp`,
    {
      config: { ...config, action: 'account.totp.disable' },
      schema: {
        summary: 'Turn the TOTP second factor off (the password is asked again)',
        tags,
        security: WRITE_SECURITY,
        body: z.strictObject({ password: z.string().min(1).max(1024) }),
        response: { 200: Done, ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const wrong = await verifyOwnPassword(await self(request), request.body.password, 'password');
      if (wrong) orThrow(wrong);
      return orThrow(await inCallerClinic(deps, request, (repos, actor, at) => disableTotp({ actor, at }, repos)));
    },
  );
  return Promise.resolve();
};
