// SCREENING.md section 3 rows dose-limit, dose-near-limit, the weight branch of missing-data and
// unrecognised-order; section 4 "Dose arithmetic", "Earlier local anaesthetic", volumes.
// Lidocaine plain: 4.5 mg/kg, cap 300 mg; with epinephrine 7 mg/kg, cap 500 mg.
// Bupivacaine plain: 2 mg/kg, cap 175 mg. At 70 kg: lidocaine 300 mg, lido-epi 490 mg, bupi 140 mg.
import { describe, expect, it } from 'vitest';
import {
  administration,
  daysAgo,
  hoursAgo,
  injectate,
  medicationResource,
  observation,
  temperature,
  weight,
  type AdministrationOptions,
  type Resource,
} from './build-request.js';
import { cardsOf, run } from './harness.js';

const lido = (ml: number) => injectate('lidocaine-1pct', ml);
const doseCards = (orders: Resource[], obs: Resource[] = [weight(70)], admins: Resource[] = []) => {
  const c = cardsOf({ orders, observations: [temperature(36.8), ...obs], medicationAdministrations: admins });
  return {
    limit: c['dose-limit'],
    near: c['dose-near-limit'],
    missing: c['missing-data'],
    unrec: c['unrecognised-order'],
  };
};
const NONE = { limit: undefined, near: undefined };
const NEAR = { limit: undefined, near: 'warning' };
const OVER = { limit: 'critical', near: undefined };

describe('fraction boundaries (lidocaine 1%, 70 kg: max 300 mg, cap below 4.5 x 70 = 315)', () => {
  it('23.9 mL (0.797): no dose card', () => {
    expect(doseCards([lido(23.9)])).toMatchObject(NONE);
  });
  it('24 mL = 240 mg = exactly 0.8: dose-near-limit warning', () => {
    expect(doseCards([lido(24)])).toMatchObject(NEAR);
  });
  it('30 mL = exactly 1.0: dose-near-limit warning, not dose-limit', () => {
    expect(doseCards([lido(30)])).toMatchObject(NEAR);
  });
  it('30.1 mL (> 1.0): dose-limit critical, and no near-limit card', () => {
    expect(doseCards([lido(30.1)])).toMatchObject(OVER);
  });
  it('0.8 from decimals lands on the boundary (3 mL lidocaine 1% + 39.2 mL bupivacaine 0.25%: 0.1 + 0.7)', () => {
    expect(doseCards([lido(3), injectate('bupivacaine-0.25pct', 39.2)])).toMatchObject(NEAR);
  });
  it('two agents sum their fractions (20 mL lido 1% + 20 mL bupi 0.25% = 0.667 + 0.357)', () => {
    expect(doseCards([lido(20), injectate('bupivacaine-0.25pct', 20)])).toMatchObject(OVER);
  });
  it('bupivacaine 0.25% 56 mL at 70 kg (140 mg, 2 mg/kg) = 1.0: warning; 56.1 mL: critical', () => {
    expect(doseCards([injectate('bupivacaine-0.25pct', 56)])).toMatchObject(NEAR);
    expect(doseCards([injectate('bupivacaine-0.25pct', 56.1)])).toMatchObject(OVER);
  });
  it('the absolute cap applies for a heavy patient (bupivacaine 100 kg: min(200, 175) = 175 mg)', () => {
    expect(doseCards([injectate('bupivacaine-0.25pct', 70)], [weight(100)])).toMatchObject(NEAR);
    expect(doseCards([injectate('bupivacaine-0.25pct', 70.1)], [weight(100)])).toMatchObject(OVER);
  });
  it('saline lines do not count toward the dose', () => {
    expect(doseCards([lido(24), injectate('saline-0.9pct', 50)])).toMatchObject(NEAR);
  });
});

