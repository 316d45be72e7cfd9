// Properties over generated requests (fast-check): card shape (section 3), order independence,
// monotonicity in weight and in added record entries, and the trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../catalogue/catalogue.js';
import { screen } from '../screen.js';
import {
  administration,
  allergy,
  AS_OF,
  buildRequest,
  condition,
  daysAgo,
  hoursAgo,
  indication,
  injectate,
  inr,
  medicine,
  muscleSite,
  platelets,
  regionSite,
  SYS,
  temperature,
  weight,
  type JsonObject,
  type RequestSpec,
  type Resource,
  type Side,
} from './build-request.js';
import { INDICATOR_RANK, run, VERDICT_RANK, type Outcome } from './harness.js';

const MUSCLES = catalogue.muscles.map((m) => m.code);
const INJECTATES = catalogue.injectates.map((i) => i.code);
const LA_INJECTATES = catalogue.injectates
  .filter((i) => i.ingredient in catalogue.localAnestheticMaxDose.agents)
  .map((i) => i.code);
const FINDINGS = catalogue.findings.map((f) => f.code as string);
const OVERRIDE_CODES = catalogue.overrideReasons.codes.map((c) => c.code);

const sideArb = fc.constantFrom<Side | null>('left', 'right', 'both', null);
const siteArb = fc.tuple(fc.constantFrom(...MUSCLES, 'biceps-brachii'), sideArb).map(([m, s]) => muscleSite(m, s));
const mlArb = fc.integer({ min: 1, max: 400 }).map((t) => t / 10);
const orderArb: fc.Arbitrary<Resource> = fc.oneof(
  fc.tuple(fc.constantFrom(...INJECTATES), mlArb).map(([code, ml]) => injectate(code, ml)),
  fc.constant(null).map(() => injectate({ text: 'steroid injection' }, 1)),
  mlArb.map((ml) => injectate('lidocaine-1pct', ml, { code: 'mg', unit: 'mg' })),
);
const CONDITION_CODES = ['A41.9', 'L03.312', 'D68.0', 'D69.6', 'E11.9', 'Z34.00', 'D84.9', 'R55', 'K21.9', 'B02.9'];
const conditionArb: fc.Arbitrary<Resource> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...CONDITION_CODES),
      fc.constantFrom<string | null>('active', 'resolved', null),
      fc.option(fc.tuple(fc.constantFrom(...catalogue.bodyRegions), sideArb), { nil: undefined }),
    )
    .map(([code, clinical, site]) =>
      condition(code, { clinical, bodySite: site ? [regionSite(site[0], site[1])] : undefined }),
    ),
  fc.constant(null).map(() => condition({ coding: [{ system: SYS.snomed, code: '91302008' }] })),
);
const ALLERGENS = [
  'lidocaine',
  'bupivacaine',
  'Novocaine',
  'paraben',
  'sulfite',
  'Steroids',
  'Depo-Medrol',
  'PABA',
  'benzyl alcohol',
  'ester local anesthetic',
  'local anesthetic',
  'penicillin',
  'Kenalog-40',
];
const allergyArb = fc
  .tuple(fc.constantFrom(...ALLERGENS), fc.constantFrom<'allergy' | 'intolerance'>('allergy', 'intolerance'))
  .map(([text, type]) => allergy(text, { type }));
const medicineArb = fc
  .tuple(
    fc.constantFrom('warfarin', 'apixaban', 'aspirin', 'metformin', 'clopidogrel'),
    fc.constantFrom('active', 'stopped'),
  )
  .map(([text, status]) => medicine(text, { status }));
const observationArb: fc.Arbitrary<Resource> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 30, max: 150 }), fc.integer({ min: 0, max: 200 }))
    .map(([kg, d]) => weight(kg, daysAgo(d))),
  fc
    .tuple(fc.integer({ min: 360, max: 400 }), fc.integer({ min: 0, max: 48 }))
    .map(([t, h]) => temperature(t / 10, hoursAgo(h))),
  fc.tuple(fc.integer({ min: 9, max: 50 }), fc.integer({ min: 0, max: 40 })).map(([v, d]) => inr(v / 10, daysAgo(d))),
  fc.tuple(fc.integer({ min: 5, max: 300 }), fc.integer({ min: 0, max: 40 })).map(([v, d]) => platelets(v, daysAgo(d))),
);
const adminArb: fc.Arbitrary<Resource> = fc.oneof(
  fc.integer({ min: 0, max: 400 }).map((d) => administration('triamcinolone-40', { at: daysAgo(d) })),
  fc
    .tuple(fc.integer({ min: 0, max: 30 }), mlArb)
    .map(([h, ml]) => administration('lidocaine-1pct', { ml, at: hoursAgo(h) })),
);

