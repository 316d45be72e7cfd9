// SCREENING.md section 3: a clinic can change the defaultPolicy thresholds (laMaxSource only
// `olson`, weightBasis only `actual` in v1), and every screen records the policy version it used.
import { describe, expect, it } from 'vitest';
import { resolvePolicy, type ScreeningPolicy } from '../../policy/policy.js';
import {
  administration,
  daysAgo,
  indication,
  inr,
  injectate,
  medicine,
  muscleSite,
  platelets,
  PREGNANT,
  pregnancyStatus,
  temperature,
  weight,
  type RequestSpec,
} from './build-request.js';
import { cardOf, run, type Outcome } from './harness.js';

function policy(overrides: unknown): ScreeningPolicy {
  const result = resolvePolicy(overrides);
  if (!result.ok) throw new Error(`policy refused: ${JSON.stringify(result.issues)}`);
  return result.policy;
}
function issuePaths(overrides: unknown): string[] {
  const result = resolvePolicy(overrides);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map((i) => i.path);
}
const expectVersion = (out: Outcome, version: string) => {
  expect(out.trace.policyVersion).toBe(version);
  for (const card of out.cards) expect(card.extension?.knotwork?.policyVersion).toBe(version);
};

const DEFAULT_VERSION = run().trace.policyVersion;

describe('overrides change the outcome and the version reported', () => {
  it('resolvePolicy({}) is the default policy, with the version a default screen reports', () => {
    expect(policy({}).version).toBe(DEFAULT_VERSION);
  });
  it('feverCelsius 38.3: 38.2 C no longer fires; the clinic version is on the trace and every card', () => {
    const spec: RequestSpec = {
      observations: [weight(70), temperature(38.2)],
      sites: [muscleSite('rhomboids', 'left')],
    };
    const byDefault = run(spec);
    expect(byDefault.byCode['systemic-illness']).toBe('critical');
    expectVersion(byDefault, DEFAULT_VERSION);
    const clinic = policy({ feverCelsius: 38.3 });
    expect(clinic.version).not.toBe(DEFAULT_VERSION);
    const out = run(spec, { policy: clinic });
    expect(out.byCode['systemic-illness']).toBeUndefined();
    expect(out.byCode['pneumothorax-risk']).toBe('warning');
    expectVersion(out, clinic.version);
  });
  it('anticoagulantIndicator critical: the anticoagulant card is critical, with override reasons', () => {
    const clinic = policy({ anticoagulantIndicator: 'critical' });
    const out = run({ medications: [medicine('apixaban 5 mg')] }, { policy: clinic });
    expect(out.byCode['anticoagulant']).toBe('critical');
    expect(out.verdict).toBe('do-not-proceed');
    expect(cardOf(out, 'anticoagulant')?.overrideReasons?.length).toBeGreaterThan(0);
    expectVersion(out, clinic.version);
  });
  it('inrCriticalAbove 2.5: INR 2.8 fires', () => {
    const spec: RequestSpec = { observations: [weight(70), inr(2.8)] };
    expect(run(spec).byCode['bleeding-risk']).toBeUndefined();
    expect(run(spec, { policy: policy({ inrCriticalAbove: 2.5 }) }).byCode['bleeding-risk']).toBe('critical');
  });
  it('doseWarnFraction 0.5: 15 mL lidocaine 1% at 70 kg (exactly 0.5) is near the limit', () => {
    const spec: RequestSpec = { orders: [injectate('lidocaine-1pct', 15)] };
    expect(run(spec).byCode['dose-near-limit']).toBeUndefined();
    expect(run(spec, { policy: policy({ doseWarnFraction: 0.5 }) }).byCode['dose-near-limit']).toBe('warning');
  });
  it('steroidMinIntervalDays 90: a steroid 60 days ago fires', () => {
    const spec: RequestSpec = {
      orders: [injectate('triamcinolone-40', 1)],
      medicationAdministrations: [administration('triamcinolone-40', { at: daysAgo(60) })],
    };
    expect(run(spec).byCode['steroid-interval']).toBeUndefined();
    expect(run(spec, { policy: policy({ steroidMinIntervalDays: 90 }) }).byCode['steroid-interval']).toBe('warning');
  });
  it('steroidMaxSessionsPer12Months 2: two steroid days fire', () => {
    const spec: RequestSpec = {
      orders: [injectate('triamcinolone-40', 1)],
      medicationAdministrations: [100, 200].map((d) => administration('triamcinolone-40', { at: daysAgo(d) })),
    };
    expect(run(spec).byCode['steroid-frequency']).toBeUndefined();
    const out = run(spec, { policy: policy({ steroidMaxSessionsPer12Months: 2 }) });
    expect(out.byCode['steroid-frequency']).toBe('warning');
  });
  it('weightMaxAgeDays 365: a 200-day-old weight is used', () => {
    const spec: RequestSpec = { observations: [weight(70, daysAgo(200))] };
    expect(run(spec).byCode['missing-data']).toBe('warning');
    expect(run(spec, { policy: policy({ weightMaxAgeDays: 365 }) }).byCode['missing-data']).toBeUndefined();
  });
  it('pneumothorax lists: low as info makes supraspinatus an info card', () => {
    const spec: RequestSpec = { sites: [muscleSite('supraspinatus', 'left')] };
    expect(run(spec).byCode['pneumothorax-risk']).toBeUndefined();
    const clinic = policy({ pneumothoraxInfoRisks: ['moderate', 'low'] });
    expect(run(spec, { policy: clinic }).byCode['pneumothorax-risk']).toBe('info');
  });
  it.each([
    ['feverLookbackHours', 48, { observations: [weight(70), temperature(38.5, daysAgo(1.25))] }, 'systemic-illness'],
    ['labLookbackDays', 60, { observations: [weight(70), inr(3.5, daysAgo(45))] }, 'bleeding-risk'],
    ['plateletsWarningBelow', 100, { observations: [weight(70), platelets(80)] }, 'bleeding-disorder'],
    ['plateletsCriticalBelow', 30, { observations: [weight(70), platelets(25)] }, 'bleeding-risk'],
    [
      'pregnancyStatusMaxAgeDays',
      30,
      { observations: [weight(70), pregnancyStatus(PREGNANT, daysAgo(20))] },
      'pregnancy',
    ],
    [
      'warfarinInrMaxAgeDays',
      3,
      { medications: [medicine('warfarin')], observations: [weight(70), inr(2.5, daysAgo(5))] },
      'missing-data',
    ],
  ] as const)('%s = %s makes %j give %s', (field, value, spec, finding) => {
    expect(run(spec).byCode[finding]).toBeUndefined();
    expect(run(spec, { policy: policy({ [field]: value }) }).byCode[finding]).toBeDefined();
  });
  it('the version depends only on the values: equal overrides, equal versions; others differ', () => {
    expect(policy({ feverCelsius: 38.3 }).version).toBe(policy({ feverCelsius: 38.3 }).version);
    expect(policy({ feverCelsius: 38.3 }).version).not.toBe(policy({ feverCelsius: 38.5 }).version);
    expect(policy({ feverCelsius: 38.0 }).version).toBe(DEFAULT_VERSION);
  });
  it('the v1 only values laMaxSource olson and weightBasis actual are accepted', () => {
    expect(resolvePolicy({ laMaxSource: 'olson', weightBasis: 'actual' }).ok).toBe(true);
  });
  it('a clean screen under a clinic policy still reports the version in the trace', () => {
    const clinic = policy({ labLookbackDays: 14 });
    const out = run({ conditions: [indication()] }, { policy: clinic });
    expect(out.cards).toEqual([]);
    expect(out.trace.policyVersion).toBe(clinic.version);
  });
});