describe('every agent at exactly 1.0 and just above (70 kg)', () => {
  // [injectate, mL at exactly 1.0]: max = min(mg/kg x 70, cap) / mg per mL.
  it.each([
    ['lidocaine-0.5pct', 60], // 300 mg cap (315)
    ['lidocaine-2pct', 15], // 300 mg
    ['bupivacaine-0.5pct', 28], // 140 mg (2 x 70)
    ['bupivacaine-0.25pct-epi', 84], // 210 mg (3 x 70, cap 225)
    ['ropivacaine-0.5pct', 40], // 200 mg cap (210)
    ['ropivacaine-0.2pct', 100], // 200 mg
    ['mepivacaine-1pct', 31.5], // 315 mg (4.5 x 70, cap 350)
    ['chloroprocaine-2pct', 35], // 700 mg (10 x 70, cap 800)
    ['procaine-1pct', 60], // 600 mg cap (700)
  ] as const)('%s: %s mL is near the limit, 0.1 mL more exceeds it', (code, ml) => {
    expect(doseCards([injectate(code, ml)])).toMatchObject(NEAR);
    expect(doseCards([injectate(code, ml + 0.1)])).toMatchObject(OVER);
  });
});

describe('the card detail gives the numbers', () => {
  it('dose-limit names the planned mg and the maximum mg', () => {
    const out = run({ orders: [lido(31)] });
    const detail = out.cards.find((c) => c.source.topic.code === 'dose-limit')?.detail ?? '';
    expect(detail).toMatch(/310/);
    expect(detail).toMatch(/300/);
  });
});

describe('the 1e-9 tolerance', () => {
  it('a fraction within 1e-9 above 1.0 is 1.0 (30.000000015 mL): near, not over', () => {
    expect(doseCards([lido(30.000000015)])).toMatchObject(NEAR);
    expect(doseCards([lido(30.000001)])).toMatchObject(OVER);
  });
  it('a fraction within 1e-9 below 0.8 is 0.8 (23.99999999985 mL): near', () => {
    expect(doseCards([lido(23.99999999985)])).toMatchObject(NEAR);
    expect(doseCards([lido(23.9999)])).toMatchObject(NONE);
  });
});

describe('epinephrine limits, one fraction per product line', () => {
  it('lidocaine 1% with epinephrine 49 mL at 70 kg = 490 mg = 1.0: warning; 49.1 mL: critical', () => {
    expect(doseCards([injectate('lidocaine-1pct-epi', 49)])).toMatchObject(NEAR);
    expect(doseCards([injectate('lidocaine-1pct-epi', 49.1)])).toMatchObject(OVER);
  });
  it('plain and epinephrine lines of one agent use their own limits: 150/300 + 245/490 = 1.0', () => {
    expect(doseCards([lido(15), injectate('lidocaine-1pct-epi', 24.5)])).toMatchObject(NEAR);
  });
});

