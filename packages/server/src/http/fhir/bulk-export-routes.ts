// FHIR Bulk Data export of the caller's clinic (issue 5 item 2; Bulk Data Access IG, the
// asynchronous request pattern): GET /fhir/R4/$export with `Prefer: respond-async` starts a job
// and answers 202 with its status URL in Content-Location; GET on that URL answers 202 with
// X-Progress while it runs, 200 with the manifest (transactionTime, request, output files with
// their counts) when done, an OperationOutcome if it failed; DELETE cancels it and deletes its
// files (202); the files are NDJSON, one per resource type. Kick-off takes `_type` (a comma list
// of the exported types) and `_outputFormat` (NDJSON only); `_since` is refused, since the stored
// records keep no last-updated time to filter on. Clinicians and API tokens with charts:read.
import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditAs } from '../../app/actor.js';
import { bulkJobFiles } from '../../app/fhir-export/bulk-job-files.js';
import { EXPORTED_TYPES, isExportedType, type ExportedType } from '../../fhir/export/patient-resources.js';
import { actorOf, inCallerClinic, TOKEN_READ_SECURITY } from '../api/clinic-context.js';
import { NoBody } from '../api/common-schemas.js';
import { PRESCRIBER_ROLES } from '../auth/roles.js';
import { KnotworkError } from '../knotwork-error.js';
import { bulkExportRunner } from './bulk-export-runner.js';
import { FHIR_JSON, registerFhirErrors, sendOutcome, sendResource } from './fhir-outcome.js';
import { FHIR_R4, type FhirDeps } from './fhir-read-routes.js';

export const EXPORT_STATUS = `${FHIR_R4}/$export-status`;
export const EXPORT_FILE = `${FHIR_R4}/$export-file`;
const NDJSON_FORMATS = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'];

export interface BulkExportDeps extends FhirDeps {
  /** Where jobs and their files live (KNOTWORK_DATA_DIR/exports); absent: a temporary folder, made on first use. */
  readonly exportDir: string | undefined;
}

const KickOffQuery = z.strictObject({
  _type: z.string().max(1000).optional(),
  _outputFormat: z.string().max(100).optional(),
  _since: z.string().max(100).optional(),
});
const JobParams = z.strictObject({ jobId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'is not a job id') });
const FileParams = JobParams.extend({
  file: z.string().regex(/^[A-Za-z]{1,40}\.ndjson$/, 'is not an export file name'),
});

const CONFIG = {
  auth: ['api-token', 'session'] as const,
  // The whole clinic's records at once: the treating clinicians, and system clients with a read token.
  roles: PRESCRIBER_ROLES,
  scopes: ['charts:read'] as const,
};

function typesOf(raw: string | undefined): ExportedType[] {
  if (raw === undefined || raw.trim() === '') return [...EXPORTED_TYPES];
  const asked = raw.split(',').map((t) => t.trim());
  const unknown = asked.filter((t) => !isExportedType(t));
  if (unknown.length > 0) {
    throw new KnotworkError('validation-failed', `_type names types this server does not export`, {
      errors: unknown.map((t) => ({
        path: 'querystring._type',
        message: `${t} is not exported (see /fhir/R4/metadata)`,
      })),
    });
  }
  return EXPORTED_TYPES.filter((t) => asked.includes(t));
}

