// Procedure notes (issue 3 item 2). Clinicians and nurses start a visit's note from its plan, edit
// the draft (If-Match) and list the versions; only clinicians sign (If-Match; 409 signing-blocked
// naming what is open, 409 note-locked once signed) and amend (a reason; the next version, a draft).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { NoteChange } from '../../app/visits/note-ports.js';
import { amendNote, createNote, editNote, listNotes, signNote } from '../../app/visits/procedure-note.js';
import { CLINICAL_ROLES, PRESCRIBER_ROLES } from '../auth/roles.js';
import { problemResponses } from '../openapi.js';
import { inCallerClinic, orThrow, READ_SECURITY, WRITE_SECURITY, type ClinicApiDeps } from './clinic-context.js';
import { IdParams, IfMatchHeaders, NoBody } from './common-schemas.js';
import { etagOf, ifMatchVersions } from './etag.js';
import { AmendmentBody, Note, NoteEditBody, NoteList } from './note-schemas.js';
import { namesFor, noteView } from './note-view.js';

const tags = ['Procedure notes'];
const refusals = ['validation-failed', 'unauthenticated', 'session-expired', 'forbidden', 'not-found'] as const;
const writeRefusals = [...refusals, 'csrf-failed', 'payload-too-large', 'unsupported-media-type'] as const;
const ifMatchRefusals = ['precondition-failed', 'precondition-required', 'note-locked'] as const;

/** The fields sent, without those left out: what is not sent keeps its value. */
const definedOnly = (body: Record<string, unknown>): NoteChange =>
  Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));

export const noteRoutes: FastifyPluginAsyncZod<{ deps: ClinicApiDeps }> = (app, { deps }) => {
  app.post(
    '/api/visits/:id/note',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'note.create' },
      schema: {
        summary: 'Start the visit’s procedure note (version 1, a draft) from its plan',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: NoBody,
        response: { 201: Note, ...problemResponses(...writeRefusals, 'conflict') },
      },
    },
    async (request, reply) => {
      const { note } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          createNote({ visitId: request.params.id, actor, at }, repos),
        ),
      );
      return reply
        .code(201)
        .header('etag', etagOf(note.revision))
        .send(await noteView(note, namesFor(deps, request)));
    },
  );

  app.get(
    '/api/visits/:id/notes',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'note.read' },
      schema: {
        summary: 'Every version of the visit’s procedure note, oldest first',
        tags,
        security: READ_SECURITY,
        params: IdParams,
        response: { 200: NoteList, ...problemResponses(...refusals) },
      },
    },
    async (request) => {
      const { notes } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          listNotes({ visitId: request.params.id, actor, at }, repos),
        ),
      );
      const nameOf = namesFor(deps, request);
      return { items: await Promise.all(notes.map((n) => noteView(n, nameOf))) };
    },
  );

  app.put(
    '/api/notes/:id',
    {
      config: { auth: ['session'], roles: CLINICAL_ROLES, action: 'note.edit' },
      schema: {
        summary:
          'Edit a draft note (findings, pain, time-out, sites with what was given, complications); If-Match required; an expired lot is 400; a signed note is 409 note-locked',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        headers: IfMatchHeaders,
        body: NoteEditBody,
        response: { 200: Note, ...problemResponses(...writeRefusals, ...ifMatchRefusals) },
      },
    },
    async (request, reply) => {
      const ifRevisions = ifMatchVersions(request.headers['if-match']);
      const { note } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          editNote({ noteId: request.params.id, ifRevisions, change: definedOnly(request.body), actor, at }, repos),
        ),
      );
      return reply.header('etag', etagOf(note.revision)).send(await noteView(note, namesFor(deps, request)));
    },
  );

  app.post(
    '/api/notes/:id/sign',
    {
      config: { auth: ['session'], roles: PRESCRIBER_ROLES, action: 'note.sign' },
      schema: {
        summary: 'Sign a draft note (clinicians); If-Match required; 409 signing-blocked names what is still open',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        headers: IfMatchHeaders,
        body: NoBody,
        response: { 200: Note, ...problemResponses(...writeRefusals, ...ifMatchRefusals, 'signing-blocked') },
      },
    },
    async (request, reply) => {
      const ifRevisions = ifMatchVersions(request.headers['if-match']);
      const { note } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          signNote({ noteId: request.params.id, ifRevisions, actor, at }, repos),
        ),
      );
      return reply.header('etag', etagOf(note.revision)).send(await noteView(note, namesFor(deps, request)));
    },
  );

  app.post(
    '/api/notes/:id/amendments',
    {
      config: { auth: ['session'], roles: PRESCRIBER_ROLES, action: 'note.amend' },
      schema: {
        summary: 'Amend a signed note (clinicians): the next version, a draft, with the reason',
        tags,
        security: WRITE_SECURITY,
        params: IdParams,
        body: AmendmentBody,
        response: { 201: Note, ...problemResponses(...writeRefusals, 'conflict') },
      },
    },
    async (request, reply) => {
      const { note } = orThrow(
        await inCallerClinic(deps, request, (repos, actor, at) =>
          amendNote({ noteId: request.params.id, reason: request.body.reason, actor, at }, repos),
        ),
      );
      return reply
        .code(201)
        .header('etag', etagOf(note.revision))
        .send(await noteView(note, namesFor(deps, request)));
    },
  );
  return Promise.resolve();
};
