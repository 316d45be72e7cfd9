import { describe, expect, it } from 'vitest';
import {
  codeProcedure,
  type CodingDrug,
  type CodingOptions,
  type CodingSite,
  type ImagingGuidance,
} from './code-procedure.js';

const two: CodingSite[] = [
  { muscle: 'trapezius-upper', side: 'left' },
  { muscle: 'levator-scapulae', side: 'left' },
];
const three: CodingSite[] = [...two, { muscle: 'rhomboids', side: 'left' }];
const lido: CodingDrug = { injectate: 'lidocaine-1pct', volumeMl: 5 };
const code = (o: Partial<CodingOptions>) => codeProcedure({ sites: two, drugs: [lido], diagnoses: ['M79.18'], ...o });

describe('codeProcedure (REFERENCE.md 4.2)', () => {
  it('dry needling: no injectate gives 20560 (1-2 muscles) or 20561 (3+)', () => {
    const c = code({ drugs: [] });
    expect(c.procedure).toMatchObject({
      code: '20560',
      display: 'Needle insertion(s) without injection(s); 1 or 2 muscle(s)',
      units: 1,
      sources: ['HCPCS_SRC', 'LCD_L34211'],
    });
    expect(c.procedure?.reason).toBe(
      '20560: 2 muscles needled without injection (Trapezius left, Levator scapulae left); 2 sites; ' +
        'no injectate given; Medicare TPI LCDs do not cover dry needling',
    );
    expect(code({ drugs: [], sites: three }).procedure?.code).toBe('20561');
    expect(code({ sites: three }).procedure?.code).toBe('20553');
    expect(c.hcpcs).toEqual([]);
    expect(c.issues).toEqual([]);
  });

  it('a zero volume counts as nothing injected, with an issue', () => {
    const c = code({ drugs: [{ injectate: 'lidocaine-1pct', volumeMl: 0 }] });
    expect(c.procedure?.code).toBe('20560');
    expect(c.issues.map((i) => [i.code, i.path])).toEqual([['zero-volume', 'drugs[0].volumeMl']]);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
    'volume %s is an issue; alone it leaves the procedure undecided',
    (v) => {
      const c = code({ drugs: [{ injectate: 'triamcinolone-40', volumeMl: v }] });
      expect(c.procedure).toBeNull();
      expect(c.hcpcs).toEqual([]);
      expect(c.issues.map((i) => [i.code, i.path])).toEqual([
        ['invalid-volume', 'drugs[0].volumeMl'],
        ['injection-undetermined', 'drugs'],
      ]);
      const withLido = code({ drugs: [{ injectate: 'triamcinolone-40', volumeMl: v }, lido] });
      expect(withLido.procedure?.code).toBe('20552');
      expect(withLido.issues.map((i) => i.code)).toEqual(['invalid-volume']);
    },
  );

  it('an unknown injectate with a volume is still an injection, with an issue and no drug line', () => {
    const c = code({ drugs: [{ injectate: 'kenalog', volumeMl: 1 }] });
    expect(c.procedure?.code).toBe('20552');
    expect(c.hcpcs).toEqual([]);
    expect(c.issues).toEqual([
      {
        code: 'unknown-injectate',
        path: 'drugs[0].injectate',
        message: '"kenalog" is not a catalogue injectate; it has no drug line',
      },
    ]);
  });

  it.each<[ImagingGuidance, string, string]>([
    ['ultrasound', '76942', 'investigational'],
    ['fluoroscopy', '77002', 'not reasonable and necessary'],
    ['mri', '77021', 'not reasonable and necessary'],
  ])('guidance %s adds %s with the Medicare LCD L34211 remark', (guidance, cpt, remark) => {
    const c = code({ guidance });
    expect(c.procedure?.code).toBe('20552');
    expect(c.guidance).toMatchObject({
      system: 'http://www.ama-assn.org/go/cpt',
      code: cpt,
      units: 1,
      sources: ['CPTA', 'LCD_L34211'],
      diagnoses: ['M79.18'],
    });
    expect(c.guidance?.reason).toContain('Medicare LCD L34211 does not cover imaging guidance');
    expect(c.guidance?.reason).toContain(remark);
  });

  it('no guidance given: no guidance line; an unknown guidance is an issue', () => {
    expect(code({}).guidance).toBeNull();
    const c = code({ guidance: 'ct' as ImagingGuidance });
    expect(c.guidance).toBeNull();
    expect(c.issues.map((i) => [i.code, i.path])).toEqual([['unknown-guidance', 'guidance']]);
  });

  it('guidance without a codable procedure gives no guidance line, and the issue says so', () => {
    const c = code({ sites: [], guidance: 'ultrasound' });
    expect(c.procedure).toBeNull();
    expect(c.guidance).toBeNull();
    expect(c.issues).toEqual([
      { code: 'no-muscle', path: 'sites', message: 'no recognised site: no procedure code (and so no guidance code)' },
    ]);
  });

  it('a full session: one procedure code, drug lines, notes; plain data that survives JSON', () => {
    const c = codeProcedure({
      sites: [
        { muscle: 'trapezius-upper', side: 'both', points: 2 },
        { muscle: 'levator-scapulae', side: 'left', points: 1 },
      ],
      drugs: [lido, { injectate: 'triamcinolone-40', volumeMl: 1 }],
      diagnoses: ['M79.12', 'M79.7'],
    });
    expect(c.procedure?.code).toBe('20553');
    expect(c.procedure?.reason).toBe(
      '20553: 3 muscles injected (Trapezius left, Trapezius right, Levator scapulae left); 2 sites, 3 trigger points',
    );
    expect(c.hcpcs.map((l) => `${l.code} x${l.units}`)).toEqual(['J3301 x4']);
    expect(c.diagnoses).toEqual(['M79.12', 'M79.7']);
    expect(c.issues).toEqual([]);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});
