// SCREENING.md section 4 "Not a usable request" (ok:false with a `$.`-style path), the TPI order
// readings (two orders as one plan, unrecognised sites), and robustness against garbage (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screen } from '../screen.js';
import {
  administration,
  allergy,
  AS_OF,
  buildRequest,
  condition,
  daysAgo,
  indication,
  inr,
  injectate,
  medicine,
  muscleSite,
  platelets,
  regionSite,
  snomedSite,
  SYS,
  temperature,
  tpiOrder,
  weight,
  type Json,
  type JsonObject,
} from './build-request.js';
import { cardOf, cardsOf, run } from './harness.js';

const screenAt = (request: unknown) => screen(request, { asOf: AS_OF });
function problemOf(request: unknown) {
  const result = screenAt(request);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(typeof result.problem.code).toBe('string');
  expect(result.problem.message.length).toBeGreaterThan(0);
  return result.problem;
}
const mutate = (f: (r: JsonObject & { context: JsonObject }) => void): JsonObject => {
  const r = buildRequest() as JsonObject & { context: JsonObject };
  f(r);
  return r;
};

describe('not a usable request', () => {
  it.each([
    ['unreadable JSON text', '{"hook": "order-sign", '],
    ['a string', 'order-sign'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an array', [buildRequest()]],
  ])('%s: path $', (_label, input) => {
    expect(problemOf(input).path).toBe('$');
  });
  it('a hook other than order-sign/order-select, or none: path $.hook', () => {
    expect(problemOf(mutate((r) => (r['hook'] = 'patient-view'))).path).toBe('$.hook');
    expect(problemOf(mutate((r) => delete r['hook'])).path).toBe('$.hook');
    expect(problemOf(mutate((r) => (r['hook'] = 7))).path).toBe('$.hook');
  });
  it('no context: a path at $.context', () => {
    expect(problemOf(mutate((r) => delete (r as JsonObject)['context'])).path).toMatch(/^\$\.context/);
  });
  it('no draftOrders Bundle: path $.context.draftOrders', () => {
    expect(problemOf(mutate((r) => delete r.context['draftOrders'])).path).toBe('$.context.draftOrders');
    const notBundle = mutate((r) => (r.context['draftOrders'] = { resourceType: 'Patient', id: 'p1' }));
    expect(problemOf(notBundle).path).toBe('$.context.draftOrders');
    expect(problemOf(mutate((r) => (r.context['draftOrders'] = 'orders'))).path).toBe('$.context.draftOrders');
  });
  it('no TPI ServiceRequest in draftOrders: a path within $.context.draftOrders', () => {
    const noSr = buildRequest({ serviceRequests: [] });
    expect(problemOf(noSr).path).toMatch(/^\$\.context\.draftOrders/);
    const otherCpt = buildRequest({
      serviceRequests: [tpiOrder(undefined, { code: { system: SYS.cpt, code: '99213' } })],
    });
    expect(problemOf(otherCpt).path).toMatch(/^\$\.context\.draftOrders/);
    const wrongSystem = buildRequest({
      serviceRequests: [
        tpiOrder([muscleSite('rhomboids')], { code: { system: 'http://example.org/cpt', code: '20552' } }),
      ],
    });
    expect(problemOf(wrongSystem).path).toMatch(/^\$\.context\.draftOrders/);
    const empty = mutate((r) => (r.context['draftOrders'] = { resourceType: 'Bundle', type: 'collection' }));
    expect(problemOf(empty).path).toMatch(/^\$\.context\.draftOrders/);
  });
});

describe('usable requests', () => {
  it('order-select is accepted like order-sign', () => {
    expect(screenAt(buildRequest({ hook: 'order-select' })).ok).toBe(true);
  });
  it('a missing hookInstance or context.patientId is tolerated', () => {
    expect(screenAt(mutate((r) => delete r['hookInstance'])).ok).toBe(true);
    expect(screenAt(mutate((r) => delete r.context['patientId'])).ok).toBe(true);
  });
  it('CPT 20553 and Knotwork procedure#trigger-point-injection are TPI orders', () => {
    for (const code of [
      { system: SYS.cpt, code: '20553' },
      { system: SYS.procedure, code: 'trigger-point-injection' },
    ]) {
      expect(screenAt(buildRequest({ serviceRequests: [tpiOrder([muscleSite('rhomboids')], { code })] })).ok).toBe(
        true,
      );
    }
  });
  it('a request with no prefetch at all is usable: every key is unknown (missing-data)', () => {
    const out = run({
      conditions: 'absent',
      allergies: 'absent',
      medications: 'absent',
      observations: 'absent',
      medicationAdministrations: 'absent',
      patient: 'absent',
    });
    expect(out.byCode['missing-data']).toBe('warning');
    const bare = mutate((r) => delete r['prefetch']);
    expect(screenAt(bare).ok).toBe(true);
  });
  it('a request with no MedicationRequest at all is screened', () => {
    expect(cardsOf({ orders: [] })).toEqual({});
  });
});

describe('TPI orders and sites', () => {
  it('two TPI ServiceRequests are read as one plan with the sites of both', () => {
    const out = run({
      serviceRequests: [tpiOrder([muscleSite('intercostals', 'right')]), tpiOrder([muscleSite('rhomboids', 'left')])],
      conditions: [indication(), condition('L03.311', { bodySite: [regionSite('chest-lateral', 'right')] })],
    });
    expect(out.byCode['pneumothorax-risk']).toBe('warning');
    expect(out.byCode['skin-infection-at-site']).toBe('critical');
    const summary = cardOf(out, 'pneumothorax-risk')?.summary.toLowerCase() ?? '';
    if (summary.includes('rhomboid') && summary.includes('intercostal')) {
      expect(summary.indexOf('rhomboid')).toBeLessThan(summary.indexOf('intercostal')); // catalogue order
    } else {
      expect(summary).toMatch(/2/); // says how many
    }
  });
  it('a ServiceRequest that is not a TPI (CPT 99213) does not add its sites to the plan', () => {
    const other = tpiOrder([muscleSite('intercostals', 'left')], { code: { system: SYS.cpt, code: '99213' } });
    const c = cardsOf({ serviceRequests: [tpiOrder([muscleSite('gluteus-maximus', 'left')]), other] });
    expect(c['pneumothorax-risk']).toBeUndefined();
  });
  it('a draft MedicationRequest is a session line, not a current medicine (draft apixaban)', () => {
    const c = cardsOf({ orders: [injectate('lidocaine-1pct', 5), injectate({ text: 'apixaban 5 mg' }, 1)] });
    expect(c['unrecognised-order']).toBe('warning');
    expect(c['anticoagulant']).toBeUndefined();
  });
  it('a TPI order with no bodySite: unrecognised-order; with a sibling order carrying a site: none', () => {
    expect(cardsOf({ serviceRequests: [tpiOrder(undefined)] })['unrecognised-order']).toBe('warning');
    const both = cardsOf({ serviceRequests: [tpiOrder([muscleSite('rhomboids', 'left')]), tpiOrder(undefined)] });
    expect(both['unrecognised-order']).toBeUndefined();
  });
  it('a planned muscle that is not recognised: unrecognised-order (alone or beside a recognised one)', () => {
    expect(cardsOf({ sites: [muscleSite('biceps-brachii', 'left')] })['unrecognised-order']).toBe('warning');
    const mixed = cardsOf({ sites: [muscleSite('rhomboids', 'left'), muscleSite('biceps-brachii', 'left')] });
    expect(mixed['unrecognised-order']).toBe('warning');
  });
  it('a planned site named only in text ("Rhomboids") is not recognised', () => {
    expect(cardsOf({ sites: [{ text: 'Rhomboids' }] })['unrecognised-order']).toBe('warning');
  });
  it('a planned site coded only in SNOMED CT (the catalogue trapezius concept) is not recognised', () => {
    const c = cardsOf({ sites: [snomedSite('31764008', 'left')] });
    expect(c['unrecognised-order']).toBe('warning');
    expect(c['pneumothorax-risk']).toBeUndefined();
  });
});

// A request that exercises most readers, to be damaged at random.
const RICH = buildRequest({
  sites: [muscleSite('rhomboids', 'left'), muscleSite('trapezius-upper', null), snomedSite('31764008')],
  orders: [
    injectate('lidocaine-1pct', 12),
    injectate('triamcinolone-40', 1),
    injectate({ text: 'steroid injection' }, 1),
    injectate('bupivacaine-0.25pct', 3, { code: 'mg' }),
  ],
  conditions: [
    indication(),
    condition('L03.312', { bodySite: [regionSite('upper-back', 'left')] }),
    condition('E11.9'),
    condition('R55', { clinical: 'resolved' }),
    condition({ text: 'free text' }),
  ],
  allergies: [allergy('Kenalog-40'), allergy({ rxnorm: '6387' }, { type: 'intolerance' })],
  medications: [medicine('warfarin 5 mg'), medicine('apixaban', { kind: 'MedicationStatement' })],
  observations: [weight(70), temperature(37.2), temperature(38.4, daysAgo(0.5)), inr(2.5), platelets(45)],
  medicationAdministrations: [
    administration('triamcinolone-40', { at: daysAgo(30) }),
    administration('lidocaine-1pct'),
  ],
});

function paths(node: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(node)) node.forEach((child, i) => paths(child, [...prefix, i], out));
  else if (node !== null && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) if (v !== undefined) paths(v, [...prefix, k], out);
  return out;
}
const RICH_PATHS = paths(RICH);

