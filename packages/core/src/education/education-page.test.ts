import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { sourcesData } from '../catalogue/sources-data.js';
import { educationPage } from './education-page.js';

const ids = (page: ReturnType<typeof educationPage>) => page.sections.map((s) => s.id);

describe('educationPage', () => {
  it('has the general sections for everyone, and no "your treatment" part without sites or drugs', () => {
    const page = educationPage({ muscles: [], injectates: [] });
    expect(ids(page)).toEqual(['what', 'who', 'avoided', 'side-effects', 'after', 'aftercare']);
    expect(page.sections.find((s) => s.id === 'side-effects')?.items[0]?.text).toMatch(/flare/);
    expect(page.warningSigns.map((w) => w.id)).toEqual(['anaphylaxis', 'faint', 'infection']);
  });

  it('adds the lung warning for a thoracic site and the drug parts for the drugs given', () => {
    const page = educationPage({
      muscles: ['trapezius-upper', 'rhomboids'],
      injectates: ['lidocaine-1pct', 'triamcinolone-40'],
    });
    const yours = page.sections.find((s) => s.id === 'your-treatment');
    expect(yours?.items.map((i) => i.id)).toEqual(['lung', 'local-anaesthetic', 'steroid', 'steroid-diabetes']);
    expect(page.warningSigns[0]).toMatchObject({ id: 'pneumothorax', urgency: 'emergency' });
    expect(page.warningSigns.map((w) => w.id)).toContain('last');
    expect(page.sites.map((s) => s.muscle)).toEqual(['trapezius-upper', 'rhomboids']);
  });

  it('adds the nerve warning for a paraspinal or gluteal site', () => {
    const page = educationPage({ muscles: ['lumbar-paraspinals'], injectates: [] });
    expect(page.warningSigns.map((w) => w.id)).toContain('neuro');
  });

  it('names codes it does not know instead of dropping them silently', () => {
    const page = educationPage({ muscles: ['trapezius-upper', 'nope'], injectates: ['snake-oil'] });
    expect(page.unknown).toEqual({ muscles: ['nope'], injectates: ['snake-oil'] });
  });

  it('cites only sources the reference knows, on every item', () => {
    const page = educationPage({
      muscles: catalogue.muscles.map((m) => m.code),
      injectates: catalogue.injectates.map((i) => i.code),
    });
    for (const item of [...page.sections.flatMap((s) => s.items), ...page.warningSigns]) {
      expect(item.sources.length).toBeGreaterThan(0);
      for (const s of item.sources) expect(Object.hasOwn(sourcesData, s), `${item.id}: ${s}`).toBe(true);
    }
  });

  it('does not depend on the order or repeats of the codes', () => {
    const muscles = catalogue.muscles.map((m) => m.code);
    const drugs = catalogue.injectates.map((i) => i.code);
    fc.assert(
      fc.property(fc.subarray(muscles), fc.subarray(drugs), (ms, ds) => {
        const a = educationPage({ muscles: ms, injectates: ds });
        const b = educationPage({ muscles: [...ms].reverse().concat(ms), injectates: [...ds].reverse() });
        expect(b.sections.map((s) => s.items.map((i) => i.id))).toEqual(
          a.sections.map((s) => s.items.map((i) => i.id)),
        );
        expect(b.warningSigns.map((w) => w.id)).toEqual(a.warningSigns.map((w) => w.id));
      }),
      { numRuns: 50 },
    );
  });
});