export const bulkExportRoutes: FastifyPluginAsyncZod<{ deps: BulkExportDeps }> = (app, { deps }) => {
  registerFhirErrors(app);
  let temporary: string | undefined;
  const files = bulkJobFiles(
    deps.exportDir ?? (() => (temporary ??= mkdtempSync(join(tmpdir(), 'knotwork-exports-')))),
  );
  const fhirBase = `${deps.publicBaseUrl}${FHIR_R4}`;
  const runner = bulkExportRunner({
    repos: deps.repos,
    files,
    context: { publicBaseUrl: deps.publicBaseUrl },
    now: deps.now,
    log: (error, message) => app.log.error({ err: error }, message),
  });

  app.get(
    `${FHIR_R4}/$export`,
    {
      config: { ...CONFIG, action: 'clinic.fhir.export' },
      schema: {
        summary: 'Start a Bulk Data export of the clinic (Prefer: respond-async): 202 with the status URL',
        tags: ['FHIR'],
        security: TOKEN_READ_SECURITY,
        querystring: KickOffQuery,
      },
    },
    async (request, reply) => {
      const prefer = String(request.headers.prefer ?? '');
      if (!/\brespond-async\b/.test(prefer)) {
        throw new KnotworkError(
          'validation-failed',
          'a Bulk Data export runs asynchronously: send Prefer: respond-async',
          {
            errors: [{ path: 'headers.prefer', message: 'must be respond-async' }],
          },
        );
      }
      const { _type, _outputFormat, _since } = request.query;
      if (_outputFormat !== undefined && !NDJSON_FORMATS.includes(_outputFormat)) {
        throw new KnotworkError('validation-failed', `_outputFormat ${_outputFormat} is not supported: NDJSON only`, {
          errors: [{ path: 'querystring._outputFormat', message: `one of ${NDJSON_FORMATS.join(', ')}` }],
        });
      }
      if (_since !== undefined) {
        throw new KnotworkError('validation-failed', '_since is not supported: the records keep no last-updated time', {
          errors: [{ path: 'querystring._since', message: 'not supported' }],
        });
      }
      const types = typesOf(_type);
      const actor = actorOf(request);
      const job = {
        id: deps.newId(),
        clinicId: actor.clinicId,
        requestedBy: actor.userId,
        request: `${deps.publicBaseUrl}${request.url}`,
        types,
        status: 'in-progress' as const,
        transactionTime: new Date(deps.now()).toISOString(),
        patients: 0,
        output: [],
      };
      await inCallerClinic(deps, request, (repos, who, at) =>
        repos.audit.record(
          auditAs(who, at, {
            action: 'clinic.fhir.export',
            entity: `Group/clinic`,
            patientId: null,
            outcome: 'success',
            detail: { job: job.id, types },
          }),
        ),
      );
      await runner.start(job, actor);
      return reply
        .code(202)
        .header('content-location', `${deps.publicBaseUrl}${EXPORT_STATUS}/${job.id}`)
        .type(FHIR_JSON)
        .send(
          JSON.stringify({
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'information', code: 'informational', diagnostics: `export ${job.id} started` }],
          }),
        );
    },
  );

  app.get(
    `${EXPORT_STATUS}/:jobId`,
    {
      config: { ...CONFIG, action: 'clinic.fhir.export.status' },
      schema: {
        summary: 'A Bulk Data export’s status: 202 running, 200 with the manifest',
        tags: ['FHIR'],
        security: TOKEN_READ_SECURITY,
        params: JobParams,
      },
    },
    async (request, reply) => {
      const job = await files.read(actorOf(request).clinicId, request.params.jobId);
      if (!job) throw new KnotworkError('not-found', `no export ${request.params.jobId} in this clinic`);
      if (job.status === 'in-progress') {
        return reply
          .code(202)
          .header('x-progress', `${job.patients} patients exported`)
          .header('retry-after', '2')
          .send();
      }
      if (job.status === 'failed')
        return sendOutcome(reply, { code: 'internal', detail: job.error ?? 'the export failed' });
      return sendResource(reply, {
        transactionTime: job.transactionTime,
        request: job.request,
        requiresAccessToken: true,
        output: job.output.map((o) => ({
          type: o.type,
          url: `${fhirBase}/$export-file/${job.id}/${o.type}.ndjson`,
          count: o.count,
        })),
        error: [],
      });
    },
  );

  app.delete(
    `${EXPORT_STATUS}/:jobId`,
    {
      config: { ...CONFIG, action: 'clinic.fhir.export.cancel' },
      schema: {
        summary: 'Cancel a Bulk Data export and delete its files',
        tags: ['FHIR'],
        security: TOKEN_READ_SECURITY,
        params: JobParams,
        body: NoBody,
      },
    },
    async (request, reply) => {
      const { clinicId } = actorOf(request);
      const job = await files.read(clinicId, request.params.jobId);
      if (!job) throw new KnotworkError('not-found', `no export ${request.params.jobId} in this clinic`);
      await runner.cancel(clinicId, job.id);
      await inCallerClinic(deps, request, (repos, who, at) =>
        repos.audit.record(
          auditAs(who, at, {
            action: 'clinic.fhir.export.cancel',
            entity: 'Group/clinic',
            patientId: null,
            outcome: 'success',
            detail: { job: job.id },
          }),
        ),
      );
      return reply.code(202).send();
    },
  );

  app.get(
    `${EXPORT_FILE}/:jobId/:file`,
    {
      config: { ...CONFIG, action: 'patient.fhir.export.download' },
      schema: {
        summary: 'One NDJSON file of a finished Bulk Data export',
        tags: ['FHIR'],
        security: TOKEN_READ_SECURITY,
        params: FileParams,
      },
    },
    async (request, reply) => {
      const { clinicId } = actorOf(request);
      const { jobId, file } = request.params;
      const type = file.slice(0, -'.ndjson'.length);
      const job = await files.read(clinicId, jobId);
      const listed = job?.status === 'completed' && isExportedType(type) && job.output.some((o) => o.type === type);
      await inCallerClinic(deps, request, (repos, who, at) =>
        repos.audit.record(
          auditAs(who, at, {
            action: 'patient.fhir.export.download',
            entity: 'Group/clinic',
            patientId: null,
            outcome: listed ? 'success' : 'failed',
            detail: { job: jobId, file },
          }),
        ),
      );
      if (!job || !listed || !isExportedType(type))
        throw new KnotworkError('not-found', `no file ${file} in export ${jobId}`);
      return reply.type('application/fhir+ndjson').send(createReadStream(files.fileOf(clinicId, jobId, type)));
    },
  );
  return Promise.resolve();
};
