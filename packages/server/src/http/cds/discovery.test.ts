// GET /cds-services (SCREENING.md section 1): the one service, public, with a prefetch template for
// every key of section 2 and every LOINC code the catalogue reads.
import { catalogue, PREFETCH_KEYS } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../spec/test-app.js';

describe('GET /cds-services', () => {
  it('lists tpi-screening on order-sign, without credentials', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: '/cds-services' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ services: Record<string, unknown>[] }>();
    expect(body.services).toHaveLength(1);
    const [service] = body.services;
    expect(service).toMatchObject({ id: 'tpi-screening', hook: 'order-sign', title: expect.any(String) as unknown });
    expect(service?.['description']).toMatch(/order-select is also accepted/);
  });

  it('has a prefetch template for each key of section 2', async () => {
    const { app } = await buildTestApp();
    const [service] = (await app.inject({ method: 'GET', url: '/cds-services' })).json<{
      services: { prefetch: Record<string, string> }[];
    }>().services;
    const prefetch = service?.prefetch ?? {};
    expect(Object.keys(prefetch)).toEqual([...PREFETCH_KEYS]);
    expect(prefetch).toMatchObject({
      patient: 'Patient/{{context.patientId}}',
      conditions: 'Condition?patient={{context.patientId}}',
      allergies: 'AllergyIntolerance?patient={{context.patientId}}',
      medications: 'MedicationRequest?patient={{context.patientId}}&status=active,on-hold',
      medicationAdministrations: 'MedicationAdministration?patient={{context.patientId}}',
    });
    const observations = /^Observation\?patient=\{\{context\.patientId\}\}&code=([\d,-]+)$/.exec(
      prefetch['observations'] ?? '',
    );
    const codes = observations?.[1]?.split(',') ?? [];
    const wanted = Object.values(catalogue.observations).flatMap((o) => o.loinc as readonly string[]);
    expect(new Set(codes)).toEqual(new Set(wanted));
    expect(codes).toContain('6301-6'); // INR
  });
});
