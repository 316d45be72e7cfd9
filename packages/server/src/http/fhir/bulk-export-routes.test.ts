// The Bulk Data export over HTTP (memory twin): the async kick-off, status polling, the manifest,
// NDJSON files of valid resources whose references resolve across the export, _type, cancelling,
// the refusals as OperationOutcomes, and the audit of each page read.
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { unresolvedReferences } from '../../fhir/export/everything-bundle.js';
import { EXPORTED_TYPES } from '../../fhir/export/patient-resources.js';
import { fhirProblems } from '../../fhir/spec/validate-fhir.js';
import { buildClinicApp, type ClinicRig } from '../spec/clinic-app.js';
import { fullHistory } from '../spec/fhir-fixtures.js';

const BASE = 'https://tpi.example.test';
const ASYNC = { prefer: 'respond-async', accept: 'application/fhir+json' };
let rig: ClinicRig;

beforeAll(async () => {
  rig = await buildClinicApp();
  await fullHistory(rig);
});

interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: unknown[];
}

async function kickOff(query = ''): Promise<string> {
  const r = await rig.call('clinician', 'GET', `/fhir/R4/$export${query}`, undefined, ASYNC);
  expect(r.statusCode, r.body).toBe(202);
  const location = String(r.headers['content-location']);
  expect(location).toMatch(new RegExp(`^${BASE}/fhir/R4/\\$export-status/`));
  return location.slice(BASE.length);
}

async function finished(status: string): Promise<Manifest> {
  for (let i = 0; i < 200; i++) {
    const r = await rig.call('clinician', 'GET', status);
    if (r.statusCode === 200) return r.json<Manifest>();
    expect(r.statusCode, r.body).toBe(202);
    expect(r.headers['x-progress']).toMatch(/patients exported/);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the export did not finish');
}

async function download(url: string): Promise<Resource[]> {
  const r = await rig.call('api-token', 'GET', url.slice(BASE.length));
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toContain('application/fhir+ndjson');
  return r.body
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Resource);
}

describe('GET /fhir/R4/$export', () => {
  it('exports every patient of the clinic as NDJSON files of valid resources, listed in the manifest', async () => {
    const manifest = await finished(await kickOff());
    expect(manifest).toMatchObject({ requiresAccessToken: true, error: [], request: `${BASE}/fhir/R4/$export` });
    expect(manifest.output.map((o) => o.type)).toEqual(
      EXPORTED_TYPES.filter((t) => manifest.output.some((o) => o.type === t)),
    );
    const all: Resource[] = [];
    for (const file of manifest.output) {
      const resources = await download(file.url);
      expect(resources).toHaveLength(file.count);
      expect(new Set(resources.map((r) => r.resourceType))).toEqual(new Set([file.type]));
      all.push(...resources);
    }
    const patients = all.filter((r) => r.resourceType === 'Patient').map((r) => r.id);
    const inClinic = await clinicPatients();
    expect(patients.sort()).toEqual(inClinic.sort());
    const bundle: Bundle = { resourceType: 'Bundle', type: 'collection', entry: all.map((resource) => ({ resource })) };
    expect(fhirProblems(bundle)).toEqual([]);
    expect(unresolvedReferences(bundle)).toEqual([]);
    const pages = rig.repos.audit.filter((a) => a.action === 'patient.fhir.export');
    expect(pages.flatMap((a) => (a.detail as { patients: string[] }).patients).sort()).toEqual(inClinic.sort());
  });

  it('exports only the types _type names', async () => {
    const manifest = await finished(await kickOff('?_type=Procedure,Patient&_outputFormat=application/fhir%2Bndjson'));
    expect(manifest.output.map((o) => o.type)).toEqual(['Patient', 'Procedure']);
  });

  it('is cancelled by DELETE: 202, then the status and the files are gone', async () => {
    const status = await kickOff();
    const cancelled = await rig.call('clinician', 'DELETE', status);
    expect(cancelled.statusCode).toBe(202);
    const after = await rig.call('clinician', 'GET', status);
    expect([after.statusCode, after.json<OperationOutcome>().issue[0]?.code]).toEqual([404, 'not-found']);
  });

  it('refuses a synchronous request, other formats, _since and unknown types, as OperationOutcomes', async () => {
    const cases: [string, Record<string, string>][] = [
      ['', {}],
      ['?_outputFormat=text/csv', ASYNC],
      ['?_since=2026-01-01T00:00:00Z', ASYNC],
      ['?_type=Patient,Claim', ASYNC],
      ['?patient=x', ASYNC],
    ];
    for (const [query, headers] of cases) {
      const r = await rig.call('clinician', 'GET', `/fhir/R4/$export${query}`, undefined, headers);
      expect([query, r.statusCode, r.headers['content-type']]).toEqual([
        query,
        400,
        'application/fhir+json; charset=utf-8',
      ]);
      expect(fhirProblems(r.json<OperationOutcome>())).toEqual([]);
    }
  });

  it('keeps each clinic’s exports to itself', async () => {
    const status = await kickOff();
    await finished(status);
    const other = await rig.call('clinician', 'GET', status.replace(/[^/]+$/, '00000000-0000-4000-8000-999999999999'));
    expect(other.statusCode).toBe(404);
  });
});

async function clinicPatients(): Promise<string[]> {
  const r = await rig.call('clinician', 'GET', '/api/patients?limit=100');
  return r.json<{ items: { id: string }[] }>().items.map((p) => p.id);
}
