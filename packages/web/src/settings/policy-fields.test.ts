// Every field of the core's screening policy is described for the admin, and every rule a field
// names exists in the core's RULES (so its sources are the ones the cards cite).
import { DEFAULT_POLICY_VALUES, RULES } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { POLICY_FIELDS, sourcesOf } from './policy-fields';

describe('the screening policy fields shown to admins', () => {
  it('describe every field of the core’s policy, once', () => {
    expect(POLICY_FIELDS.map((f) => f.name).sort()).toEqual(Object.keys(DEFAULT_POLICY_VALUES).sort());
  });

  it('name rules the core has, and take their sources from them', () => {
    const ids: string[] = RULES.map((r) => r.id);
    for (const field of POLICY_FIELDS) {
      expect(field.rules.length, field.name).toBeGreaterThan(0);
      for (const rule of field.rules) expect(ids, `${field.name}: ${rule}`).toContain(rule);
      expect(sourcesOf(field).length, field.name).toBeGreaterThan(0);
    }
    const inr = POLICY_FIELDS.find((f) => f.name === 'inrCriticalAbove');
    expect(inr && sourcesOf(inr)).toEqual(['SIR2019']);
  });
});
