// POST /cds-services/tpi-screening: the core engine at the server clock's "now", with the calling
// client's clinic policy; answers the core's `{ cards }` unchanged, or a 400 problem naming what
// makes the request unusable and where (SCREENING.md sections 1 and 4). Each screen is stored and
// audited (`cds.screen`); an unusable one is audited as failed.
import { screen } from '@knotwork/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditEvent } from '../../audit-event.js';
import { cdsClientOf } from '../auth/authenticate.js';
import type { AppDeps, StoredScreen } from '../deps.js';
import { KnotworkError } from '../knotwork-error.js';
import { problemResponses } from '../openapi.js';
import { CdsRequestDoc, CdsResponse } from './cds-schemas.js';
import { TPI_SERVICE_PATH } from './discovery.js';

export type ScreenRouteDeps = Pick<AppDeps, 'clock' | 'audit' | 'policyFor' | 'storeScreen'> & {
  readonly now: () => number;
  readonly cdsBodyLimit: number;
};

function unreadable(message: string): KnotworkError {
  const detail = `unreadable JSON (${message})`;
  return new KnotworkError('unusable-cds-request', `$: ${detail}`, {
    errors: [{ path: '$', message: detail, code: 'unreadable-json' }],
  });
}

/** fastify's default JSON parser, which is the callback kind. */
type JsonParser = (request: FastifyRequest, body: string, done: (error: Error | null, value?: unknown) => void) => void;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function requestFacts(body: unknown): { hookInstance?: string; ehrPatientId?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const root = body as Record<string, unknown>;
  const context = root['context'];
  const patientId =
    typeof context === 'object' && context !== null ? (context as Record<string, unknown>)['patientId'] : undefined;
  const hookInstance = str(root['hookInstance']);
  const ehrPatientId = str(patientId);
  return { ...(hookInstance ? { hookInstance } : {}), ...(ehrPatientId ? { ehrPatientId } : {}) };
}

export const screenRoute: FastifyPluginAsyncZod<{ deps: ScreenRouteDeps }> = (app, { deps }) => {
  // Unreadable JSON is an unusable CDS request (path $), like the other three cases of section 4;
  // the parser is fastify's own (prototype-poisoning checks included), scoped to this route.
  const parseJson = app.getDefaultJsonParser('error', 'error') as JsonParser;
  app.removeContentTypeParser('application/json');
  const audit = (request: FastifyRequest, outcome: 'success' | 'failed', detail: AuditEvent['detail']): AuditEvent => {
    const client = cdsClientOf(request);
    return {
      clinicId: client.clinicId,
      actor: client.issuer,
      actorKind: 'cds-client',
      action: 'cds.screen',
      entity: null,
      patientId: null,
      at: deps.now(),
      from: request.ip,
      outcome,
      ...(detail ? { detail } : {}),
    };
  };

  // The client is authenticated before the body is read, so its unreadable request is audited too.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error, value) => {
      if (!error) return done(null, value);
      const failure = unreadable(error.message);
      deps.audit.record(audit(request, 'failed', { problem: 'unreadable-json', path: '$' })).then(
        () => done(failure, undefined),
        (auditError: Error) => done(auditError, undefined),
      );
    });
  });

  app.post(
    TPI_SERVICE_PATH,
    {
      bodyLimit: deps.cdsBodyLimit,
      config: { auth: ['cds-jwt'] },
      schema: {
        summary: 'Screen a planned trigger point injection (CDS Hooks 2.0 service)',
        tags: ['CDS Hooks'],
        security: [{ cdsHooksJwt: [] }],
        body: CdsRequestDoc,
        response: {
          200: CdsResponse,
          ...problemResponses('unusable-cds-request', 'unauthenticated', 'payload-too-large', 'unsupported-media-type'),
        },
      },
    },
    async (request) => {
      const client = cdsClientOf(request);
      const policy = await deps.policyFor(client.clinicId);
      const asOf = deps.clock.now();
      const result = screen(request.body, { asOf, policy });
      const facts = requestFacts(request.body);
      if (!result.ok) {
        const { code, path, message } = result.problem;
        await deps.audit.record(audit(request, 'failed', { ...facts, problem: code, path }));
        throw new KnotworkError('unusable-cds-request', `${path}: ${message}`, { errors: [{ path, message, code }] });
      }
      const { response, verdict, trace } = result;
      const event = audit(request, 'success', {
        ...facts,
        verdict,
        policyVersion: policy.version,
        asOf: trace.asOf,
        cards: response.cards.map((c) => `${c.source.topic.code}:${c.indicator}`),
      });
      const stored: StoredScreen = {
        clinicId: client.clinicId,
        client: client.issuer,
        hookInstance: facts.hookInstance,
        request: request.body,
        cards: response.cards,
        verdict,
        policyVersion: policy.version,
        asOf,
        trace,
      };
      if (deps.storeScreen) await deps.storeScreen(stored, event);
      else await deps.audit.record(event);
      return response;
    },
  );
  return Promise.resolve();
};