describe('body weight (weightMaxAgeDays 180)', () => {
  it('50 kg: max 225 mg, so 18 mL is 0.8 and 17.9 mL is below', () => {
    expect(doseCards([lido(18)], [weight(50)])).toMatchObject(NEAR);
    expect(doseCards([lido(17.9)], [weight(50)])).toMatchObject(NONE);
  });
  it('weight in lb is converted (100 lb = 45.36 kg: max 204.1 mg, so 20.5 mL exceeds)', () => {
    expect(doseCards([lido(20.5)], [observation('weight', 100, 'lb', daysAgo(5))])).toMatchObject(OVER);
    expect(doseCards([lido(20.5)], [observation('weight', 100, '[lb_av]', daysAgo(5))])).toMatchObject(OVER);
  });
  it('weight in g is converted (50000 g = 50 kg)', () => {
    expect(doseCards([lido(18)], [observation('weight', 50000, 'g', daysAgo(5))])).toMatchObject(NEAR);
  });
  it('a weight exactly 180 days old is used (50 kg: 200 mg = 0.889, warning), with no missing-data', () => {
    const r = doseCards([lido(20)], [weight(50, daysAgo(180))]);
    expect(r).toMatchObject(NEAR);
    expect(r.missing).toBeUndefined();
  });
  it('a weight 181 days old is not: missing-data, and the absolute cap only (200/300: no dose card)', () => {
    const r = doseCards([lido(20)], [weight(50, daysAgo(181))]);
    expect(r.missing).toBe('warning');
    expect(r).toMatchObject(NONE);
  });
  it('no weight at all: missing-data, and the dose is still checked against the cap (30.1 mL exceeds 300 mg)', () => {
    const r = doseCards([lido(30.1)], []);
    expect(r.missing).toBe('warning');
    expect(r.limit).toBe('critical');
  });
  it('no weight needed when no local anaesthetic is dosed (saline, triamcinolone)', () => {
    expect(doseCards([injectate('saline-0.9pct', 5), injectate('triamcinolone-40', 1)], []).missing).toBeUndefined();
  });
  it('a class-only local anaesthetic order does not call for a weight, and has no dose', () => {
    const r = doseCards([injectate({ text: 'lidocaine' }, 100)], []);
    expect(r.unrec).toBe('warning');
    expect(r.missing).toBeUndefined();
    expect(r).toMatchObject(NONE);
  });
  it('a product with no readable volume does not call for a weight', () => {
    const r = doseCards([injectate('lidocaine-1pct', null)], []);
    expect(r.unrec).toBe('warning');
    expect(r.missing).toBeUndefined();
  });
  it('the newest weight wins', () => {
    expect(doseCards([lido(20)], [weight(50, daysAgo(100)), weight(70, daysAgo(10))])).toMatchObject(NONE);
    expect(doseCards([lido(20)], [weight(70, daysAgo(100)), weight(50, daysAgo(10))])).toMatchObject(NEAR);
  });
  it('two weights at the same time: the lower counts', () => {
    const at = daysAgo(4);
    expect(doseCards([lido(20)], [weight(70, at), weight(50, at)])).toMatchObject(NEAR);
    expect(doseCards([lido(20)], [weight(50, at), weight(70, at)])).toMatchObject(NEAR);
  });
  it('a weight after as-of is ignored', () => {
    expect(doseCards([lido(20)], [weight(50, daysAgo(-1)), weight(70, daysAgo(10))])).toMatchObject(NONE);
  });
  it('a weight in an unknown unit is not usable: missing-data', () => {
    expect(doseCards([lido(5)], [observation('weight', 11, 'stone', daysAgo(3))]).missing).toBe('warning');
  });
  it('a preliminary weight is not usable: missing-data', () => {
    const w = observation('weight', 70, 'kg', daysAgo(3), { status: 'preliminary' });
    expect(doseCards([lido(5)], [w]).missing).toBe('warning');
  });
});

describe('volumes and unreadable lines (unrecognised-order)', () => {
  it('a volume in another unit (mg) gets unrecognised-order and no dose', () => {
    const r = doseCards([injectate('lidocaine-1pct', 400, { code: 'mg', unit: 'mg' })]);
    expect(r.unrec).toBe('warning');
    expect(r).toMatchObject(NONE);
  });
  it('the volume is read from the UCUM code, else the unit: "ml" and a unit-only "mL" count', () => {
    expect(doseCards([injectate('lidocaine-1pct', 30.1, { code: 'ml' })])).toMatchObject(OVER);
    expect(doseCards([injectate('lidocaine-1pct', 30.1, { code: null, unit: 'mL' })])).toMatchObject(OVER);
  });
  it('the UCUM code wins over the unit text: code mg with unit mL is not a volume', () => {
    const r = doseCards([injectate('lidocaine-1pct', 40, { code: 'mg', unit: 'mL' })]);
    expect(r.unrec).toBe('warning');
    expect(r).toMatchObject(NONE);
  });
  it('a missing volume gets unrecognised-order', () => {
    expect(doseCards([injectate('lidocaine-1pct', null)]).unrec).toBe('warning');
  });
  it('an unknown product gets unrecognised-order (unknown injectate code, or "Sarapin")', () => {
    expect(doseCards([injectate('lidocaine-3pct', 5)]).unrec).toBe('warning');
    expect(doseCards([injectate({ text: 'Sarapin' }, 5)]).unrec).toBe('warning');
  });
  it('a clean plan has no unrecognised-order', () => {
    expect(doseCards([lido(5), injectate('saline-0.9pct', 5)]).unrec).toBeUndefined();
  });
  it('a product given by medicationReference to a Medication in draftOrders is dosed', () => {
    const order = injectate('x', 30.1, { reference: { reference: 'Medication/med-lido' } });
    const c = cardsOf({ orders: [order], extraDraft: [medicationResource('med-lido', 'lidocaine-1pct')] });
    expect(c['dose-limit']).toBe('critical');
    expect(c['unrecognised-order']).toBeUndefined();
  });
  it('a product given by a contained Medication (#id) is dosed', () => {
    const order = injectate('x', 30.1, {
      reference: { reference: '#m1' },
      contained: [medicationResource('m1', 'lidocaine-1pct')],
    });
    expect(cardsOf({ orders: [order] })['dose-limit']).toBe('critical');
  });
  it('draft orders are never ignored for their dates (authoredOn after as-of)', () => {
    expect(doseCards([injectate('lidocaine-1pct', 30.1, { authoredOn: daysAgo(-2) })])).toMatchObject(OVER);
  });
});

