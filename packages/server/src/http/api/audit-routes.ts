// GET /api/audit (clinic admins): the clinic's audit log, newest first, filtered by time, actor,
// action and patient, a page at a time (keyset: `next` is the cursor of the following page). Each
// row says who, what, when, from where, the outcome, and its place in the hash chain. Reading the
// log is audited (`audit.read`).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readAuditLog } from '../../app/admin/read-audit-log.js';
import { InvalidCursorError } from '../../app/db-repositories/invalid-cursor.js';
import { ADMIN_ROLES } from '../auth/roles.js';
import { KnotworkError } from '../knotwork-error.js';
import { problemResponses } from '../openapi.js';
import { AuditPage, AuditQueryString, auditEntryView } from './admin-schemas.js';
import { inCallerClinic, READ_SECURITY, type ClinicApiDeps } from './clinic-context.js';

export const AUDIT_PATH = '/api/audit';

const time = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

export const auditRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  app.get(
    AUDIT_PATH,
    {
      config: { auth: ['session'], roles: ADMIN_ROLES, action: 'audit.read' },
      schema: {
        summary: 'The clinic’s audit log, newest first, a page at a time',
        tags: ['Audit'],
        security: READ_SECURITY,
        querystring: AuditQueryString,
        response: {
          200: AuditPage,
          ...problemResponses('validation-failed', 'unauthenticated', 'session-expired', 'forbidden'),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const query = { ...q, from: time(q.from), to: time(q.to) };
      try {
        const page = await inCallerClinic(deps, request, (repos, actor, at) =>
          readAuditLog({ query, actor, at }, repos),
        );
        return { items: page.items.map(auditEntryView), next: page.next };
      } catch (error) {
        if (!(error instanceof InvalidCursorError)) throw error;
        throw new KnotworkError('validation-failed', error.message, {
          errors: [{ path: 'querystring.cursor', message: error.message }],
        });
      }
    },
  );
  return Promise.resolve();
};
