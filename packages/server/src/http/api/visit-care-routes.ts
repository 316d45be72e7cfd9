// A visit's care around the procedure (issue 4 item 3): the indication and baseline (pain NRS and
// PEG), the live dose meter's numbers for products not yet saved, the coding of a note, and the
// discharge sheet. Clinicians and nurses. The web app shows what these answer and computes none
// of it.
import { DISCHARGE_URGENCIES } from '@knotwork/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readBaseline, saveBaseline, type BaselineView } from '../../app/visits/baseline.js';
import { readDischarge } from '../../app/visits/discharge.js';
import { checkDose } from '../../app/visits/dose-check.js';
import { codeNote } from '../../app/visits/note-coding.js';
import { CLINICAL_ROLES } from '../auth/roles.js';
import { KnotworkError } from '../knotwork-error.js';
import { problemResponses } from '../openapi.js';
import {
  followUpUrl,
  inCallerClinic,
  orThrow,
  READ_SECURITY,
  WRITE_SECURITY,
  type ClinicApiDeps,
} from './clinic-context.js';
import { IdParams } from './common-schemas.js';
import { etagOf, ifMatchVersions } from './etag.js';
import { PlannedProducts } from './catalogue-fields.js';

const tags = ['Visit care'];
const refusals = ['validation-failed', 'unauthenticated', 'session-expired', 'forbidden', 'not-found'] as const;
const writeRefusals = [...refusals, 'csrf-failed', 'payload-too-large', 'unsupported-media-type'] as const;

const Score = z.number().int().min(0).max(10);
const BaselineInput = z
  .strictObject({
    indication: z.strictObject({
      icd10: z.string().trim().min(3).max(10).describe('ICD-10-CM, e.g. M79.18'),
      display: z.string().trim().min(1).max(300),
    }),
    painNrs: Score.describe('Pain now, 0-10 (LOINC 72514-3): the scale follow-up uses again'),
    peg: z
      .strictObject({ pain: Score, enjoyment: Score, activity: Score })
      .nullable()
      .default(null)
      .describe('PEG: average pain, interference with enjoyment of life, with general activity (past week), 0-10 each'),
  })
  .meta({ id: 'BaselineRequest' });

const Baseline = z
  .object({
    visitId: z.string(),
    patientId: z.string(),
    indication: z.object({ icd10: z.string(), display: z.string() }),
    painNrs: z.number().int(),
    peg: z.object({ pain: z.number(), enjoyment: z.number(), activity: z.number() }).nullable(),
    pegScore: z.number().nullable(),
    isTpiIndication: z.boolean(),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string().nullable(),
    revision: z.number().int(),
  })
  .meta({ id: 'Baseline' });

const BaselineHeaders = z.looseObject({
  'if-match': z.string().max(200).optional().describe('The ETag of the baseline read ("<revision>"), to change it'),
  'if-none-match': z.string().max(200).optional().describe('"*" to record the visit’s first baseline'),
});

const DoseCheckBody = z.strictObject({ products: PlannedProducts }).meta({ id: 'DoseCheckRequest' });
const DoseCheckView = z
  .object({
    weightKg: z.number().nullable(),
    weightAt: z.string().nullable(),
    lines: z
      .array(
        z.object({
          injectate: z.string(),
          display: z.string(),
          volumeMl: z.number(),
          mg: z.number(),
          maxMg: z.number(),
          maxBy: z.enum(['weight', 'cap']),
          fraction: z.number(),
        }),
      )
      .readonly(),
    combinedFraction: z.number(),
    warnFraction: z.number(),
    level: z.enum(['within', 'near', 'above', 'no-weight']),
    available: z.array(z.object({ injectate: z.string(), display: z.string(), ml: z.number() })).readonly(),
    words: z.string(),
    sources: z.array(z.string()).readonly(),
  })
  .meta({ id: 'DoseCheck' });

const CodingLine = z.object({
  system: z.string(),
  code: z.string(),
  display: z.string(),
  units: z.number(),
  reason: z.string(),
  sources: z.array(z.string()).readonly(),
  diagnoses: z.array(z.string()).readonly(),
});
const Coding = z
  .looseObject({
    basis: z.enum(['recorded', 'planned']),
    procedure: CodingLine.nullable(),
    guidance: CodingLine.nullable(),
    hcpcs: z.array(CodingLine).readonly(),
  })
  .meta({ id: 'NoteCoding', description: 'The core’s coding; muscles counted, diagnoses, issues and notes included' });

