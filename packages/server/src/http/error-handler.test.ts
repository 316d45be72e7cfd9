// The one error handler: KnotworkErrors get their status from the table, fastify's own errors and
// schema failures become problem+json with paths, anything else is `internal` without a stack.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuePath } from './error-handler.js';
import { KnotworkError, unwrap } from './knotwork-error.js';
import { buildTestApp, problemOf } from './spec/test-app.js';

describe('issuePath', () => {
  it.each([
    ['body', '/feedback/0/outcome', '$.feedback[0].outcome'],
    ['body', '', '$'],
    [undefined, '/a', '$.a'],
    ['body', '/odd key/x~1y', '$["odd key"]["x/y"]'],
    ['querystring', '/page', 'querystring.page'],
    ['params', '/id', 'params.id'],
  ])('%s %s -> %s', (context, instancePath, expected) => {
    expect(issuePath(context, instancePath)).toBe(expected);
  });
});

describe('problem+json for every failure', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = (await buildTestApp()).app;
    const typed = app.withTypeProvider<ZodTypeProvider>();
    typed.get('/test/boom', { config: { auth: 'public' } }, () => {
      throw new Error('password=hunter2 at /secret/path');
    });
    typed.get('/test/gone', { config: { auth: 'public' } }, () =>
      unwrap({ ok: false, failure: { code: 'precondition-failed', detail: 'version 3 is current, not 2' } }),
    );
    typed.get('/test/forbidden', { config: { auth: 'public' } }, () => {
      throw new KnotworkError('forbidden', 'nurses may not sign notes');
    });
    typed.get(
      '/test/query',
      { config: { auth: 'public' }, schema: { querystring: z.object({ page: z.coerce.number().int().min(1) }) } },
      (request) => ({ page: request.query.page }),
    );
    typed.get('/test/limited', { config: { auth: 'public', rateLimit: { max: 1, timeWindow: 60_000 } } }, () => 'ok');
  });

  it('answers an unexpected error as internal, naming the request id and never the message or stack', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = problemOf(response);
    expect(problem).toMatchObject({ code: 'internal', status: 500, instance: '/test/boom' });
    expect(problem.detail).toMatch(/request req-/);
    expect(response.body).not.toMatch(/hunter2|secret|at .*\.ts/);
  });

  it('takes the status of a returned or thrown failure from the table', async () => {
    const gone = await app.inject({ method: 'GET', url: '/test/gone' });
    expect(gone.statusCode).toBe(412);
    expect(problemOf(gone)).toEqual({
      type: 'https://knotwork.dev/problems/precondition-failed',
      title: 'The record has changed',
      status: 412,
      detail: 'version 3 is current, not 2',
      instance: '/test/gone',
      code: 'precondition-failed',
    });
    const forbidden = await app.inject({ method: 'GET', url: '/test/forbidden' });
    expect([forbidden.statusCode, problemOf(forbidden).code]).toEqual([403, 'forbidden']);
  });

  it('names each failing query field', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/query?page=0' });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem.code).toBe('validation-failed');
    expect(problem.errors?.map((e) => e.path)).toEqual(['querystring.page']);
  });

  it('answers an unknown route with not-found, without the query string', async () => {
    const response = await app.inject({ method: 'GET', url: '/nowhere?name=Smith' });
    expect(response.statusCode).toBe(404);
    expect(problemOf(response)).toMatchObject({ code: 'not-found', instance: '/nowhere' });
    expect(response.body).not.toContain('Smith');
  });

  it('answers a malformed URL with bad-request', async () => {
    const response = await app.inject({ method: 'GET', url: '/%zz' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(problemOf(response).code).toBe('bad-request');
  });

  it('answers a route over its rate limit with rate-limited and Retry-After', async () => {
    expect((await app.inject({ method: 'GET', url: '/test/limited' })).statusCode).toBe(200);
    const response = await app.inject({ method: 'GET', url: '/test/limited' });
    expect(response.statusCode).toBe(429);
    expect(problemOf(response).code).toBe('rate-limited');
    expect(response.headers['retry-after']).toBeDefined();
  });
});
