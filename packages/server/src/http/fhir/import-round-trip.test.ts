// The round trip (issue 5, item 5): an EHR's Bundle imported into one clinic, exported with
// Patient/$everything, and that export imported into another, empty clinic gives the same chart.
// The export carries the whole TPI record (Encounter, Procedure, Provenance ...); an EHR's chart
// feed to Knotwork carries the resources the import takes, so those are sent on as a collection.
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORTED_RESOURCE_TYPES } from '../../fhir/import/read-import-bundle.js';
import { ehrBundle } from '../../fhir/import/spec/ehr-bundle.js';
import { buildClinicApp, type ClinicRig } from '../spec/clinic-app.js';

let first: ClinicRig;
let second: ClinicRig;
beforeAll(async () => {
  first = await buildClinicApp();
  second = await buildClinicApp();
  await Promise.all([first.app.ready(), second.app.ready()]);
});

const FHIR = { 'content-type': 'application/fhir+json' };
type Json = Record<string, unknown>;

async function importInto(rig: ClinicRig, bundle: unknown): Promise<string> {
  const r = await rig.call('clinician', 'POST', '/fhir/R4', bundle, FHIR);
  expect(r.statusCode, r.body).toBe(200);
  const location = r.json<{ entry: { response: { location: string } }[] }>().entry[0]?.response.location ?? '';
  return location.slice('Patient/'.length);
}

/** The chart without what each clinic assigns (ids, recorded times), lists in a stable order. */
async function chartOf(rig: ClinicRig, patientId: string) {
  const chart = (await rig.call('clinician', 'GET', `/api/patients/${patientId}/chart`)).json<Json>();
  const strip = (list: unknown) =>
    (list as Json[]).map((e) => JSON.stringify({ ...e, id: undefined, recordedAt: undefined })).sort();
  const patient = chart['patient'] as Json;
  return {
    patient: { ...patient, id: undefined },
    conditions: strip(chart['conditions']),
    allergies: strip(chart['allergies']),
    medicines: strip(chart['medicines']),
    observations: strip(chart['observations']),
  };
}

describe('import, export, import again', () => {
  it('gives the same chart in an empty clinic', async () => {
    const patientId = await importInto(first, ehrBundle({ mrn: 'ROUND-1' }));
    const exported = await first.call('clinician', 'GET', `/fhir/R4/Patient/${patientId}/$everything`);
    expect(exported.statusCode, exported.body).toBe(200);
    const everything = exported.json<{ entry: { fullUrl?: string; resource: Json }[] }>();
    const taken = new Set<string>(IMPORTED_RESOURCE_TYPES);
    const collection = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: everything.entry.filter((e) => taken.has(String(e.resource['resourceType']))),
    };
    expect(collection.entry.length).toBe(10);
    const again = await importInto(second, collection);
    expect(await chartOf(second, again)).toEqual(await chartOf(first, patientId));
    // And the export imported a second time changes nothing.
    const repeat = await second.call('clinician', 'POST', '/fhir/R4', collection, FHIR);
    const statuses = repeat.json<{ entry: { response: { status: string } }[] }>().entry.map((e) => e.response.status);
    expect(new Set(statuses)).toEqual(new Set(['200 OK']));
  });
});