const Item = z.object({
  id: z.string(),
  text: z.string(),
  because: z.string().optional(),
  sources: z.array(z.string()).readonly(),
});
const Discharge = z
  .object({
    basis: z.enum(['recorded', 'planned']),
    observationMinutes: z.number().int(),
    checklist: z.array(Item).readonly(),
    aftercare: z.array(Item).readonly(),
    warningSigns: z.array(Item.extend({ action: z.string(), urgency: z.enum(DISCHARGE_URGENCIES) })).readonly(),
    expect: z.array(Item).readonly(),
    followUpLinks: z
      .array(
        z.object({
          pointId: z.string(),
          label: z.string(),
          dueAt: z.iso.datetime(),
          expiresAt: z.iso.datetime(),
          asksPeg: z.boolean(),
          url: z.string().describe('The patient’s form (public, token in the path): print it, or show it as a QR code'),
        }),
      )
      .readonly()
      .describe(
        'The follow-up links of the signed note (empty before signing); the sheet’s PDF prints the first as a QR code',
      ),
  })
  .meta({ id: 'DischargeSheet' });

const baselineOut = (b: BaselineView) => ({ ...b, recordedAt: new Date(b.recordedAt).toISOString() });

export const visitCareRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  const clinical = (action: string) => ({ auth: ['session' as const], roles: CLINICAL_ROLES, action });

  app.get(
    '/api/visits/:id/baseline',
    {
      config: clinical('baseline.read'),
      schema: {
        summary: 'The visit’s indication and baseline pain (NRS, PEG); ETag "<revision>"',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: Baseline, ...problemResponses(...refusals) },
      },
    },
    async (request, reply) => {
      const { baseline } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          readBaseline({ visitId: request.params.id, actor, at }, repos),
        ),
      );
      return reply.header('etag', etagOf(baseline.revision)).send(baselineOut(baseline));
    },
  );

  app.put(
    '/api/visits/:id/baseline',
    {
      config: clinical('baseline.save'),
      schema: {
        summary: 'Record the visit’s indication and baseline (If-None-Match: *, 201) or change it (If-Match, 200)',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        headers: BaselineHeaders,
        body: BaselineInput,
        response: {
          200: Baseline,
          201: Baseline,
          ...problemResponses(...writeRefusals, 'precondition-failed', 'precondition-required'),
        },
      },
    },
    async (request, reply) => {
      const { headers } = request;
      const expect =
        headers['if-match'] !== undefined
          ? ifMatchVersions(headers['if-match'])
          : headers['if-none-match']?.trim() === '*'
            ? ('new' as const)
            : undefined;
      if (expect === undefined) {
        throw new KnotworkError(
          'precondition-required',
          'send If-Match with the ETag of the baseline you read, or If-None-Match: * to record the first one',
        );
      }
      const { baseline, created } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          saveBaseline({ visitId: request.params.id, expect, content: request.body, actor, at }, repos),
        ),
      );
      return reply
        .code(created ? 201 : 200)
        .header('etag', etagOf(baseline.revision))
        .send(baselineOut(baseline));
    },
  );

  app.post(
    '/api/visits/:id/dose',
    {
      config: clinical('dose.check'),
      schema: {
        summary:
          'The dose meter for products (not saved): mg per line, the combined fraction of this patient’s maximum, mL still available',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: DoseCheckBody,
        response: { 200: DoseCheckView, ...problemResponses(...writeRefusals) },
      },
    },
    async (request) => {
      const { dose } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          checkDose({ visitId: request.params.id, products: request.body.products, actor, at }, repos),
        ),
      );
      return dose;
    },
  );

  app.get(
    '/api/notes/:id/coding',
    {
      config: clinical('note.coding.read'),
      schema: {
        summary: 'The coding of the note: CPT with its reason (muscles counted), ICD-10-CM links, steroid HCPCS units',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: Coding, ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const { coding, basis } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          codeNote({ noteId: request.params.id, actor, at }, repos),
        ),
      );
      return { ...coding, basis };
    },
  );

  app.get(
    '/api/visits/:id/discharge',
    {
      config: clinical('discharge.read'),
      schema: {
        summary:
          'The discharge sheet for what was given at which sites: observation time, checklist, aftercare, warning signs',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: Discharge, ...problemResponses(...refusals, 'conflict') },
      },
    },
    async (request, reply) => {
      const { sheet, basis, followUps } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          readDischarge({ visitId: request.params.id, actor, at }, repos),
        ),
      );
      // The links carry their tokens: never cached.
      void reply.header('cache-control', 'no-store');
      const followUpLinks = followUps.map(({ token, ...l }) => ({
        ...l,
        dueAt: new Date(l.dueAt).toISOString(),
        expiresAt: new Date(l.expiresAt).toISOString(),
        url: followUpUrl(deps, token),
      }));
      return { ...sheet, basis, followUpLinks };
    },
  );
  return Promise.resolve();
};
