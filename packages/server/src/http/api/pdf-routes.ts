// Printable documents (issue 4): a signed consent, a signed note version, a visit's discharge sheet,
// each as application/pdf shown inline. Clinicians and nurses. The print use case (pdf/print-*.ts)
// gathers the document's data and audits the print in the caller's clinic transaction; the PDF is
// drawn after it has committed.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consentPdf } from '../../pdf/consent-pdf.js';
import { dischargePdf } from '../../pdf/discharge-pdf.js';
import { notePdf } from '../../pdf/note-pdf.js';
import { printConsent } from '../../pdf/print-consent.js';
import { printDischarge } from '../../pdf/print-discharge.js';
import { printNote } from '../../pdf/print-note.js';
import { CLINICAL_ROLES } from '../auth/roles.js';
import { problemResponses } from '../openapi.js';
import { followUpUrl, inCallerClinic, orThrow, READ_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { IdParams } from './common-schemas.js';

const tags = ['Documents'];
const refusals = ['validation-failed', 'unauthenticated', 'session-expired', 'forbidden', 'not-found'] as const;

const PDF = {
  description: 'The document as a PDF (shown inline; save or print it from the viewer)',
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
};

const ConsentParams = z.strictObject({
  id: z.guid('expected a record id (a UUID)').describe('The visit'),
  consentId: z.guid('expected a record id (a UUID)').describe('The signed consent'),
});

/** A safe file name: letters, digits, dots and dashes of the ids only. */
const fileName = (...parts: string[]) => `${parts.join('-').replace(/[^A-Za-z0-9.-]/g, '_')}.pdf`;

function sendPdf(reply: FastifyReply, name: string, bytes: Buffer) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${name}"`)
    .send(bytes);
}

export const pdfRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  const clinical = (action: string) => ({ auth: ['session' as const], roles: CLINICAL_ROLES, action });

  app.get(
    '/api/visits/:id/consents/:consentId/pdf',
    {
      config: clinical('consent.print'),
      schema: {
        summary: 'A signed consent as a PDF: the form as shown and stored, the signer, the signature, the witness',
        tags,
        security: READ_SECURITY,
        params: ConsentParams,
        response: { 200: PDF, ...problemResponses(...refusals) },
      },
    },
    async (request, reply) => {
      const { id, consentId } = request.params;
      const { document } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          printConsent({ visitId: id, consentId, actor, at }, repos),
        ),
      );
      return sendPdf(reply, fileName('consent', consentId), await consentPdf(document));
    },
  );

  app.get(
    '/api/notes/:id/pdf',
    {
      config: clinical('note.print'),
      schema: {
        summary: 'A signed or amended note version as a PDF, with its procedure record and coding; a draft is 409',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: PDF, ...problemResponses(...refusals, 'conflict') },
      },
    },
    async (request, reply) => {
      const { document } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          printNote({ noteId: request.params.id, actor, at }, repos),
        ),
      );
      const name = fileName('procedure-note', request.params.id, `v${document.version}`);
      return sendPdf(reply, name, await notePdf(document));
    },
  );

  app.get(
    '/api/visits/:id/discharge/pdf',
    {
      config: clinical('discharge.print'),
      schema: {
        summary: 'The discharge sheet as a PDF: checks before leaving, aftercare and warning signs for the visit',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: PDF, ...problemResponses(...refusals, 'conflict') },
      },
    },
    async (request, reply) => {
      const { document } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          printDischarge(
            { visitId: request.params.id, linkUrl: (token) => followUpUrl(deps, token), actor, at },
            repos,
          ),
        ),
      );
      return sendPdf(reply, fileName('discharge', request.params.id), await dischargePdf(document));
    },
  );
  return Promise.resolve();
};
