import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue, type CatalogueData } from '../catalogue/catalogue.js';
import { codeProcedure, type CodingDrug } from './code-procedure.js';
import { HCPCS_RULE_LIST, HCPCS_RULES, packUnits, type HcpcsStrength } from './hcpcs-table.js';

const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const sites = [{ muscle: 'trapezius-upper', side: 'left' as const }];
const code = (drugs: readonly CodingDrug[], data?: CatalogueData) =>
  codeProcedure({ sites, drugs, diagnoses: ['M79.18'], ...(data ? { data } : {}) });
const lines = (drugs: readonly CodingDrug[]) => code(drugs).hcpcs.map((l) => [l.code, l.units]);
const drug = (injectate: string, volumeMl: number): CodingDrug => ({ injectate, volumeMl });

describe('HCPCS drug lines and units (REFERENCE.md 4.3, Appendix C)', () => {
  it.each<[string, CodingDrug[], [string, number][]]>([
    ['triamcinolone 10 mg', [drug('triamcinolone-40', 0.25)], [['J3301', 1]]],
    ['triamcinolone 40 mg', [drug('triamcinolone-40', 1)], [['J3301', 4]]],
    ['triamcinolone 45 mg', [drug('triamcinolone-40', 1.125)], [['J3301', 5]]],
    ['triamcinolone 80 mg', [drug('triamcinolone-40', 2)], [['J3301', 8]]],
    ['triamcinolone 0.3 mL x 40 mg/mL = 12 mg: 1.2 rounds up to 2', [drug('triamcinolone-40', 0.3)], [['J3301', 2]]],
    [
      'triamcinolone 15 + 15 mg summed before rounding',
      [drug('triamcinolone-40', 0.375), drug('triamcinolone-40', 0.375)],
      [['J3301', 3]],
    ],
    ['dexamethasone 4 mg', [drug('dexamethasone-4', 1)], [['J1100', 4]]],
    ['dexamethasone 6 mg', [drug('dexamethasone-4', 1.5)], [['J1100', 6]]],
    [
      'dexamethasone 0.1 + 1.1 + 0.3 mL (6.000000000000001 mg in floating point)',
      [drug('dexamethasone-4', 0.1), drug('dexamethasone-4', 1.1), drug('dexamethasone-4', 0.3)],
      [['J1100', 6]],
    ],
    ['methylprednisolone 10 mg', [drug('methylprednisolone-40', 0.25)], [['J1020', 1]]],
    ['methylprednisolone 20 mg', [drug('methylprednisolone-40', 0.5)], [['J1020', 1]]],
    ['methylprednisolone 40 mg', [drug('methylprednisolone-40', 1)], [['J1030', 1]]],
    [
      'methylprednisolone 60 mg',
      [drug('methylprednisolone-40', 1.5)],
      [
        ['J1030', 1],
        ['J1020', 1],
      ],
    ],
    ['methylprednisolone 80 mg', [drug('methylprednisolone-40', 2)], [['J1040', 1]]],
    [
      'methylprednisolone 120 mg',
      [drug('methylprednisolone-40', 3)],
      [
        ['J1040', 1],
        ['J1030', 1],
      ],
    ],
    ['methylprednisolone 160 mg', [drug('methylprednisolone-40', 4)], [['J1040', 2]]],
    ['betamethasone 6 mg', [drug('betamethasone-6', 1)], [['J0702', 1]]],
    ['betamethasone 12 mg', [drug('betamethasone-6', 2)], [['J0702', 2]]],
    ['betamethasone 9 mg', [drug('betamethasone-6', 1.5)], [['J0702', 2]]],
    [
      'betamethasone 0.1 + 0.1 + 0.8 mL (1.0000000000000002 units in floating point)',
      [drug('betamethasone-6', 0.1), drug('betamethasone-6', 0.1), drug('betamethasone-6', 0.8)],
      [['J0702', 1]],
    ],
    [
      'two steroids: table order',
      [drug('betamethasone-6', 1), drug('triamcinolone-40', 1)],
      [
        ['J3301', 4],
        ['J0702', 1],
      ],
    ],
  ])('%s', (_name, drugs, expected) => {
    expect(lines(drugs)).toEqual(expected);
  });

  it('gives each line its reason, system, sources and the linked diagnoses', () => {
    const [line] = code([drug('triamcinolone-40', 1)]).hcpcs;
    expect(line).toEqual({
      system: HCPCS,
      code: 'J3301',
      display: 'Injection, triamcinolone acetonide, not otherwise specified, 10 mg',
      units: 4,
      reason: 'J3301 x4: triamcinolone 40 mg (1 mL of 40 mg/mL), billed per 10 mg, rounded up',
      sources: ['HCPCS_SRC'],
      diagnoses: ['M79.18'],
    });
    expect(code([drug('triamcinolone-40', 0.3)]).hcpcs[0]?.reason).toBe(
      'J3301 x2: triamcinolone 12 mg (0.3 mL of 40 mg/mL), billed per 10 mg, rounded up',
    );
  });

  it('explains a methylprednisolone combination and betamethasone units', () => {
    expect(code([drug('methylprednisolone-40', 1.5)]).hcpcs.map((l) => l.reason)).toEqual([
      'J1030 x1: methylprednisolone acetate 60 mg (1.5 mL of 40 mg/mL), billed as J1030 x1 + J1020 x1, the 20/40/80 mg codes covering the dose with the least excess',
      'J1020 x1: methylprednisolone acetate 60 mg (1.5 mL of 40 mg/mL), billed as J1030 x1 + J1020 x1, the 20/40/80 mg codes covering the dose with the least excess',
    ]);
    expect(code([drug('betamethasone-6', 1.5)]).hcpcs[0]?.reason).toBe(
      'J0702 x2: betamethasone 9 mg (1.5 mL of 6 mg/mL), billed per 6 mg (3 mg acetate + 3 mg sodium phosphate), rounded up',
    );
  });

  it('local anaesthetic and saline: no line, a note saying why', () => {
    const c = code([drug('lidocaine-1pct', 5), drug('bupivacaine-0.25pct', 5), drug('saline-0.9pct', 2)]);
    expect(c.hcpcs).toEqual([]);
    expect(c.procedure?.code).toBe('20552');
    expect(c.notes.map((n) => [n.code, n.sources])).toEqual([
      ['local-anaesthetic-included', ['AAPC_LIDO', 'LCD_L34211']],
      ['saline-not-billed', []],
    ]);
    expect(c.notes[0]?.message).toContain('Lidocaine 1% (10 mg/mL), preservative-free 5 mL');
    expect(c.notes[0]?.message).toContain('J2001 is lidocaine for IV infusion only');
    expect(c.issues).toEqual([]);
  });

  it('a steroid line adds the JW/JZ note', () => {
    const c = code([drug('lidocaine-1pct', 5), drug('triamcinolone-40', 1)]);
    expect(c.notes.map((n) => n.code)).toEqual(['local-anaesthetic-included', 'discard-modifier']);
  });

  it('a catalogue product without an HCPCS rule is an issue, not a guessed code', () => {
    const kenalog10 = {
      ...catalogue.injectates.find((i) => i.code === 'triamcinolone-40')!,
      code: 'triamcinolone-10',
      mgPerMl: 10,
    };
    const data = { ...catalogue, injectates: [...catalogue.injectates, kenalog10] } as unknown as CatalogueData;
    const c = code([drug('triamcinolone-10', 1)], data);
    expect(c.hcpcs).toEqual([]);
    expect(c.issues.map((i) => [i.code, i.path])).toEqual([['no-hcpcs-code', 'drugs[0].injectate']]);
  });

  it('every table entry is a catalogue corticosteroid with a strength, and each strength divides the next', () => {
    for (const [code, rule] of Object.entries(HCPCS_RULES)) {
      const product = catalogue.injectates.find((i) => i.code === code);
      expect(product?.mgPerMl).toBeGreaterThan(0);
      expect(catalogue.ingredients[product!.ingredient].class).toBe('corticosteroid');
      rule.strengths.forEach((s, i) => i > 0 && expect((s.mg / rule.strengths[i - 1]!.mg) % 1).toBe(0));
    }
    expect(HCPCS_RULE_LIST).toHaveLength(Object.keys(HCPCS_RULES).length);
  });

  it('packUnits covers the dose with the least excess, then the fewest units (against brute force)', () => {
    const strengths = HCPCS_RULES['methylprednisolone-40'].strengths;
    const brute = (mg: number) => {
      let best = { excess: Infinity, units: Infinity };
      for (let a = 0; a <= 12; a++)
        for (let b = 0; b <= 6; b++)
          for (let c = 0; c <= 3; c++) {
            const total = 20 * a + 40 * b + 80 * c;
            if (total < mg) continue;
            const cand = { excess: total - mg, units: a + b + c };
            if (cand.excess < best.excess || (cand.excess === best.excess && cand.units < best.units)) best = cand;
          }
      return best;
    };
    for (let mg = 1; mg <= 240; mg += 2.5) {
      const packs = packUnits(mg, strengths);
      const total = packs.reduce((s, p) => s + p.units * p.strength.mg, 0);
      expect({ excess: total - mg, units: packs.reduce((s, p) => s + p.units, 0) }).toEqual(brute(mg));
    }
    expect(packUnits(0, strengths)).toEqual([]);
  });

  it('property: units cover the dose, by less than one unit of excess, and never fall as the dose rises', () => {
    const per10: HcpcsStrength[] = [{ code: 'J3301', display: '', mg: 10 }];
    const units = (mg: number) => packUnits(mg, per10).reduce((s, p) => s + p.units, 0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 0, max: 400 }), (tenthsMl, more) => {
        const mg = (tenthsMl / 10) * 40;
        expect(units(mg) * 10).toBeGreaterThanOrEqual(mg - 1e-6);
        expect(units(mg) * 10 - mg).toBeLessThan(10);
        expect(units(((tenthsMl + more) / 10) * 40)).toBeGreaterThanOrEqual(units(mg));
      }),
    );
  });

  it('packUnits refuses an impossible dose or table', () => {
    expect(() => packUnits(-1, [{ code: 'X', display: '', mg: 1 }])).toThrow(RangeError);
    expect(() => packUnits(Number.NaN, [{ code: 'X', display: '', mg: 1 }])).toThrow(RangeError);
    expect(() => packUnits(1, [])).toThrow(RangeError);
    expect(() =>
      packUnits(1, [
        { code: 'A', display: '', mg: 20 },
        { code: 'B', display: '', mg: 30 },
      ]),
    ).toThrow(RangeError);
  });
});
