// The OpenAPI document of an app with the clinic API: every /api route is listed with its
// parameters, body, responses (problems included) and security; the shared schemas are components
// and every $ref resolves.
import { describe, expect, it } from 'vitest';
import { buildClinicApp } from '../spec/clinic-app.js';

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

const resolve = (doc: Json, ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], doc);

describe('the OpenAPI document with the clinic API', () => {
  it('lists the clinic routes with their schemas, problems and security', async () => {
    const rig = await buildClinicApp();
    const doc = (await rig.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Json>();
    const paths = doc['paths'] as Record<string, Record<string, Json>>;
    const operations = Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(operations.filter((o) => o.includes('/api/')).sort()).toEqual([
      'delete /api/account/totp',
      'delete /api/patients/{id}/allergies/{entryId}',
      'delete /api/patients/{id}/conditions/{entryId}',
      'delete /api/patients/{id}/earlier-administrations/{entryId}',
      'delete /api/patients/{id}/medicines/{entryId}',
      'delete /api/patients/{id}/observations/{entryId}',
      'delete /api/session',
      'delete /api/tokens/{id}',
      'get /api/audit',
      'get /api/dashboard/outcomes',
      'get /api/dashboard/outcomes.csv',
      'get /api/education',
      'get /api/follow-up/{token}',
      'get /api/notes/{id}/coding',
      'get /api/notes/{id}/pdf',
      'get /api/patients',
      'get /api/patients/{id}',
      'get /api/patients/{id}/chart',
      'get /api/patients/{id}/outcomes',
      'get /api/patients/{id}/visits',
      'get /api/reference/complication-types',
      'get /api/reference/icd10cm',
      'get /api/screens/{id}',
      'get /api/session',
      'get /api/settings',
      'get /api/settings/eligibility-pack',
      'get /api/settings/follow-up-schedule',
      'get /api/settings/observation-time',
      'get /api/settings/screening-policy',
      'get /api/tasks',
      'get /api/tokens',
      'get /api/users',
      'get /api/visits/{id}',
      'get /api/visits/{id}/administrations',
      'get /api/visits/{id}/baseline',
      'get /api/visits/{id}/complications',
      'get /api/visits/{id}/consent-form',
      'get /api/visits/{id}/consents',
      'get /api/visits/{id}/consents/{consentId}/pdf',
      'get /api/visits/{id}/discharge',
      'get /api/visits/{id}/discharge/pdf',
      'get /api/visits/{id}/last-checklist',
      'get /api/visits/{id}/notes',
      'get /api/visits/{id}/plan',
      'post /api/account/password',
      'post /api/account/totp',
      'post /api/account/totp/confirm',
      'post /api/complications/{id}/entered-in-error',
      'post /api/consent-forms',
      'post /api/follow-up/{token}/answers',
      'post /api/notes/{id}/amendments',
      'post /api/notes/{id}/sign',
      'post /api/patients',
      'post /api/patients/{id}/allergies',
      'post /api/patients/{id}/allergies/reviewed',
      'post /api/patients/{id}/conditions',
      'post /api/patients/{id}/documented-visits',
      'post /api/patients/{id}/earlier-administrations',
      'post /api/patients/{id}/medicines',
      'post /api/patients/{id}/medicines/reconciled',
      'post /api/patients/{id}/observations',
      'post /api/patients/{id}/visits',
      'post /api/screens/{id}/overrides',
      'post /api/session',
      'post /api/tasks/{id}/acknowledge',
      'post /api/tasks/{id}/resolve',
      'post /api/tokens',
      'post /api/users',
      'post /api/users/{id}/deactivate',
      'post /api/users/{id}/reactivate',
      'post /api/users/{id}/reset-password',
      'post /api/visits/{id}/complications',
      'post /api/visits/{id}/consents',
      'post /api/visits/{id}/dose',
      'post /api/visits/{id}/end',
      'post /api/visits/{id}/note',
      'post /api/visits/{id}/plan/screen',
      'post /api/visits/{id}/screens',
      'put /api/notes/{id}',
      'put /api/patients/{id}',
      'put /api/patients/{id}/allergies/{entryId}',
      'put /api/patients/{id}/conditions/{entryId}',
      'put /api/patients/{id}/medicines/{entryId}',
      'put /api/settings/eligibility-pack',
      'put /api/settings/follow-up-schedule',
      'put /api/settings/observation-time',
      'put /api/settings/screening-policy',
      'put /api/visits/{id}/baseline',
      'put /api/visits/{id}/plan',
      'put /api/visits/{id}/plan/screened',
    ]);
    const put = paths['/api/patients/{id}']?.['put'] ?? {};
    expect(put['security']).toEqual([{ sessionCookie: [], csrfHeader: [] }]);
    expect(Object.keys(put['responses'] as Json).sort()).toEqual(['200', '400', '401', '403', '404', '412', '428']);
    expect(JSON.stringify(put['parameters'])).toContain('if-match');
    expect(JSON.stringify(put['requestBody'])).toMatch(/PatientDetails|"family"/);
    const search = paths['/api/patients']?.['get'] ?? {};
    expect((search['parameters'] as { name: string }[]).map((p) => p.name).sort()).toEqual([
      'birthDate',
      'cursor',
      'identifier',
      'limit',
      'name',
    ]);
    expect(paths['/api/patients/{id}/chart']?.['get']?.['security']).toEqual([{ apiToken: [] }, { sessionCookie: [] }]);
    const schemas = (doc['components'] as Json)['schemas'] as Json;
    const screenBody = JSON.stringify(paths['/api/visits/{id}/screens']?.['post']?.['requestBody']);
    const [screenRef] = refs(JSON.parse(screenBody));
    const screen = JSON.stringify(screenRef ? resolve(doc, screenRef) : screenBody);
    expect(screen).toContain('trapezius-upper');
    expect(screen).toContain('lidocaine-1pct');
    const names = ['Patient', 'Chart', 'ScreenResult', 'Override', 'Visit', 'Session', 'Problem'];
    const records = ['Condition', 'Allergy', 'Medicine', 'Observation', 'EarlierAdministration', 'AllergyReview'];
    for (const name of [...names, ...records, 'ConditionDetailsInput', 'ObservationDetailsInput']) {
      expect(Object.keys(schemas), name).toContain(name);
    }
    expect((doc['components'] as Json)['securitySchemes']).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'knotwork_session' },
      csrfHeader: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    });
    for (const ref of refs(doc)) expect(resolve(doc, ref), ref).toBeDefined();
  });
});
