import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { codeProcedure, type CodingDrug, type CodingSite, type ProcedureCoding } from './code-procedure.js';

const muscleCodes = catalogue.muscles.map((m) => m.code);
const siteArb: fc.Arbitrary<CodingSite> = fc.record({
  muscle: fc.constantFrom<string>(...muscleCodes, 'not-a-muscle'),
  side: fc.constantFrom('left' as const, 'right' as const, 'both' as const),
  points: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
});
const drugsArb: fc.Arbitrary<CodingDrug[]> = fc.constantFrom(
  [],
  [{ injectate: 'lidocaine-1pct', volumeMl: 5 }],
  [{ injectate: 'methylprednisolone-40', volumeMl: 1.5 }],
);
const sitesArb = fc.array(siteArb, { maxLength: 10 });

const run = (sites: readonly CodingSite[], drugs: readonly CodingDrug[]) =>
  codeProcedure({ sites, drugs, diagnoses: ['M79.18'], guidance: 'ultrasound' });

/** A counted muscle without the input indexes it came from. */
const counted = (c: ProcedureCoding) => c.muscles.map((m) => [m.group, m.side, m.display, m.muscles]);
/** Everything but where in the input each thing came from. */
const orderFree = (c: ProcedureCoding) => ({
  ...c,
  muscles: counted(c),
  issues: c.issues.map((i) => `${i.code}: ${i.message}`).sort(),
});
const rank = (c: ProcedureCoding): number =>
  ({ '20552': 1, '20560': 1, '20553': 2, '20561': 2 })[c.procedure?.code ?? ''] ?? 0;

describe('codeProcedure properties', () => {
  it('site order never changes the coding', () => {
    fc.assert(
      fc.property(
        sitesArb.chain((s) =>
          fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length })),
        ),
        drugsArb,
        ([sites, shuffled], drugs) => {
          expect(orderFree(run(shuffled, drugs))).toEqual(orderFree(run(sites, drugs)));
        },
      ),
    );
  });

  it('adding a site never lowers the code (none -> 20552 -> 20553; 20560 -> 20561)', () => {
    fc.assert(
      fc.property(sitesArb, siteArb, fc.nat(), drugsArb, (sites, extra, at, drugs) => {
        const more = [...sites];
        more.splice(at % (sites.length + 1), 0, extra);
        const before = run(sites, drugs);
        const after = run(more, drugs);
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
        expect(after.muscles.length).toBeGreaterThanOrEqual(before.muscles.length);
        if (before.procedure && after.procedure)
          expect(after.procedure.code.slice(0, 3)).toBe(before.procedure.code.slice(0, 3));
      }),
    );
  });

  it('duplicating a site never changes the count', () => {
    fc.assert(
      fc.property(
        sitesArb.filter((s) => s.length > 0),
        fc.nat(),
        drugsArb,
        (sites, pick, drugs) => {
          const copy = sites[pick % sites.length]!;
          const before = run(sites, drugs);
          const after = run([...sites, { ...copy }], drugs);
          expect(after.procedure?.code).toBe(before.procedure?.code);
          expect(counted(after)).toEqual(counted(before));
        },
      ),
    );
  });

  it('never more than one procedure code, and 20553/20561 exactly when 3 or more muscles are counted', () => {
    fc.assert(
      fc.property(sitesArb, drugsArb, (sites, drugs) => {
        const c = run(sites, drugs);
        expect(c.procedure === null).toBe(c.muscles.length === 0);
        if (c.procedure) expect(rank(c)).toBe(c.muscles.length >= 3 ? 2 : 1);
        expect(new Set(c.muscles.map((m) => `${m.group}|${m.side}`)).size).toBe(c.muscles.length);
      }),
    );
  });
});