interface Parts {
  sites: JsonObject[];
  orders: Resource[];
  conditions: Resource[];
  allergies: Resource[];
  medications: Resource[];
  observations: Resource[];
  admins: Resource[];
}
const partsArb: fc.Arbitrary<Parts> = fc.record({
  sites: fc.array(siteArb, { minLength: 1, maxLength: 4 }),
  orders: fc.array(orderArb, { maxLength: 4 }),
  conditions: fc.array(conditionArb, { maxLength: 4 }),
  allergies: fc.array(allergyArb, { maxLength: 3 }),
  medications: fc.array(medicineArb, { maxLength: 2 }),
  observations: fc.array(observationArb, { maxLength: 6 }),
  admins: fc.array(adminArb, { maxLength: 4 }),
});
const INDICATION = indication();
const specOf = (p: Parts): RequestSpec => ({
  sites: p.sites,
  orders: p.orders,
  conditions: [INDICATION, ...p.conditions],
  allergies: p.allergies,
  medications: p.medications,
  observations: p.observations,
  medicationAdministrations: p.admins,
});
const shuffled = <T>(xs: T[]): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length });
const signature = (out: Outcome) => out.cards.map((c) => `${c.source.topic.code}|${c.indicator}|${c.summary}`).sort();

function expectWellFormedCards(out: Outcome) {
  expect(out.duplicates, 'one card per topic code').toEqual([]);
  const uuids = new Set(out.cards.map((c) => c.uuid));
  expect(uuids.size).toBe(out.cards.length);
  const ruleById = new Map(out.trace.rules.map((r) => [r.id, r]));
  for (const card of out.cards) {
    const code = card.source.topic.code;
    expect(FINDINGS).toContain(code);
    expect(card.source.label).toBe('Knotwork TPI screening');
    expect(card.source.topic.system).toBe(SYS.finding);
    expect(card.source.topic.display.length).toBeGreaterThan(0);
    expect(card.uuid.length).toBeGreaterThan(0);
    expect(card.summary.length).toBeGreaterThan(0);
    expect(card.summary.length, card.summary).toBeLessThanOrEqual(140);
    expect(typeof card.detail === 'string' && card.detail.length > 0).toBe(true);
    if (card.indicator === 'critical') {
      expect(card.overrideReasons?.map((r) => r.code).sort()).toEqual([...OVERRIDE_CODES].sort());
    } else {
      expect(card.overrideReasons, `${code} is ${card.indicator}`).toBeUndefined();
    }
    const k = card.extension?.knotwork;
    expect(k?.policyVersion).toBe(out.trace.policyVersion);
    expect(k?.rules?.length ?? 0).toBeGreaterThan(0);
    for (const id of k?.rules ?? []) {
      const rule = ruleById.get(id);
      expect(rule?.fired, `${id} fired`).toBe(true);
      expect(rule?.finding).toBe(code);
    }
    // Every rule that fired for this finding (and was not suppressed) is named on its card.
    const fired = out.trace.rules.filter((r) => r.finding === code && r.fired && !r.suppressedBy).map((r) => r.id);
    expect([...(k?.rules ?? [])].sort()).toEqual(fired.sort());
  }
}

function expectCompleteTrace(out: Outcome) {
  expect(new Date(out.trace.asOf).getTime()).toBe(AS_OF);
  const ids = out.trace.rules.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const finding of FINDINGS)
    expect(
      out.trace.rules.some((r) => r.finding === finding),
      finding,
    ).toBe(true);
  for (const r of out.trace.rules) {
    expect(typeof r.evaluated).toBe('boolean');
    expect(typeof r.fired).toBe('boolean');
    if (r.fired) expect(r.evaluated).toBe(true);
    // A fired, unsuppressed rule's finding has a card.
    if (r.fired && !r.suppressedBy) expect(out.byCode[r.finding], r.id).toBeDefined();
  }
}

