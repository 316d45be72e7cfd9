import { describe, expect, it } from 'vitest';
import { fhirProblems } from './validate-fhir.js';

describe('the FHIR check used on every emitted resource', () => {
  it('passes a valid resource', () => {
    expect(fhirProblems({ resourceType: 'Observation', status: 'final', code: { text: 'x' } })).toEqual([]);
  });

  it('finds a missing required element and a wrong type (the R4 definitions)', () => {
    expect(fhirProblems({ resourceType: 'Observation', code: { text: 'x' } } as never).join('\n')).toMatch(/status/);
    expect(
      fhirProblems({
        resourceType: 'Observation',
        status: 'final',
        code: { text: 'x' },
        valueQuantity: { value: 'ten' },
      } as never),
    ).not.toEqual([]);
  });

  it('finds a code outside a required binding, which that validator skips', () => {
    const problems = fhirProblems({
      resourceType: 'Condition',
      subject: { reference: 'Patient/p' },
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'ongoing' }],
      },
    });
    expect(problems.join('\n')).toContain('clinicalStatus.coding.code: "ongoing"');
  });

  it('checks the resources inside a Bundle', () => {
    expect(
      fhirProblems({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: { resourceType: 'Observation', status: 'done', code: {} } }],
      } as never),
    ).not.toEqual([]);
  });
});