describe('earlier local anaesthetic within 24 h adds to the plan', () => {
  const earlier = (ml: number, opts: AdministrationOptions = {}, code = 'lidocaine-1pct') =>
    administration(code, { ml, at: hoursAgo(3), ...opts });
  it('12 mL given 3 h ago + 12 mL planned = 0.4 + 0.4 = 0.8: warning (0.4 alone gives none)', () => {
    expect(doseCards([lido(12)])).toMatchObject(NONE);
    expect(doseCards([lido(12)], [weight(70)], [earlier(12)])).toMatchObject(NEAR);
  });
  it('another agent given earlier sums with its own limit (bupi 28 mL = 0.5, + lido 15 mL = 1.0; 15.1 exceeds)', () => {
    const bupi = earlier(28, {}, 'bupivacaine-0.25pct');
    expect(doseCards([lido(15)], [weight(70)], [bupi])).toMatchObject(NEAR);
    expect(doseCards([lido(15.1)], [weight(70)], [bupi])).toMatchObject(OVER);
  });
  it('exactly 24 h before counts; 25 h before does not', () => {
    expect(doseCards([lido(12)], [weight(70)], [earlier(12, { at: hoursAgo(24) })])).toMatchObject(NEAR);
    expect(doseCards([lido(12)], [weight(70)], [earlier(12, { at: hoursAgo(25) })])).toMatchObject(NONE);
  });
  it('not-done and entered-in-error administrations are left out; in-progress counts', () => {
    expect(doseCards([lido(12)], [weight(70)], [earlier(12, { status: 'not-done' })])).toMatchObject(NONE);
    expect(doseCards([lido(12)], [weight(70)], [earlier(12, { status: 'entered-in-error' })])).toMatchObject(NONE);
    expect(doseCards([lido(12)], [weight(70)], [earlier(12, { status: 'in-progress' })])).toMatchObject(NEAR);
  });
  it('unreadable administrations (no volume, no time, product by name only) are left out', () => {
    expect(doseCards([lido(12)], [weight(70)], [earlier(0, { ml: null })])).toMatchObject(NONE);
    expect(doseCards([lido(12)], [weight(70)], [earlier(12, { at: null })])).toMatchObject(NONE);
    const byName = administration({ text: 'lidocaine' }, { ml: 12, at: hoursAgo(3) });
    expect(doseCards([lido(12)], [weight(70)], [byName])).toMatchObject(NONE);
  });
  it('an administration whose dose is not in mL is left out', () => {
    const mg = administration('lidocaine-1pct', { ml: null, at: hoursAgo(3) });
    mg['dosage'] = { dose: { value: 120, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } };
    expect(doseCards([lido(12)], [weight(70)], [mg])).toMatchObject(NONE);
  });
  it('an administration exactly at as-of counts', () => {
    expect(doseCards([lido(12)], [weight(70)], [earlier(12, { at: hoursAgo(0) })])).toMatchObject(NEAR);
  });
  it('an administration after as-of is ignored', () => {
    expect(doseCards([lido(12)], [weight(70)], [earlier(12, { at: hoursAgo(-1) })])).toMatchObject(NONE);
  });
  it('with no local anaesthetic planned there is no dose check', () => {
    const r = doseCards([injectate('triamcinolone-40', 1)], [weight(70)], [earlier(40)]);
    expect(r).toMatchObject(NONE);
  });
});
