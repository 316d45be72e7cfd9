import { screen, type CdsCard } from '@knotwork/core';
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { Chart } from './chart.js';
import { buildScreeningRequest } from './build-screening-request.js';
import { fhirProblems } from './spec/validate-fhir.js';

const AS_OF = Date.parse('2026-11-27T10:00:00Z');

const base: Chart = {
  patient: {
    id: 'p1',
    identifiers: [{ system: 'urn:knotwork:mrn', value: 'MRN-1' }],
    family: 'Okafor',
    given: ['Ada'],
    birthDate: '1978-04-02',
    sex: 'female',
  },
  allergiesReviewedAt: '2026-11-20T09:00:00Z',
  medicationsReconciledAt: '2026-11-20T09:00:00Z',
  conditions: [
    {
      id: 'c1',
      icd10: 'M79.18',
      display: 'Myalgia, other site',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      onset: '2026-09-28',
    },
  ],
  allergies: [],
  medicines: [],
  observations: [
    {
      id: 'o1',
      loinc: '29463-7',
      display: 'Body weight',
      value: { quantity: 70, unit: 'kg' },
      at: '2026-11-20T10:00:00Z',
      status: 'final',
    },
  ],
  administrations: [],
};

function run(chart: Chart, products = [{ injectate: 'lidocaine-1pct', volumeMl: 5 }]) {
  const request = buildScreeningRequest({
    chart,
    sites: [{ muscle: 'gluteus-maximus', side: 'left' }],
    products,
    userId: 'Practitioner/u1',
    hookInstance: 'h1',
  });
  const result = screen(request, { asOf: AS_OF });
  if (!result.ok) throw new Error(result.problem.message);
  const cards = new Map(result.response.cards.map((c: CdsCard) => [c.source.topic.code, c]));
  return { request, result, cards };
}

describe('building the screening request from the chart', () => {
  it('a clean chart and plan screen clean, and every emitted resource is valid FHIR R4', () => {
    const { request, result } = run({
      ...base,
      medicines: [{ id: 'm1', rxnorm: '6809', display: 'Metformin 500 MG Oral Tablet', status: 'active' }],
      administrations: [
        { id: 'a1', injectate: 'triamcinolone-40', volumeMl: 1, at: '2026-03-01', status: 'completed' },
      ],
      allergies: [
        {
          id: 'al1',
          substance: { kind: 'text', text: 'Penicillin' },
          type: 'allergy',
          clinicalStatus: 'active',
          verificationStatus: 'confirmed',
        },
      ],
    });
    expect(result.verdict).toBe('proceed');
    const resources = [...Object.values(request.prefetch), request.context.draftOrders].filter(
      (r): r is Resource => r !== null,
    );
    for (const r of resources) expect(fhirProblems(r), r.resourceType).toEqual([]);
  });

  it('a recorded lidocaine allergy stops a lidocaine plan, even before the allergies were reviewed', () => {
    const allergy = {
      id: 'al1',
      substance: { kind: 'ingredient', code: 'lidocaine', text: 'Lidocaine' },
      type: 'allergy',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
    } as const;
    expect(run({ ...base, allergies: [allergy] }).cards.get('drug-allergy')?.indicator).toBe('critical');
    expect(run({ ...base, allergiesReviewedAt: null, allergies: [allergy] }).cards.get('drug-allergy')?.indicator).toBe(
      'critical',
    );
  });

  it('allergies never asked: the key is left out and the screen says data is missing; "no known allergies" is a known none', () => {
    const never = run({ ...base, allergiesReviewedAt: null });
    expect(never.request.prefetch).not.toHaveProperty('allergies');
    expect(never.cards.get('missing-data')?.detail).toContain('allergies');
    const reviewed = run(base);
    expect(reviewed.request.prefetch).toHaveProperty('allergies');
    expect(reviewed.cards.has('missing-data')).toBe(false);
  });

  it('medicines never reconciled: missing data; reconciled with warfarin and no recent INR: missing data for the INR', () => {
    expect(run({ ...base, medicationsReconciledAt: null }).cards.get('missing-data')?.detail).toContain('medications');
    const warfarin = run({
      ...base,
      medicines: [{ id: 'm1', rxnorm: '11289', display: 'Warfarin 5 MG Oral Tablet', status: 'active' }],
    });
    expect(warfarin.cards.get('anticoagulant')?.indicator).toBe('warning');
    expect(warfarin.cards.get('missing-data')?.detail).toContain('no INR');
  });

  it('an infection on the planned side of the planned region is at the site; on the other side it is elsewhere', () => {
    const infection = (side: 'left' | 'right') => ({
      ...base,
      conditions: [
        ...base.conditions,
        {
          id: 'c2',
          icd10: 'L03.317',
          display: 'Cellulitis of buttock',
          clinicalStatus: 'active',
          verificationStatus: 'confirmed',
          bodySite: { region: 'buttock', side },
        } as const,
      ],
    });
    expect(run(infection('left')).cards.get('skin-infection-at-site')?.indicator).toBe('critical');
    expect(run(infection('right')).cards.get('skin-infection-elsewhere')?.indicator).toBe('info');
  });

  it('a steroid given elsewhere 30 days ago is counted against a planned steroid', () => {
    const { cards } = run(
      {
        ...base,
        administrations: [
          { id: 'a1', text: 'Kenalog 40 mg, GP surgery', volumeMl: 1, at: '2026-10-28', status: 'completed' },
        ],
      },
      [{ injectate: 'triamcinolone-40', volumeMl: 1 }],
    );
    expect(cards.get('steroid-interval')?.indicator).toBe('warning');
  });
});
