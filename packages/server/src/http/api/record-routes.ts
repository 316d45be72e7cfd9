// The chart's entries over HTTP (clinicians and nurses, as the chart itself): for conditions,
// allergies and medicines POST, PUT (If-Match) and DELETE; for observations and injections given
// elsewhere POST and DELETE. DELETE never deletes clinical data: it marks the entry entered in error
// (If-Match too) and keeps the row, and the screen no longer counts it. Each write and its audit row
// (`condition.create`, `allergy.update`, `medicine.entered-in-error` ...) commit together.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addRecord } from '../../app/records/add-record.js';
import { changeRecord, enterInError } from '../../app/records/change-record.js';
import type { RecordInput, RecordKind } from '../../app/records/record-ports.js';
import { CLINICAL_ROLES } from '../auth/roles.js';
import { problemResponses } from '../openapi.js';
import { inCallerClinic, orThrow, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { IdParams, IfMatchHeaders } from './common-schemas.js';
import { etagOf, ifMatchVersions } from './etag.js';
import { EarlierAdministrationInput, ObservationInput } from './observation-inputs.js';
import { AllergyInput, ConditionInput, MedicineInput } from './record-inputs.js';
import {
  entryView,
  StoredAllergy,
  StoredCondition,
  StoredEarlierAdministration,
  StoredMedicine,
  StoredObservation,
} from './record-views.js';
import { PATIENTS_PATH } from './patient-routes.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

const EntryParams = IdParams.extend({ entryId: z.guid('expected a record id (a UUID)') });
/** Marking entered in error: no body, or the reason in the user's words (kept in the audit log). */
const EnteredInErrorBody = z
  .object({ reason: z.string().trim().min(1).max(500).describe('Why the entry is wrong, as the user gave it') })
  .strict()
  .nullable()
  .optional();

interface EntryRoutes<K extends RecordKind> {
  readonly kind: K;
  /** The path below the patient: `conditions`. */
  readonly segment: string;
  readonly body: z.ZodType<RecordInput<K>>;
  readonly response: z.ZodType;
  /** PUT replaces the entry; without it, a correction is a new entry (observations). */
  readonly replaceable: boolean;
}

const tags = ['Records'];
const refusals = ['validation-failed', 'unauthenticated', 'session-expired', 'forbidden', 'not-found'] as const;
const writeRefusals = [...refusals, 'csrf-failed', 'payload-too-large', 'unsupported-media-type'] as const;
const ifMatchRefusals = ['precondition-failed', 'precondition-required', 'conflict'] as const;

function entryRoutes<K extends RecordKind>(app: App, deps: ClinicApiDeps, spec: EntryRoutes<K>): void {
  const { kind, segment, body, response } = spec;
  const path = `${PATIENTS_PATH}/:id/${segment}`;
  const config = (action: string) => ({
    auth: ['session'] as const,
    roles: CLINICAL_ROLES,
    action: `${kind}.${action}`,
  });
  const noun = kind.replaceAll('-', ' ');
  // The body schema's output is RecordInput<K>; fastify's types cannot follow a generic schema.
  const bodyOf = (request: { body: unknown }) => request.body as RecordInput<K>;

  app.post(
    path,
    {
      config: config('create'),
      schema: {
        summary: `Record a patient’s ${noun} (201 with its ETag)`,
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body,
        response: { 201: response, ...problemResponses(...writeRefusals) },
      },
    },
    async (request, reply) => {
      const { entry } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          addRecord(
            { kind, patientId: request.params.id, entry: bodyOf(request), recordedAt: deps.clock.now(), actor, at },
            repos,
          ),
        ),
      );
      return reply.code(201).header('etag', etagOf(entry.revision)).send(entryView(kind, entry));
    },
  );

  const change = { params: EntryParams, headers: IfMatchHeaders, tags, security: WRITE_SECURITY };
  const changed = { 200: response, ...problemResponses(...writeRefusals, ...ifMatchRefusals) };
  if (spec.replaceable) {
    app.put(
      `${path}/:entryId`,
      {
        config: config('update'),
        schema: {
          ...change,
          summary: `Replace a ${noun}; If-Match required (428), stale (412)`,
          body,
          response: changed,
        },
      },
      async (request, reply) => {
        const ifRevisions = ifMatchVersions(request.headers['if-match']);
        const { id: patientId, entryId } = request.params;
        const { entry } = orThrow(
          await inCallerClinic(deps, request, (repos, actor, at) =>
            changeRecord(
              { kind, patientId, entryId, ifRevisions, entry: bodyOf(request), changedAt: deps.clock.now(), actor, at },
              repos,
            ),
          ),
        );
        return reply.header('etag', etagOf(entry.revision)).send(entryView(kind, entry));
      },
    );
  }

  app.delete(
    `${path}/:entryId`,
    {
      config: config('entered-in-error'),
      schema: {
        ...change,
        summary: `Mark a ${noun} entered in error (the row is kept; an optional reason is audited); If-Match required`,
        body: EnteredInErrorBody,
        response: changed,
      },
    },
    async (request, reply) => {
      const ifRevisions = ifMatchVersions(request.headers['if-match']);
      const { id: patientId, entryId } = request.params;
      const { entry } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          enterInError(
            {
              kind,
              patientId,
              entryId,
              ifRevisions,
              changedAt: deps.clock.now(),
              actor,
              at,
              reason: request.body?.reason,
            },
            repos,
          ),
        ),
      );
      return reply.header('etag', etagOf(entry.revision)).send(entryView(kind, entry));
    },
  );
}

export const recordRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  entryRoutes(app, deps, {
    kind: 'condition',
    segment: 'conditions',
    body: ConditionInput,
    response: StoredCondition,
    replaceable: true,
  });
  entryRoutes(app, deps, {
    kind: 'allergy',
    segment: 'allergies',
    body: AllergyInput,
    response: StoredAllergy,
    replaceable: true,
  });
  entryRoutes(app, deps, {
    kind: 'medicine',
    segment: 'medicines',
    body: MedicineInput,
    response: StoredMedicine,
    replaceable: true,
  });
  entryRoutes(app, deps, {
    kind: 'observation',
    segment: 'observations',
    body: ObservationInput,
    response: StoredObservation,
    replaceable: false,
  });
  entryRoutes(app, deps, {
    kind: 'earlier-administration',
    segment: 'earlier-administrations',
    body: EarlierAdministrationInput,
    response: StoredEarlierAdministration,
    replaceable: false,
  });
  return Promise.resolve();
};
