// The FHIR read side over HTTP on a patient with a whole TPI history made through the clinic API:
// $everything is a Bundle of valid R4 resources (the @medplum/core validator against the R4
// definitions, plus the required bindings it skips) whose references resolve inside it; each
// resource reads back by id as the same resource; the CapabilityStatement is valid; failures are
// OperationOutcomes; reads are audited.
import type {
  AdverseEvent,
  Bundle,
  CapabilityStatement,
  Consent,
  DocumentReference,
  Medication,
  MedicationAdministration,
  Observation,
  OperationOutcome,
  Procedure,
  Resource,
} from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { unresolvedReferences } from '../../fhir/export/everything-bundle.js';
import { EXPORTED_TYPES } from '../../fhir/export/patient-resources.js';
import { fhirProblems } from '../../fhir/spec/validate-fhir.js';
import { buildClinicApp, OTHER_CLINIC_ID, type ClinicRig } from '../spec/clinic-app.js';
import { everythingOf, fullHistory, type FullHistory } from '../spec/fhir-fixtures.js';

const BASE = 'https://tpi.example.test';
let rig: ClinicRig;
let history: FullHistory;
let bundle: Bundle;

beforeAll(async () => {
  rig = await buildClinicApp();
  history = await fullHistory(rig);
  bundle = await everythingOf(rig, history.patientId);
});

