// Reading an EHR's Bundle for import: what each resource becomes, its match key, and every
// rejection with its location.
import { describe, expect, it } from 'vitest';
import { readImportBundle } from './read-import-bundle.js';
import { ehrBundle, EHR_IDS } from './spec/ehr-bundle.js';

type Bundle = ReturnType<typeof ehrBundle>;
const plan = (bundle: unknown) => {
  const read = readImportBundle(bundle);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.plan;
};
const issuesOf = (bundle: unknown) => {
  const read = readImportBundle(bundle);
  return read.ok ? [] : read.issues.map((i) => [i.expression, i.code]);
};
/** The bundle with entry `at`'s resource changed by `change`. */
function withResource(at: number, change: (r: Record<string, unknown>) => void): Bundle {
  const bundle = structuredClone(ehrBundle());
  const entry = bundle.entry[at] as { resource: Record<string, unknown> };
  change(entry.resource);
  return bundle;
}

describe('readImportBundle', () => {
  it('reads a patient and each kind of chart entry, keeping codes it does not know', () => {
    const p = plan(ehrBundle());
    expect(p.patients).toEqual([
      expect.objectContaining({ family: 'Okafor', given: ['Adaeze', 'Ngozi'], birthDate: '1971-04-09', sex: 'female' }),
    ]);
    expect(p.entries.map((e) => [e.kind, e.matchKey, e.content])).toEqual([
      [
        'condition',
        `id|${EHR_IDS}|cond-1`,
        {
          icd10: 'M79.18',
          display: 'Myalgia, other site',
          clinicalStatus: 'active',
          verificationStatus: 'confirmed',
          onset: '2025-09-01',
        },
      ],
      [
        'condition',
        'key|condition|http://snomed.info/sct#38341003|2019-03',
        // No ICD-10-CM code: none is made up; the words stay and the SNOMED code is in sourceCode.
        {
          icd10: '',
          display: 'Hypertension',
          clinicalStatus: 'active',
          verificationStatus: 'unconfirmed',
          onset: '2019-03',
        },
      ],
      [
        'allergy',
        `id|${EHR_IDS}|alg-1`,
        {
          substance: { kind: 'ingredient', code: 'lidocaine', text: 'Lidocaine' },
          type: 'allergy',
          criticality: 'high',
          clinicalStatus: 'active',
          verificationStatus: 'unconfirmed',
        },
      ],
      [
        'allergy',
        'key|allergy|http://snomed.info/sct#111088007',
        {
          substance: { kind: 'text', text: 'Latex gloves' },
          type: 'allergy',
          clinicalStatus: 'active',
          verificationStatus: 'unconfirmed',
        },
      ],
      [
        'medicine',
        `id|${EHR_IDS}|med-1`,
        {
          rxnorm: '855332',
          display: 'warfarin sodium 5 MG Oral Tablet',
          status: 'active',
          assertedAt: '2026-10-01T09:00:00.000Z',
        },
      ],
      [
        'medicine',
        'key|medicine|https://ehr.example/fhir/formulary#F-2231|2026-09-15T00:00:00.000Z',
        { display: 'Paracetamol 500 mg tablets', status: 'active', assertedAt: '2026-09-15T00:00:00.000Z' },
      ],
      [
        'observation',
        'key|observation|http://loinc.org#29463-7|2026-11-20T09:15:00.000Z',
        {
          loinc: '29463-7',
          display: 'Body weight',
          value: { quantity: 72.5, unit: 'kg' },
          at: '2026-11-20T09:15:00.000Z',
          status: 'final',
        },
      ],
      [
        'observation',
        `id|${EHR_IDS}|obs-inr-1`,
        {
          loinc: '6301-6',
          display: 'INR',
          value: { quantity: 2.4, unit: '{INR}' },
          at: '2026-11-24T08:00:00.000Z',
          status: 'final',
        },
      ],
      [
        'observation',
        'key|observation|http://loinc.org#4548-4|2026-10-02T00:00:00.000Z',
        {
          loinc: '4548-4',
          display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
          value: { quantity: 6.1, unit: '%' },
          at: '2026-10-02T00:00:00.000Z',
          status: 'final',
        },
      ],
    ]);
    expect(p.entries[1]?.sourceCode).toEqual({
      coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertensive disorder' }],
      text: 'Hypertension',
    });
  });

  it('maps a prescription status to the chart medicine status (cancelled is stopped, draft intended)', () => {
    const statusOf = (s: string) => plan(withResource(6, (r) => (r['status'] = s))).entries[5]?.content;
    expect(statusOf('cancelled')).toMatchObject({ status: 'stopped' });
    expect(statusOf('draft')).toMatchObject({ status: 'intended' });
  });

  it.each([
    ['not a Bundle', { resourceType: 'Patient' }, [['Bundle.resourceType', 'invalid']]],
    ['a searchset', { ...ehrBundle(), type: 'searchset' }, [['Bundle.type', 'value']]],
    ['no entries', { resourceType: 'Bundle', type: 'collection', entry: [] }, [['Bundle.entry', 'required']]],
  ])('refuses %s', (_name, bundle, expected) => {
    expect(issuesOf(bundle)).toEqual(expected);
  });

  it.each<[string, number, (r: Record<string, unknown>) => void, [string, string][]]>([
    [
      'an unsupported resource',
      1,
      (r) => (r['resourceType'] = 'Procedure'),
      [['Bundle.entry[1].resource.resourceType', 'not-supported']],
    ],
    [
      'a patient without identifier',
      0,
      (r) => delete r['identifier'],
      [['Bundle.entry[0].resource.identifier', 'required']],
    ],
    [
      'an identifier without value',
      0,
      (r) => (r['identifier'] = [{ system: 'x' }]),
      [['Bundle.entry[0].resource.identifier[0]', 'required']],
    ],
    [
      'a patient without family name',
      0,
      (r) => (r['name'] = [{ given: ['A'] }]),
      [['Bundle.entry[0].resource.name[0].family', 'required']],
    ],
    ['a partial birth date', 0, (r) => (r['birthDate'] = '1971-04'), [['Bundle.entry[0].resource.birthDate', 'value']]],
    ['an unknown gender', 0, (r) => (r['gender'] = 'f'), [['Bundle.entry[0].resource.gender', 'value']]],
    ['a condition without code', 1, (r) => delete r['code'], [['Bundle.entry[1].resource.code', 'required']]],
    [
      'a coding without system',
      1,
      (r) => (r['code'] = { coding: [{ code: 'M79.18' }] }),
      [['Bundle.entry[1].resource.code.coding[0]', 'required']],
    ],
    [
      'a condition without clinical status',
      1,
      (r) => delete r['clinicalStatus'],
      [['Bundle.entry[1].resource.clinicalStatus', 'required']],
    ],
    [
      'a clinical status outside its value set',
      1,
      (r) => (r['clinicalStatus'] = { coding: [{ code: 'ongoing' }] }),
      [['Bundle.entry[1].resource.clinicalStatus', 'value']],
    ],
    [
      'a malformed onset',
      2,
      (r) => (r['onsetDateTime'] = '03/2019'),
      [['Bundle.entry[2].resource.onsetDateTime', 'value']],
    ],
    [
      'a subject outside the Bundle',
      2,
      (r) => (r['subject'] = { reference: 'Patient/elsewhere' }),
      [['Bundle.entry[2].resource.subject.reference', 'not-found']],
    ],
    ['a condition without subject', 2, (r) => delete r['subject'], [['Bundle.entry[2].resource.subject', 'required']]],
    [
      'an unknown criticality',
      3,
      (r) => (r['criticality'] = 'severe'),
      [['Bundle.entry[3].resource.criticality', 'value']],
    ],
    ['an allergy without patient', 4, (r) => delete r['patient'], [['Bundle.entry[4].resource.patient', 'required']]],
    [
      'a medication reference',
      5,
      (r) => (r['medicationReference'] = { reference: 'Medication/1' }),
      [['Bundle.entry[5].resource.medicationReference', 'not-supported']],
    ],
    [
      'a statement status the chart cannot hold',
      5,
      (r) => (r['status'] = 'not-taken'),
      [['Bundle.entry[5].resource.status', 'value']],
    ],
    [
      'an observation without LOINC',
      7,
      (r) => (r['code'] = { coding: [{ system: 'urn:local', code: 'W' }] }),
      [['Bundle.entry[7].resource.code', 'required']],
    ],
    [
      'an observation without time',
      7,
      (r) => delete r['effectiveDateTime'],
      [['Bundle.entry[7].resource.effective[x]', 'required']],
    ],
    [
      'an observation status outside its value set',
      7,
      (r) => (r['status'] = 'registered'),
      [['Bundle.entry[7].resource.status', 'value']],
    ],
    [
      'a string value',
      7,
      (r) => ((r['valueString'] = '72 kg'), delete r['valueQuantity']),
      [['Bundle.entry[7].resource.valueString', 'not-supported']],
    ],
    [
      'a quantity without unit',
      7,
      (r) => (r['valueQuantity'] = { value: 72 }),
      [['Bundle.entry[7].resource.valueQuantity.code', 'required']],
    ],
  ])('refuses %s, naming where', (_name, at, change, expected) => {
    expect(issuesOf(withResource(at, change))).toEqual(expected);
  });

  it('names every issue of the Bundle at once', () => {
    const bundle = withResource(1, (r) => delete r['code']);
    (bundle.entry[7] as { resource: Record<string, unknown> }).resource['status'] = 'registered';
    expect(issuesOf(bundle)).toEqual([
      ['Bundle.entry[1].resource.code', 'required'],
      ['Bundle.entry[7].resource.status', 'value'],
    ]);
  });

  it('refuses the same entry twice in one Bundle', () => {
    const bundle = structuredClone(ehrBundle());
    bundle.entry.push(structuredClone(bundle.entry[7] as (typeof bundle.entry)[number]));
    expect(issuesOf(bundle)).toEqual([['Bundle.entry[10].resource', 'duplicate']]);
  });

  it('keys an entry by its identifier whatever else changes, and by code and time without one', () => {
    const changed = plan(withResource(1, (r) => (r['onsetDateTime'] = '2025-10-01'))).entries[0];
    expect(changed?.matchKey).toBe(`id|${EHR_IDS}|cond-1`);
    const moved = plan(withResource(2, (r) => (r['onsetDateTime'] = '2019-04'))).entries[1];
    expect(moved?.matchKey).toBe('key|condition|http://snomed.info/sct#38341003|2019-04');
  });
});
