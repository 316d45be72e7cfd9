import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue, pleuralRiskRank } from '../catalogue/catalogue.js';
import { sourcesData } from '../catalogue/sources-data.js';
import { consentForm, CONSENT_WORDING_VERSION, type ConsentForm, type ConsentPlanInput } from './consent-form.js';

function formOf(plan: ConsentPlanInput): ConsentForm {
  const r = consentForm(plan);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.form;
}
const riskIds = (f: ConsentForm) => f.risks.map((r) => r.id);
const lidocaine = { injectate: 'lidocaine-1pct', volumeMl: 5 };

describe('consentForm', () => {
  it('shows the common and serious risks for a lumbar plan, without lung or steroid risks', () => {
    const f = formOf({ sites: [{ muscle: 'quadratus-lumborum', side: 'left' }], products: [lidocaine] });
    expect(riskIds(f)).toEqual([
      'soreness-flare',
      'bruising',
      'numbness-weakness',
      'fainting',
      'infection',
      'bleeding',
      'allergic-reaction',
      'local-anaesthetic-toxicity',
      'nerve-vessel-injury',
      'needle-breakage',
    ]);
    expect(f.procedure).toContain('Quadratus lumborum');
    expect(f.procedure).toContain('(left)');
    expect(f.wordingVersion).toBe(CONSENT_WORDING_VERSION);
    expect(f.version).toMatch(/^consent-[0-9a-f]{16}$/);
  });

  it('adds the collapsed-lung risk, naming the sites, when a planned site lies over the lung', () => {
    const f = formOf({
      sites: [
        { muscle: 'trapezius-upper', side: 'both' },
        { muscle: 'gluteus-maximus', side: 'right' },
      ],
      products: [lidocaine],
    });
    const ptx = f.risks.find((r) => r.id === 'pneumothorax');
    expect(ptx?.because).toBe('planned over the lung: Trapezius, upper fibres (both sides)');
    expect(f.sites.map((s) => s.thoracic)).toEqual([true, false]);
  });

  it('adds the steroid risks when a corticosteroid is planned, and drops LAST for saline alone', () => {
    const steroid = formOf({
      sites: [{ muscle: 'piriformis', side: 'right' }],
      products: [lidocaine, { injectate: 'triamcinolone-40', volumeMl: 1 }],
    });
    expect(riskIds(steroid)).toEqual(
      expect.arrayContaining(['steroid-blood-sugar', 'steroid-skin', 'steroid-repeated']),
    );
    const saline = formOf({
      sites: [{ muscle: 'piriformis', side: 'right' }],
      products: [{ injectate: 'saline-0.9pct', volumeMl: 2 }],
    });
    expect(riskIds(saline)).not.toContain('local-anaesthetic-toxicity');
    expect(riskIds(saline)).not.toContain('steroid-skin');
    expect(saline.drugs[0]?.kind).toBe('saline');
  });

  it('names each unknown muscle and product with its path instead of skipping it', () => {
    const r = consentForm({
      sites: [{ muscle: 'biceps', side: 'left' }],
      products: [{ injectate: 'botox', volumeMl: 1 }],
    });
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: 'sites[0].muscle', message: '"biceps" is not a catalogue muscle' },
        { path: 'products[0].injectate', message: '"botox" is not a catalogue injectate' },
      ],
    });
    expect(consentForm({ sites: [], products: [] }).ok).toBe(false);
  });

  it('cites only sources the reference lists', () => {
    const f = formOf({
      sites: [{ muscle: 'pectoralis', side: 'left' }],
      products: [lidocaine, { injectate: 'dexamethasone-4', volumeMl: 1 }],
    });
    for (const id of f.sources) expect(Object.keys(sourcesData)).toContain(id);
  });

  it('property: lung risk iff a thoracic site; steroid risks iff a steroid; same plan, same version', () => {
    const muscles = catalogue.muscles.map((m) => m.code);
    const products = catalogue.injectates.map((i) => i.code);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ muscle: fc.constantFrom(...muscles), side: fc.constantFrom('left', 'right', 'both' as const) }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.array(fc.record({ injectate: fc.constantFrom(...products), volumeMl: fc.integer({ min: 1, max: 20 }) }), {
          maxLength: 3,
        }),
        (sites, prods) => {
          const f = formOf({ sites, products: prods });
          const thoracic = sites.some((s) => {
            const m = catalogue.muscles.find((x) => x.code === s.muscle);
            return m !== undefined && pleuralRiskRank(m.pleuralRisk) >= pleuralRiskRank('moderate');
          });
          expect(riskIds(f).includes('pneumothorax')).toBe(thoracic);
          expect(riskIds(f).includes('steroid-skin')).toBe(f.drugs.some((d) => d.kind === 'corticosteroid'));
          expect(formOf({ sites, products: prods }).version).toBe(f.version);
        },
      ),
      { numRuns: 200 },
    );
  });
});
