import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue, type Injectate } from '../catalogue/catalogue.js';
import { calculateDose, maxMgFor, remainingMl } from './dose.js';

const product = (code: string): Injectate => {
  const p = catalogue.injectates.find((i) => i.code === code);
  if (!p) throw new Error(code);
  return p;
};
const lido1 = product('lidocaine-1pct');
const lidoEpi = product('lidocaine-1pct-epi');
const bupi = product('bupivacaine-0.25pct');
const triam = product('triamcinolone-40');

describe('dose calculator (REFERENCE.md 3.2, 3.3)', () => {
  it('reproduces the worked example: 70 kg, 10 mL lidocaine 1% + 10 mL bupivacaine 0.25% = 0.51', () => {
    const d = calculateDose({
      lines: [
        { key: 'a', product: lido1, volumeMl: 10 },
        { key: 'b', product: bupi, volumeMl: 10 },
      ],
      weightKg: 70,
    });
    expect(d.lines.map((l) => [l.mg, l.maxMg, l.maxBy])).toEqual([
      [100, 300, 'cap'],
      [25, 140, 'weight'],
    ]);
    expect(d.combinedFraction).toBeCloseTo(100 / 300 + 25 / 140, 12);
    expect(d.combinedFraction).toBeCloseTo(0.51, 2);
  });

  it('uses the epinephrine limits for an epinephrine product', () => {
    expect(maxMgFor(lidoEpi, 70)).toMatchObject({ maxMg: 490, maxBy: 'weight' });
    expect(maxMgFor(lidoEpi, 100)).toMatchObject({ maxMg: 500, maxBy: 'cap' });
  });

  it('without a weight, the absolute cap alone', () => {
    expect(maxMgFor(bupi, undefined)).toMatchObject({ maxMg: 175, maxBy: 'cap' });
  });

  it('leaves out products without a local anaesthetic limit', () => {
    const d = calculateDose({ lines: [{ key: 't', product: triam, volumeMl: 1 }], weightKg: 70 });
    expect(d.lines).toEqual([]);
    expect(d.combinedFraction).toBe(0);
    expect(remainingMl({ dose: d, product: triam })).toBeNull();
  });

  it('mL still available brings the combined fraction to exactly 1.0', () => {
    const d = calculateDose({ lines: [{ key: 'a', product: lido1, volumeMl: 10 }], weightKg: 70 });
    const more = remainingMl({ dose: d, product: bupi });
    expect(more).toBeCloseTo(((1 - 100 / 300) * 140) / 2.5, 9);
    const after = calculateDose({
      lines: [
        { key: 'a', product: lido1, volumeMl: 10 },
        { key: 'b', product: bupi, volumeMl: more ?? 0 },
      ],
      weightKg: 70,
    });
    expect(after.combinedFraction).toBeCloseTo(1, 9);
    expect(remainingMl({ dose: after, product: lido1 })).toBe(0);
  });

  it('refuses impossible constructed values', () => {
    expect(() => calculateDose({ lines: [{ key: 'a', product: lido1, volumeMl: -1 }], weightKg: 70 })).toThrow(
      RangeError,
    );
    expect(() => calculateDose({ lines: [], weightKg: 0 })).not.toThrow();
    expect(() => maxMgFor(lido1, -3)).toThrow(RangeError);
  });

  it('property: a heavier patient never has a higher combined fraction', () => {
    const las = catalogue.injectates.filter((i) => maxMgFor(i, 70) !== undefined);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ product: fc.constantFrom(...las), volumeMl: fc.double({ min: 0, max: 60, noNaN: true }) }),
          { maxLength: 4 },
        ),
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (lines, weight, extra) => {
          const input = lines.map((l, i) => ({ key: String(i), ...l }));
          const light = calculateDose({ lines: input, weightKg: weight });
          const heavy = calculateDose({ lines: input, weightKg: weight + extra });
          expect(heavy.combinedFraction).toBeLessThanOrEqual(light.combinedFraction + 1e-12);
        },
      ),
    );
  });
});
