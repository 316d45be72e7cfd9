// The API client: CSRF on writes only, problem+json with its field paths, ETags both ways, the
// fixed clock reported, and a 401 in the middle of work renewed once and retried.
import { describe, expect, it, vi } from 'vitest';
import { createApiClient, type ClientHooks } from './client';
import { ApiProblem, fieldOf } from './problem';

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

function fakeFetch(answers: (() => Response)[]) {
  const sent: Sent[] = [];
  const impl = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({
      url: input instanceof Request ? input.url : input.toString(),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body as string | undefined,
    });
    const next = answers.shift();
    if (!next) throw new Error('no answer left');
    return Promise.resolve(next());
  });
  return { impl: impl as unknown as typeof fetch, sent };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
    });

const expired = json(401, {
  type: 'https://knotwork.dev/problems/session-expired',
  title: 'Session expired',
  status: 401,
  detail: 'the session ended: sign in again',
  code: 'session-expired',
});

function hooks(overrides: Partial<ClientHooks> = {}): ClientHooks {
  return { csrfToken: () => 'token-1', renewSession: () => Promise.reject(new Error('no')), ...overrides };
}

describe('the API client', () => {
  it('sends the CSRF token on writes and not on reads, with the query and the JSON body', async () => {
    const { impl, sent } = fakeFetch([json(200, { items: [], next: null }), json(201, { id: 'a' })]);
    const api = createApiClient(hooks(), impl);
    await api.request('GET', '/api/patients', { query: { name: 'hart', cursor: undefined, limit: 20 } });
    await api.request('POST', '/api/patients', { body: { family: 'Hartley' } });
    expect(sent[0]?.url).toBe('/api/patients?name=hart&limit=20');
    expect(sent[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(sent[1]?.headers['x-csrf-token']).toBe('token-1');
    expect(sent[1]?.headers['content-type']).toBe('application/json');
    expect(sent[1]?.body).toBe('{"family":"Hartley"}');
  });

  it('reads the ETag and sends If-Match', async () => {
    const { impl, sent } = fakeFetch([
      json(200, { id: 'p' }, { etag: '"3"' }),
      json(200, { id: 'p' }, { etag: '"4"' }),
    ]);
    const api = createApiClient(hooks(), impl);
    const read = await api.request('GET', '/api/patients/p');
    const written = await api.request('PUT', '/api/patients/p', { body: {}, ifMatch: read.etag ?? '' });
    expect(read.etag).toBe('"3"');
    expect(sent[1]?.headers['if-match']).toBe('"3"');
    expect(written.etag).toBe('"4"');
  });

  it('turns problem+json into an ApiProblem with its detail and field paths', async () => {
    const problem = {
      title: 'The request does not match its schema',
      status: 400,
      detail: 'the body has 2 problem(s)',
      code: 'validation-failed',
      errors: [
        { path: '$.substance.code', message: 'not a substance class of the catalogue' },
        { path: '$.given[0]', message: 'too short' },
      ],
    };
    const { impl } = fakeFetch([json(400, problem)]);
    const error = await createApiClient(hooks(), impl)
      .request('POST', '/api/patients/p/allergies', { body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    const p = error as ApiProblem;
    expect([p.status, p.code, p.detail]).toEqual([400, 'validation-failed', 'the body has 2 problem(s)']);
    expect(p.issuesAt('substance').map((i) => i.message)).toEqual(['not a substance class of the catalogue']);
    expect(p.issuesAt('given')).toHaveLength(1);
  });

  it('names the field of each path', () => {
    expect(['$.family', '$.value.unit', 'querystring.birthDate', '$', '$.given[2]'].map(fieldOf)).toEqual([
      'family',
      'value',
      'birthDate',
      '',
      'given',
    ]);
  });

  it('reports the fixed clock of every response', async () => {
    const onAsOf = vi.fn();
    const { impl } = fakeFetch([json(200, {}, { 'knotwork-as-of': '2026-11-27T10:00:00.000Z' }), json(200, {})]);
    const api = createApiClient(hooks({ onAsOf }), impl);
    await api.request('GET', '/api/session');
    await api.request('GET', '/api/session');
    expect(onAsOf.mock.calls).toEqual([['2026-11-27T10:00:00.000Z'], [null]]);
  });

  it('on a 401 mid-work, waits for the session to be renewed and retries with the new token', async () => {
    let token = 'old';
    const renewSession = vi.fn(() => {
      token = 'new';
      return Promise.resolve();
    });
    const { impl, sent } = fakeFetch([expired, json(201, { id: 'c' })]);
    const api = createApiClient(hooks({ csrfToken: () => token, renewSession }), impl);
    const { data } = await api.request<{ id: string }>('POST', '/api/patients/p/conditions', {
      body: { icd10: 'M54.2' },
    });
    expect(data.id).toBe('c');
    expect(renewSession).toHaveBeenCalledOnce();
    expect(sent.map((s) => s.headers['x-csrf-token'])).toEqual(['old', 'new']);
    expect(sent[1]?.body).toBe(sent[0]?.body);
  });

  it('gives the 401 back when the renewal is refused, and never renews a sign-in', async () => {
    const renewSession = vi.fn(() => Promise.reject(new Error('signed out')));
    const { impl } = fakeFetch([expired, expired]);
    const api = createApiClient(hooks({ renewSession }), impl);
    await expect(api.request('GET', '/api/patients')).rejects.toMatchObject({ code: 'session-expired' });
    await expect(api.request('POST', '/api/session', { renewSession: false })).rejects.toMatchObject({ status: 401 });
    expect(renewSession).toHaveBeenCalledOnce();
  });

  it('says when the server cannot be reached', async () => {
    const impl = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    await expect(createApiClient(hooks(), impl).request('GET', '/api/patients')).rejects.toMatchObject({
      status: 0,
      code: 'network',
    });
  });
});