describe('bad values are refused, naming the field', () => {
  it.each([
    ['feverCelsius', 'hot'],
    ['feverCelsius', Number.NaN],
    ['anticoagulantIndicator', 'severe'],
    ['laMaxSource', 'label'],
    ['weightBasis', 'ideal'],
    ['labLookbackDays', -5],
    ['steroidMaxSessionsPer12Months', 'three'],
    ['weightMaxAgeDays', null],
  ])('%s = %j', (field, value) => {
    expect(issuePaths({ [field]: value })).toContain(field);
  });
  it('plateletsWarningBelow below plateletsCriticalBelow is refused, naming a platelet field', () => {
    const paths = issuePaths({ plateletsWarningBelow: 10 });
    expect(paths.some((p) => p.startsWith('platelets'))).toBe(true);
  });
  it('an unknown field is refused by name', () => {
    expect(issuePaths({ feverFahrenheit: 100.4 })).toContain('feverFahrenheit');
  });
  it('a bad pleural risk is refused within its list', () => {
    const paths = issuePaths({ pneumothoraxWarningRisks: ['high', 'severe'] });
    expect(paths.some((p) => p.startsWith('pneumothoraxWarningRisks'))).toBe(true);
  });
  it('every bad field is named at once', () => {
    const paths = issuePaths({ feverCelsius: 'hot', anticoagulantIndicator: 'severe' });
    expect(paths).toEqual(expect.arrayContaining(['feverCelsius', 'anticoagulantIndicator']));
  });
  it('overrides that are not an object are refused', () => {
    for (const value of [null, 42, 'strict', [1]]) expect(resolvePolicy(value).ok).toBe(false);
  });
});