describe('card and trace invariants over generated requests', () => {
  const ALL_RULE_IDS = run()
    .trace.rules.map((r) => r.id)
    .sort();
  it('one card per code, summaries <= 140, override reasons on critical cards only, extension names fired rules', () => {
    fc.assert(
      fc.property(partsArb, (p) => expectWellFormedCards(run(specOf(p)))),
      { numRuns: 250 },
    );
  });
  it('the trace lists every rule, with evaluated and fired, whatever the request', () => {
    fc.assert(
      fc.property(partsArb, (p) => {
        const out = run(specOf(p));
        expectCompleteTrace(out);
        expect(out.trace.rules.map((r) => r.id).sort()).toEqual(ALL_RULE_IDS);
      }),
      { numRuns: 150 },
    );
  });
  it('the verdict is the highest indicator among the cards', () => {
    fc.assert(
      fc.property(partsArb, (p) => {
        const out = run(specOf(p));
        const worst = Math.max(-1, ...out.cards.map((c) => INDICATOR_RANK[c.indicator] ?? -1));
        expect(out.verdict).toBe(worst === 2 ? 'do-not-proceed' : worst === 1 ? 'caution' : 'proceed');
      }),
      { numRuns: 150 },
    );
  });
  it('long record texts still give summaries of at most 140 characters', () => {
    const long = (core: string) => `${'very long free text '.repeat(8)}${core}${' and more'.repeat(20)}`;
    const out = run({
      orders: [injectate('lidocaine-1pct', 5), injectate('triamcinolone-40', 1)],
      allergies: [allergy(long('lidocaine')), allergy(long('Steroids'))],
      medications: [medicine(long('apixaban')), medicine(long('aspirin')), medicine(long('clopidogrel'))],
      conditions: [
        indication(),
        condition('L03.115', { display: long('cellulitis'), bodySite: [regionSite('thigh', 'right')] }),
        condition('B02.9', { display: long('zoster'), bodySite: [regionSite('abdomen', 'left')] }),
        condition('A41.9', { display: long('sepsis') }),
        condition('D84.9', { display: long('immunodeficiency') }),
      ],
    });
    expect(Object.keys(out.byCode).length).toBeGreaterThanOrEqual(5);
    expectWellFormedCards(out);
  });
  it('cardId gives the card uuids', () => {
    const request = buildRequest({ conditions: [indication(), condition('A41.9'), condition('R55')] });
    const result = screen(request, { asOf: AS_OF, cardId: (finding) => `card-${finding}` });
    expect(result.ok).toBe(true);
    if (result.ok) for (const c of result.response.cards) expect(c.uuid).toBe(`card-${c.source.topic.code}`);
  });
  it('the same request screened twice gives identical cards (uuids included)', () => {
    const spec = specOf({ ...EMPTY, conditions: [condition('A41.9')], allergies: [allergy('lidocaine')] });
    expect(run(spec).cards).toEqual(run(spec).cards);
  });
});

const EMPTY: Parts = {
  sites: [],
  orders: [],
  conditions: [],
  allergies: [],
  medications: [],
  observations: [],
  admins: [],
};

