// The synthetic clinic generator: deterministic for a seed, and drawn at the rates it cites.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue } from '@knotwork/core';
import { syntheticPatient } from './generate-synthetic-clinic.js';
import { CHART_RATES, COMPLICATION_RATES } from './synthetic-rates.js';

const AS_OF = Date.parse('2026-11-27T10:00:00Z');

describe('syntheticPatient', () => {
  it('gives the same patient for the same seed and index', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(100_000), (seed, n) => {
        expect(syntheticPatient(n, { seed, asOf: AS_OF })).toEqual(syntheticPatient(n, { seed, asOf: AS_OF }));
      }),
      { numRuns: 200 },
    );
  });

  it('gives different patients for different seeds', () => {
    const a = syntheticPatient(0, { seed: 1, asOf: AS_OF });
    const b = syntheticPatient(0, { seed: 2, asOf: AS_OF });
    expect(a.id).not.toBe(b.id);
  });

  it('keeps every patient plausible: a catalogue TPI indication, visits before now, unique site per visit', () => {
    const indications = new Set<string>(catalogue.icd10Sets.indication);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.nat(50_000), (seed, n) => {
        const p = syntheticPatient(n, { seed, asOf: AS_OF });
        expect(p.conditions.some((c) => c.indication && indications.has(c.code))).toBe(true);
        expect(p.birthDate < '2005-01-01').toBe(true);
        for (const v of p.visits) {
          expect(v.at).toBeLessThan(AS_OF);
          expect(v.sites.length).toBeGreaterThan(0);
          expect(new Set(v.sites.map((s) => `${s.muscle}/${s.side}`)).size).toBe(v.sites.length);
          expect(v.painBefore).toBeGreaterThanOrEqual(0);
          expect(v.painAfter).toBeLessThanOrEqual(10);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('draws anticoagulants and complications at their cited rates (within tolerance)', () => {
    const seed = 20261127;
    const patients = Array.from({ length: 8_000 }, (_, n) => syntheticPatient(n, { seed, asOf: AS_OF }));
    const visits = patients.flatMap((p) => p.visits);
    const share = (count: number, of: number) => count / of;
    // Binomial standard error times 4: a fixed seed, so this is a check of the drawing, not a flake.
    const within = (observed: number, p: number, n: number) =>
      expect(Math.abs(observed - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n) + 1e-9);
    within(
      share(patients.filter((p) => p.medicines.some((m) => m.anticoagulant)).length, patients.length),
      CHART_RATES.anticoagulant.p,
      patients.length,
    );
    within(
      share(visits.filter((v) => v.complications.includes('post_injection_soreness')).length, visits.length),
      COMPLICATION_RATES.post_injection_soreness.p,
      visits.length,
    );
    within(
      share(visits.filter((v) => v.complications.includes('vasovagal')).length, visits.length),
      COMPLICATION_RATES.vasovagal.p,
      visits.length,
    );
    within(
      share(visits.filter((v) => v.complications.includes('bruising_haematoma')).length, visits.length),
      COMPLICATION_RATES.bruising_haematoma.p,
      visits.length,
    );
  });
});
