// POST /fhir/R4 through fastify.inject: a clinician's or an API token's Bundle imports, a repeat
// changes nothing, an invalid Bundle is an OperationOutcome with each issue's location and writes
// nothing, and a clinic admin may not import.
import { beforeAll, describe, expect, it } from 'vitest';
import { ehrBundle } from '../../fhir/import/spec/ehr-bundle.js';
import { buildClinicApp, type ClinicRig } from '../spec/clinic-app.js';

let rig: ClinicRig;
beforeAll(async () => {
  rig = await buildClinicApp();
  await rig.app.ready();
});

const FHIR = { 'content-type': 'application/fhir+json' };

describe('POST /fhir/R4', () => {
  it('imports a transaction Bundle, then finds it unchanged', async () => {
    const first = await rig.call('clinician', 'POST', '/fhir/R4', ehrBundle({ mrn: 'HTTP-1' }), FHIR);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('application/fhir+json');
    const body = first.json<{ type: string; entry: { response: { status: string; location: string } }[] }>();
    expect(body.type).toBe('transaction-response');
    expect(body.entry.map((e) => e.response.status)).toEqual(Array<string>(10).fill('201 Created'));
    expect(body.entry[0]?.response.location).toMatch(/^Patient\//);
    const patientId = body.entry[0]?.response.location.slice('Patient/'.length) ?? '';
    const chart = await rig.call('clinician', 'GET', `/api/patients/${patientId}/chart`);
    const before = chart.body;
    const again = await rig.call('api-token', 'POST', '/fhir/R4', ehrBundle({ mrn: 'HTTP-1' }), FHIR);
    expect(again.json<typeof body>().entry.map((e) => e.response.status)).toEqual(Array<string>(10).fill('200 OK'));
    expect((await rig.call('clinician', 'GET', `/api/patients/${patientId}/chart`)).body).toBe(before);
    expect(rig.repos.audit.filter((e) => e.action === 'fhir.import').map((e) => [e.actorKind, e.outcome])).toEqual([
      ['user', 'success'],
      ['api-token', 'success'],
    ]);
  });

  it('answers an invalid Bundle with an OperationOutcome naming each location, and writes nothing', async () => {
    const bundle = structuredClone(ehrBundle({ mrn: 'HTTP-2' }));
    delete (bundle.entry[3] as { resource: Record<string, unknown> }).resource['code'];
    const before = rig.repos.snapshot();
    const r = await rig.call('nurse', 'POST', '/fhir/R4', bundle, FHIR);
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'required',
          diagnostics: 'code is required (a CodeableConcept)',
          expression: ['Bundle.entry[3].resource.code'],
        },
      ],
    });
    expect(rig.repos.snapshot()).toBe(before);
  });

  it('is not for clinic admins', async () => {
    const r = await rig.call('clinic-admin', 'POST', '/fhir/R4', ehrBundle({ mrn: 'HTTP-3' }), FHIR);
    expect(r.statusCode).toBe(403);
  });
});
