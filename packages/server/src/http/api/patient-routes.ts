// Patients (clinicians, nurses and clinic admins): search by name, identifier and birth date, a
// page at a time; create; read with an ETag (304 on If-None-Match); replace with If-Match (428
// without it, 412 when stale, and nothing changed). Every call is audited by its use case. Search
// and read also take an API token with the `patients:read` scope.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createPatient } from '../../app/patients/create-patient.js';
import { readPatient } from '../../app/patients/read-patient.js';
import { searchPatients } from '../../app/patients/search-patients.js';
import { updatePatient } from '../../app/patients/update-patient.js';
import { InvalidCursorError } from '../../app/db-repositories/invalid-cursor.js';
import { ANY_ROLE } from '../auth/roles.js';
import { KnotworkError } from '../knotwork-error.js';
import { problemResponses } from '../openapi.js';
import {
  inCallerClinic,
  orThrow,
  readInCallerClinic,
  TOKEN_READ_SECURITY,
  WRITE_SECURITY,
  type ClinicApiDeps,
} from './clinic-context.js';
import { IdParams, IfMatchHeaders, IfNoneMatchHeaders } from './common-schemas.js';
import { etagOf, ifMatchVersions, ifNoneMatchHits } from './etag.js';
import { Patient, PatientInput, PatientPage, PatientSearch } from './patient-schemas.js';

export const PATIENTS_PATH = '/api/patients';

/** Every role finds and registers patients: the front-desk work of a small clinic is shared. */
const PATIENT_ROLES = ANY_ROLE;

const tags = ['Patients'];
const refusals = ['unauthenticated', 'session-expired', 'forbidden'] as const;

export const patientRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  app.get(
    PATIENTS_PATH,
    {
      config: {
        auth: ['api-token', 'session'],
        roles: PATIENT_ROLES,
        scopes: ['patients:read'],
        action: 'patient.search',
      },
      schema: {
        summary: 'Search patients by name, identifier and birth date, a page at a time',
        tags,
        security: TOKEN_READ_SECURITY,
        querystring: PatientSearch,
        response: { 200: PatientPage, ...problemResponses('validation-failed', ...refusals) },
      },
    },
    async (request) => {
      try {
        return await readInCallerClinic(deps, request, (repos, actor, at) =>
          searchPatients({ query: request.query, actor, at }, repos),
        );
      } catch (error) {
        if (!(error instanceof InvalidCursorError)) throw error;
        throw new KnotworkError('validation-failed', error.message, {
          errors: [{ path: 'querystring.cursor', message: error.message }],
        });
      }
    },
  );

  app.post(
    PATIENTS_PATH,
    {
      config: { auth: ['session'], roles: PATIENT_ROLES, action: 'patient.create' },
      schema: {
        summary: 'Register a patient (201 with Location and ETag)',
        tags,
        security: WRITE_SECURITY,
        body: PatientInput,
        response: {
          201: Patient,
          ...problemResponses('validation-failed', ...refusals, 'csrf-failed', 'payload-too-large'),
        },
      },
    },
    async (request, reply) => {
      const patient = await inCallerClinic(deps, request, (repos, actor, at) =>
        createPatient({ patient: request.body, actor, at }, repos),
      );
      return reply
        .code(201)
        .header('location', `${PATIENTS_PATH}/${patient.id}`)
        .header('etag', etagOf(patient.revision))
        .send(patient);
    },
  );

  app.get(
    `${PATIENTS_PATH}/:id`,
    {
      config: {
        auth: ['api-token', 'session'],
        roles: PATIENT_ROLES,
        scopes: ['patients:read'],
        action: 'patient.read',
      },
      schema: {
        summary: 'Read a patient (ETag "<revision>"; 304 when If-None-Match names it)',
        tags,
        security: TOKEN_READ_SECURITY,
        params: IdParams,
        headers: IfNoneMatchHeaders,
        response: {
          200: Patient,
          304: z.undefined().describe('Not modified'),
          ...problemResponses('not-found', ...refusals),
        },
      },
    },
    async (request, reply) => {
      const { patient } = orThrow(
        await readInCallerClinic(deps, request, (repos, actor, at) =>
          readPatient({ patientId: request.params.id, actor, at }, repos),
        ),
      );
      const etag = etagOf(patient.revision);
      void reply.header('etag', etag);
      if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return patient;
    },
  );

  app.put(
    `${PATIENTS_PATH}/:id`,
    {
      config: { auth: ['session'], roles: PATIENT_ROLES, action: 'patient.update' },
      schema: {
        summary: 'Replace a patient’s details; If-Match required (428), a stale one changes nothing (412)',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        headers: IfMatchHeaders,
        body: PatientInput,
        response: {
          200: Patient,
          ...problemResponses(
            'validation-failed',
            ...refusals,
            'csrf-failed',
            'not-found',
            'precondition-failed',
            'precondition-required',
          ),
        },
      },
    },
    async (request, reply) => {
      const ifRevisions = ifMatchVersions(request.headers['if-match']);
      const { patient } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          updatePatient({ patientId: request.params.id, ifRevisions, change: request.body, actor, at }, repos),
        ),
      );
      return reply.header('etag', etagOf(patient.revision)).send(patient);
    },
  );
  return Promise.resolve();
};
