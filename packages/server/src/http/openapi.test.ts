// The OpenAPI document: OpenAPI 3.1, generated from the route schemas, listing the CDS routes with
// their problem responses, every $ref resolving; Swagger UI is served beside it.
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './spec/test-app.js';

type Json = Record<string, unknown>;

function refs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refs(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refs(value, found);
    }
  }
  return found;
}

function resolve(doc: Json, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], doc);
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document listing the CDS Hooks routes', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const doc = response.json<Json>();
    expect(doc['openapi']).toBe('3.1.0');
    expect(doc['info']).toMatchObject({ title: 'Knotwork', version: expect.any(String) as unknown });
    expect(doc['servers']).toEqual([{ url: 'https://tpi.example.test' }]);
    const paths = doc['paths'] as Record<string, Record<string, Json>>;
    expect(Object.keys(paths).sort()).toEqual([
      '/cds-services',
      '/cds-services/tpi-screening',
      '/cds-services/tpi-screening/feedback',
    ]);
    expect(Object.keys(paths['/cds-services'] ?? {})).toEqual(['get']);
    const service = paths['/cds-services/tpi-screening']?.['post'];
    expect(service?.['security']).toEqual([{ cdsHooksJwt: [] }]);
    const responses = service?.['responses'] as Record<string, Json>;
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '413', '415']);
    expect(Object.keys(responses['400']?.['content'] as Json)).toEqual(['application/problem+json']);
    const feedback = paths['/cds-services/tpi-screening/feedback']?.['post'];
    expect(JSON.stringify(feedback?.['requestBody'])).toContain('outcomeTimestamp');
    for (const ref of refs(doc)) expect(resolve(doc, ref), ref).toBeDefined();
    expect((doc['components'] as Json)['securitySchemes']).toMatchObject({
      cdsHooksJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
  });

  it('is browsable at /api/docs', async () => {
    const { app } = await buildTestApp();
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).not.toMatch(/<script>[^<]/);
    const asset = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(asset.statusCode).toBe(200);
  });
});
