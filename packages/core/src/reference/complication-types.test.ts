import { describe, expect, it } from 'vitest';
import { sourcesData } from '../catalogue/sources-data.js';
import { COMPLICATION_TYPES, complicationType, isComplicationType } from './complication-types.js';

describe('complication types (REFERENCE 5.1)', () => {
  it('lists the twelve reference complications with labels and known sources', () => {
    expect(COMPLICATION_TYPES).toHaveLength(12);
    for (const c of COMPLICATION_TYPES) {
      expect(c.label.length).toBeGreaterThan(3);
      for (const s of c.sources) expect(Object.keys(sourcesData)).toContain(s);
    }
  });

  it('looks types up by id', () => {
    expect(isComplicationType('pneumothorax')).toBe(true);
    expect(isComplicationType('sneezing')).toBe(false);
    expect(complicationType('vasovagal')?.icd10Hints).toEqual(['R55 syncope and collapse']);
  });
});