function replaced(path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(RICH) as unknown;
  if (path.length === 0) return value;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

function expectWellFormed(result: ReturnType<typeof screen>) {
  if (result.ok) {
    for (const card of result.response.cards) expect(card.summary.length).toBeLessThanOrEqual(140);
  } else {
    expect(result.problem.path.startsWith('$')).toBe(true);
  }
}

describe('garbage never throws (fast-check)', () => {
  it('the rich request itself is screened', () => {
    expect(screenAt(RICH).ok).toBe(true);
  });
  it('any value as the whole request', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => expectWellFormed(screenAt(value))),
      { numRuns: 300 },
    );
  });
  it('any value in place of any part of a valid request', () => {
    fc.assert(
      fc.property(fc.nat(), fc.anything({ maxDepth: 3 }), (i, value) => {
        const path = RICH_PATHS[i % RICH_PATHS.length] ?? [];
        expectWellFormed(screenAt(replaced(path, value)));
      }),
      { numRuns: 600 },
    );
  });
  it('arbitrary JSON entries inside every prefetch Bundle and draftOrders', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }), (junk) => {
        const r = structuredClone(RICH) as {
          context: { draftOrders: { entry: unknown[] } };
          prefetch: Record<string, { entry?: unknown[] }>;
        };
        r.context.draftOrders.entry.push(...junk.map((resource) => ({ resource })), ...junk);
        for (const b of Object.values(r.prefetch)) if (b && Array.isArray(b.entry)) b.entry.push(...junk);
        const result = screenAt(r);
        expect(result.ok).toBe(true);
        expectWellFormed(result);
      }),
      { numRuns: 200 },
    );
  });
});