describe('order never changes the cards', () => {
  const arb = partsArb.chain((p) =>
    fc.record({
      original: fc.constant(p),
      shuffled: fc.record({
        sites: shuffled(p.sites),
        orders: shuffled(p.orders),
        conditions: shuffled(p.conditions),
        allergies: shuffled(p.allergies),
        medications: shuffled(p.medications),
        observations: shuffled(p.observations),
        admins: shuffled(p.admins),
      }),
    }),
  );
  const codesAndIndicators = (out: Outcome) => signature(out).map((s) => s.split('|').slice(0, 2).join('|'));
  it('sites, orders and every prefetch Bundle shuffled: same topic codes and indicators', () => {
    fc.assert(
      fc.property(arb, ({ original, shuffled: s }) => {
        expect(codesAndIndicators(run(specOf(s)))).toEqual(codesAndIndicators(run(specOf(original))));
      }),
      { numRuns: 200 },
    );
  });
  it('... and the same summaries', () => {
    fc.assert(
      fc.property(arb, ({ original, shuffled: s }) => {
        expect(signature(run(specOf(s)))).toEqual(signature(run(specOf(original))));
      }),
      { numRuns: 200 },
    );
  });
  // Minimal cases of the property above, one per finding whose summary names record entries.
  const summaryOf = (spec: RequestSpec, code: string) =>
    run(spec).cards.find((c) => c.source.topic.code === code)?.summary;
  it('anticoagulant: the medicines named do not depend on the Bundle order', () => {
    const a = summaryOf({ medications: [medicine('apixaban'), medicine('aspirin')] }, 'anticoagulant');
    const b = summaryOf({ medications: [medicine('aspirin'), medicine('apixaban')] }, 'anticoagulant');
    expect(a).toBeDefined();
    expect(b).toBe(a);
  });
  it('drug-allergy: the planned agents named do not depend on the order of the MedicationRequests', () => {
    const t = () => injectate('triamcinolone-40', 1);
    const m = () => injectate('methylprednisolone-40', 1);
    const a = summaryOf({ orders: [t(), m()], allergies: [allergy('Steroids')] }, 'drug-allergy');
    const b = summaryOf({ orders: [m(), t()], allergies: [allergy('Steroids')] }, 'drug-allergy');
    expect(a).toBeDefined();
    expect(b).toBe(a);
  });
  it('skin-infection-elsewhere: the infections named do not depend on the Condition order', () => {
    const x = () => condition('L03.115', { bodySite: [regionSite('thigh', 'right')] });
    const y = () => condition('B02.9', { bodySite: [regionSite('abdomen', 'left')] });
    const a = summaryOf({ conditions: [INDICATION, x(), y()] }, 'skin-infection-elsewhere');
    const b = summaryOf({ conditions: [INDICATION, y(), x()] }, 'skin-infection-elsewhere');
    expect(a).toBeDefined();
    expect(b).toBe(a);
  });
});

describe('monotonicity', () => {
  const doseRank = (out: Outcome) => (out.byCode['dose-limit'] ? 2 : out.byCode['dose-near-limit'] ? 1 : 0);
  it('a plan acceptable for one weight stays acceptable for any heavier weight (dose cards never rise)', () => {
    const laOrders = fc.array(
      fc.tuple(fc.constantFrom(...LA_INJECTATES), mlArb).map(([c, ml]) => injectate(c, ml)),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(
        laOrders,
        fc.array(adminArb, { maxLength: 2 }),
        fc.integer({ min: 20, max: 150 }),
        fc.integer({ min: 1, max: 100 }),
        (orders, admins, kg, more) => {
          const at = (w: number) =>
            run({ orders, medicationAdministrations: admins, observations: [weight(w), temperature(36.8)] });
          const light = at(kg);
          const heavy = at(kg + more);
          expect(doseRank(heavy)).toBeLessThanOrEqual(doseRank(light));
        },
      ),
      { numRuns: 200 },
    );
  });
  it('adding a Condition, an allergy or an active medicine never lowers the verdict (an indication is present)', () => {
    const addition = fc.oneof(
      conditionArb.map((r) => ({ key: 'conditions' as const, r })),
      allergyArb.map((r) => ({ key: 'allergies' as const, r })),
      medicineArb.map((r) => ({ key: 'medications' as const, r })),
    );
    fc.assert(
      fc.property(partsArb, addition, (p, { key, r }) => {
        const before = run(specOf(p)).verdict;
        const grown = { ...p, [key]: [...p[key], r] };
        const after = run(specOf(grown)).verdict;
        expect(VERDICT_RANK[after]).toBeGreaterThanOrEqual(VERDICT_RANK[before] ?? 0);
      }),
      { numRuns: 200 },
    );
  });
  it('the exception, by the no-indication row: adding an indication to a record without one lowers the verdict', () => {
    expect(run({ conditions: [] }).verdict).toBe('caution');
    expect(run({ conditions: [condition('M54.2')] }).verdict).toBe('proceed');
  });
});