const resources = (): Resource[] => (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
const ofType = <T extends Resource>(type: T['resourceType']) =>
  resources().filter((r): r is T => r.resourceType === type);

describe('GET /fhir/R4/Patient/:id/$everything', () => {
  it('answers every exported resource type, each valid FHIR R4 with its required codes', () => {
    expect(new Set(resources().map((r) => r.resourceType))).toEqual(new Set(EXPORTED_TYPES));
    expect(fhirProblems(bundle)).toEqual([]);
  });

  it('is a searchset whose references all resolve inside it, with full URLs on the FHIR base', () => {
    expect(bundle.type).toBe('searchset');
    expect(bundle.total).toBe(resources().length);
    expect(unresolvedReferences(bundle)).toEqual([]);
    for (const e of bundle.entry ?? [])
      expect(e.fullUrl).toBe(`${BASE}/fhir/R4/${e.resource?.resourceType}/${e.resource?.id}`);
    expect(new Set(resources().map((r) => `${r.resourceType}/${r.id}`)).size).toBe(resources().length);
  });

  it('carries the procedure: CPT and Knotwork codes, bodySite with laterality, performer, note, outcome, complication', () => {
    const [procedure] = ofType<Procedure>('Procedure');
    expect(procedure?.id).toBe(history.amendmentId);
    const codes = procedure?.code?.coding?.map((c) => `${c.system}|${c.code}`);
    expect(codes).toEqual([
      'http://www.ama-assn.org/go/cpt|20552',
      'https://knotwork.dev/fhir/CodeSystem/procedure|trigger-point-injection',
    ]);
    expect(procedure?.bodySite?.[0]?.extension?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe('7771000');
    expect(procedure?.performer?.[0]?.actor?.reference).toMatch(/^Practitioner\//);
    expect(procedure?.outcome?.text).toContain('pain 3/10');
    expect(procedure?.reasonCode?.[0]?.coding?.[0]?.code).toBe('M79.18');
    expect(ofType('Provenance')).toHaveLength(2);
  });

  it('gives each site its administration: product, mL and mg, lot, intramuscular route, site', () => {
    const [given] = ofType<MedicationAdministration>('MedicationAdministration');
    expect(given?.dosage?.route?.coding?.[0]?.code).toBe('78421000');
    expect(given?.dosage?.dose).toMatchObject({ value: 2, code: 'mL' });
    expect(given?.dosage?.text).toContain('20 mg');
    expect(given?.dosage?.site?.coding?.[0]?.code).toBe('trapezius-upper');
    expect(given?.partOf?.[0]?.reference).toBe(`Procedure/${history.amendmentId}`);
    const medication = given?.contained?.[0] as Medication | undefined;
    expect(medication?.batch).toEqual({ lotNumber: 'LX2291', expirationDate: '2027-06' });
  });

  it('has the pain scores (LOINC 72514-3) before and after, the consent with its PDF, the complication', () => {
    const pain = ofType<Observation>('Observation').filter((o) => o.code.coding?.[0]?.code === '72514-3');
    expect(pain.map((o) => o.valueInteger).sort()).toEqual([3, 7]);
    const [consent] = ofType<Consent>('Consent');
    const [document] = ofType<DocumentReference>('DocumentReference');
    expect(consent?.sourceReference?.reference).toBe(`DocumentReference/${document?.id}`);
    const pdf = document?.content[0]?.attachment.url ?? '';
    expect(pdf).toBe(`${BASE}/api/visits/${history.visitId}/consents/${consent?.id}/pdf`);
    const [event] = ofType<AdverseEvent>('AdverseEvent');
    expect(event?.severity?.coding?.[0]?.code).toBe('mild');
    expect(event?.suspectEntity?.[0]?.instance.reference).toBe(`Procedure/${history.amendmentId}`);
  });

  it('is audited as patient.fhir.everything with what it returned', () => {
    const row = rig.repos.audit.findLast((a) => a.action === 'patient.fhir.everything');
    expect(row).toMatchObject({
      entity: `Patient/${history.patientId}`,
      patientId: history.patientId,
      outcome: 'success',
    });
  });

  it('answers a patient of another clinic, or none, with a not-found OperationOutcome', async () => {
    for (const id of [OTHER_CLINIC_ID, 'no-such-patient']) {
      const r = await rig.call('clinician', 'GET', `/fhir/R4/Patient/${id}/$everything`);
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toContain('application/fhir+json');
      const outcome = r.json<OperationOutcome>();
      expect(outcome.issue[0]?.code).toBe('not-found');
      expect(fhirProblems(outcome)).toEqual([]);
    }
  });

  it('refuses an id that is no FHIR id, and a clinic admin, as OperationOutcomes', async () => {
    const bad = await rig.call('clinician', 'GET', `/fhir/R4/Patient/${'x'.repeat(65)}/$everything`);
    expect([bad.statusCode, bad.json<OperationOutcome>().issue[0]?.code]).toEqual([400, 'invalid']);
    const admin = await rig.call('clinic-admin', 'GET', `/fhir/R4/Patient/${history.patientId}/$everything`);
    expect([admin.statusCode, admin.json<OperationOutcome>().resourceType]).toEqual([403, 'OperationOutcome']);
  });
});

describe('GET /fhir/R4/:type/:id', () => {
  it('reads every resource of the Bundle back by its id, the same resource, each read audited', async () => {
    const before = rig.repos.audit.length;
    for (const resource of resources()) {
      const r = await rig.call('nurse', 'GET', `/fhir/R4/${resource.resourceType}/${resource.id}`);
      expect(r.statusCode, `${resource.resourceType}/${resource.id}: ${r.body}`).toBe(200);
      expect(r.json()).toEqual(resource);
    }
    const rows = rig.repos.audit.slice(before).filter((a) => a.action === 'patient.fhir.read');
    expect(rows.map((a) => a.entity)).toEqual(resources().map((r) => `${r.resourceType}/${r.id}`));
    const ofPatient = rows.filter((a) => !a.entity?.startsWith('Practitioner/'));
    expect(new Set(ofPatient.map((a) => `${a.patientId}:${a.outcome}`))).toEqual(
      new Set([`${history.patientId}:success`]),
    );
  });

  it('does not find a resource under another type, and audits the miss', async () => {
    const r = await rig.call('clinician', 'GET', `/fhir/R4/Condition/${history.visitId}`);
    expect(r.statusCode).toBe(404);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'patient.fhir.read', outcome: 'failed' });
  });
});

describe('GET /fhir/R4/metadata', () => {
  it('is a valid CapabilityStatement listing the reads, $everything, $export and the Bundle import', async () => {
    const r = await rig.call('anonymous', 'GET', '/fhir/R4/metadata');
    expect(r.statusCode).toBe(200);
    const cs = r.json<CapabilityStatement>();
    expect(fhirProblems(cs)).toEqual([]);
    const rest = cs.rest?.[0];
    expect(rest?.resource?.map((x) => x.type).sort()).toEqual([...EXPORTED_TYPES].sort());
    expect(rest?.resource?.find((x) => x.type === 'Patient')?.operation?.[0]?.name).toBe('everything');
    expect(rest?.operation?.map((o) => o.name)).toEqual(['export']);
    expect(rest?.interaction?.map((i) => i.code)).toEqual(['transaction', 'batch']);
  });
});
