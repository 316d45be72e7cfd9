// A visit's procedure record besides its note (issue 3 item 2): the consent form generated from
// the plan and the signed consents; complications (recorded, listed, marked entered-in-error under
// If-Match); the administrations written by the note's signature; the LAST checklist for the
// patient's weight; the complication types of the reference. Clinicians and nurses (clinical roles).
import { COMPLICATION_TYPES } from '@knotwork/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addComplication, listComplications, markComplicationEnteredInError } from '../../app/visits/complications.js';
import { listConsents, readConsentForm, recordConsent } from '../../app/visits/consents.js';
import { readLastChecklist } from '../../app/visits/last-checklist.js';
import { listAdministrations } from '../../app/visits/administrations.js';
import type { StoredComplication, StoredConsent } from '../../app/visits/procedure-ports.js';
import { CLINICAL_ROLES } from '../auth/roles.js';
import { problemResponses } from '../openapi.js';
import { inCallerClinic, orThrow, READ_SECURITY, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { IdParams, IfMatchHeaders, NoBody } from './common-schemas.js';
import { etagOf, ifMatchVersions } from './etag.js';
import {
  Administrations,
  Complication,
  ComplicationList,
  ComplicationTypes,
  Consent,
  ConsentBody,
  ConsentFormView,
  ConsentList,
  ImmediateComplication,
  LastChecklistView,
} from './procedure-schemas.js';

const tags = ['Procedure record'];
const refusals = ['validation-failed', 'unauthenticated', 'session-expired', 'forbidden', 'not-found'] as const;
const writeRefusals = [...refusals, 'csrf-failed', 'payload-too-large', 'unsupported-media-type'] as const;
const iso = (ms: number) => new Date(ms).toISOString();

const complicationView = (c: StoredComplication) => ({ ...c, recordedAt: iso(c.recordedAt) });
const consentView = (c: StoredConsent) => ({ ...c, signedAt: iso(c.signedAt) });

export const procedureRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  const clinical = (action: string) => ({ auth: ['session' as const], roles: CLINICAL_ROLES, action });

  app.get(
    '/api/visits/:id/consent-form',
    {
      config: clinical('consent.read'),
      schema: {
        summary:
          'The consent form for the visit’s current plan: procedure, sites, drugs, benefits, risks, alternatives',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: ConsentFormView, ...problemResponses(...refusals, 'conflict') },
      },
    },
    async (request) => {
      const { form, planRevision } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          readConsentForm({ visitId: request.params.id, actor, at }, repos),
        ),
      );
      return { form, planRevision };
    },
  );

  app.post(
    '/api/visits/:id/consents',
    {
      config: clinical('consent.create'),
      schema: {
        summary: 'Record the patient’s signature of the form shown (its version); 409 when the plan has changed since',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: ConsentBody,
        response: { 201: Consent, ...problemResponses(...writeRefusals, 'conflict') },
      },
    },
    async (request, reply) => {
      const { consent } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          recordConsent({ visitId: request.params.id, signature: request.body, actor, at }, repos),
        ),
      );
      return reply.code(201).send(consentView(consent));
    },
  );

  app.get(
    '/api/visits/:id/consents',
    {
      config: clinical('consent.read'),
      schema: {
        summary: 'The visit’s signed consents, oldest first',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: ConsentList, ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const { consents } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          listConsents({ visitId: request.params.id, actor, at }, repos),
        ),
      );
      return { items: consents.map(consentView) };
    },
  );

  app.post(
    '/api/visits/:id/complications',
    {
      config: clinical('complication.create'),
      schema: {
        summary: 'Record a complication of the visit (reference type, severity, onset, action taken)',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: ImmediateComplication,
        response: { 201: Complication, ...problemResponses(...writeRefusals) },
      },
    },
    async (request, reply) => {
      const { complication } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          addComplication({ visitId: request.params.id, complication: request.body, actor, at }, repos),
        ),
      );
      return reply.code(201).header('etag', etagOf(complication.revision)).send(complicationView(complication));
    },
  );

  app.get(
    '/api/visits/:id/complications',
    {
      config: clinical('complication.read'),
      schema: {
        summary: 'The visit’s complications, from its signed note and recorded since',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: ComplicationList, ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const { complications } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          listComplications({ visitId: request.params.id, actor, at }, repos),
        ),
      );
      return { items: complications.map(complicationView) };
    },
  );

  app.post(
    '/api/complications/:id/entered-in-error',
    {
      config: clinical('complication.change'),
      schema: {
        summary: 'Mark a complication entered in error (never deleted); If-Match required',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        headers: IfMatchHeaders,
        body: NoBody,
        response: {
          200: Complication,
          ...problemResponses(...writeRefusals, 'precondition-failed', 'precondition-required'),
        },
      },
    },
    async (request, reply) => {
      const ifRevisions = ifMatchVersions(request.headers['if-match']);
      const { complication } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          markComplicationEnteredInError({ complicationId: request.params.id, ifRevisions, actor, at }, repos),
        ),
      );
      return reply.header('etag', etagOf(complication.revision)).send(complicationView(complication));
    },
  );

  app.get(
    '/api/visits/:id/administrations',
    {
      config: clinical('administration.read'),
      schema: {
        summary: 'What was given at each site, as the visit’s signed note records it (product, volume, lot, expiry)',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: Administrations, ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const { administrations } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          listAdministrations({ visitId: request.params.id, actor, at }, repos),
        ),
      );
      return { items: administrations.map((a) => ({ ...a, administeredAt: iso(a.administeredAt) })) };
    },
  );

  app.get(
    '/api/visits/:id/last-checklist',
    {
      config: clinical('last-checklist.read'),
      schema: {
        summary: 'The LAST checklist with 20% lipid emulsion doses for the patient’s latest weight (REFERENCE 5.2)',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: LastChecklistView, ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const { checklist, weightAt } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          readLastChecklist({ visitId: request.params.id, actor, at }, repos),
        ),
      );
      return { ...checklist, weightKg: checklist.lipid.weightKg, weightAt };
    },
  );

  app.get(
    '/api/reference/complication-types',
    {
      config: clinical('reference.read'),
      schema: {
        summary: 'The complication types a visit can record (REFERENCE 5.1), with escalation wording and sources',
        tags,
        security: READ_SECURITY,
        response: { 200: ComplicationTypes, ...problemResponses('unauthenticated', 'session-expired', 'forbidden') },
      },
    },
    () => ({
      items: COMPLICATION_TYPES.map((c) => ({ ...c, icd10Hints: [...c.icd10Hints], sources: [...c.sources] })),
    }),
  );
  return Promise.resolve();
};
