// SCREENING.md section 4 "Absent prefetch keys" and the prefetch/ICD-10 branches of missing-data
// (section 3): absent or OperationOutcome is unknown; null or an empty Bundle is a known "none".
import { describe, expect, it } from 'vitest';
import {
  administration,
  condition,
  daysAgo,
  indication,
  injectate,
  medicine,
  temperature,
  type Prefetch,
  type RequestSpec,
  type Resource,
} from './build-request.js';
import { cardsOf, run, type Outcome } from './harness.js';

const UNKNOWN: readonly Prefetch[] = ['absent', 'outcome'];
const KNOWN_NONE: readonly Prefetch[] = [null, []];
const STEROID = () => [injectate('lidocaine-1pct', 5), injectate('triamcinolone-40', 1)];
const rulesFor = (out: Outcome, finding: string) => out.trace.rules.filter((r) => r.finding === finding);

function expectSkipped(out: Outcome, findings: readonly string[]) {
  for (const finding of findings) {
    const rules = rulesFor(out, finding);
    expect(rules.length, `a trace rule for ${finding}`).toBeGreaterThan(0);
    for (const r of rules) {
      expect(r.evaluated, `${r.id} (${finding}) evaluated`).toBe(false);
      expect(r.fired, `${r.id} fired`).toBe(false);
      expect(typeof r.skipped === 'string' && r.skipped.length > 0, `${r.id} says why it was skipped`).toBe(true);
    }
  }
}

describe('baseline: every key present', () => {
  it('no missing-data and every rule evaluated', () => {
    const out = run();
    expect(out.byCode['missing-data']).toBeUndefined();
    for (const r of out.trace.rules) expect(r.evaluated, r.id).toBe(true);
  });
  it('a missing or null patient key changes nothing (no default rule reads it)', () => {
    expect(cardsOf({ patient: 'absent' })).toEqual({});
    expect(cardsOf({ patient: null })).toEqual({});
  });
});

describe('conditions', () => {
  it.each(UNKNOWN)('%s: missing-data, no no-indication, condition checks skipped', (conditions) => {
    const out = run({ conditions });
    expect(out.byCode['missing-data']).toBe('warning');
    expect(out.byCode['no-indication']).toBeUndefined();
    expectSkipped(out, ['no-indication', 'immunosuppression', 'vasovagal-risk', 'skin-infection-at-site']);
  });
  it.each(KNOWN_NONE)('%j: a known none: no-indication warning, no missing-data', (conditions) => {
    const c = cardsOf({ conditions });
    expect(c['no-indication']).toBe('warning');
    expect(c['missing-data']).toBeUndefined();
  });
  it('the missing-data detail names the absent key', () => {
    const out = run({ conditions: 'absent' });
    expect(out.cards.find((c) => c.source.topic.code === 'missing-data')?.detail).toMatch(/conditions/i);
  });
  it('the fever check still runs on observations when conditions are unknown', () => {
    const c = cardsOf({ conditions: 'absent', observations: [temperature(38.9)] });
    expect(c['systemic-illness']).toBe('critical');
  });
});

describe('allergies', () => {
  it.each(UNKNOWN)('%s with a MedicationRequest planned: missing-data, allergy check skipped', (allergies) => {
    const out = run({ allergies });
    expect(out.byCode['missing-data']).toBe('warning');
    expectSkipped(out, ['drug-allergy']);
  });
  it('absent with only an unrecognised MedicationRequest still gives missing-data', () => {
    expect(cardsOf({ allergies: 'absent', orders: [injectate({ text: 'Sarapin' }, 2)] })['missing-data']).toBe(
      'warning',
    );
  });
  it('absent with no MedicationRequest in draftOrders: no missing-data', () => {
    expect(cardsOf({ allergies: 'absent', orders: [] })['missing-data']).toBeUndefined();
  });
  it.each(KNOWN_NONE)('%j: no missing-data', (allergies) => {
    expect(cardsOf({ allergies })['missing-data']).toBeUndefined();
  });
});

describe('medications', () => {
  it.each(UNKNOWN)('%s: missing-data, anticoagulant check skipped', (medications) => {
    const out = run({ medications });
    expect(out.byCode['missing-data']).toBe('warning');
    expectSkipped(out, ['anticoagulant']);
  });
  it('absent even with no MedicationRequest planned: missing-data', () => {
    expect(cardsOf({ medications: 'absent', orders: [] })['missing-data']).toBe('warning');
  });
  it.each(KNOWN_NONE)('%j: no missing-data', (medications) => {
    expect(cardsOf({ medications })['missing-data']).toBeUndefined();
  });
});

describe('medicationAdministrations', () => {
  it.each(UNKNOWN)('%s with a steroid planned: missing-data, steroid history checks skipped', (key) => {
    const out = run({ orders: STEROID(), medicationAdministrations: key });
    expect(out.byCode['missing-data']).toBe('warning');
    expectSkipped(out, ['steroid-interval', 'steroid-frequency']);
  });
  it('absent with only a local anaesthetic planned: missing-data', () => {
    expect(cardsOf({ medicationAdministrations: 'absent' })['missing-data']).toBe('warning');
  });
  it('absent with only a steroid planned: missing-data', () => {
    const c = cardsOf({ medicationAdministrations: 'absent', orders: [injectate('triamcinolone-40', 1)] });
    expect(c['missing-data']).toBe('warning');
  });
  it('absent with a steroid planned by class only ("steroid injection"): missing-data', () => {
    const c = cardsOf({ medicationAdministrations: 'absent', orders: [injectate({ text: 'steroid injection' }, 1)] });
    expect(c['missing-data']).toBe('warning');
  });
  it('absent with only saline planned, or nothing planned: no missing-data', () => {
    expect(
      cardsOf({ medicationAdministrations: 'absent', orders: [injectate('saline-0.9pct', 5)] })['missing-data'],
    ).toBe(undefined);
    expect(cardsOf({ medicationAdministrations: 'absent', orders: [] })['missing-data']).toBeUndefined();
  });
  it('absent: a plan that alone exceeds the maximum is still dose-limit (unknown earlier doses only add)', () => {
    const c = cardsOf({ medicationAdministrations: 'absent', orders: [injectate('lidocaine-1pct', 35)] });
    expect(c['dose-limit']).toBe('critical');
  });
  it('absent: diabetes-steroid does not need the key and still fires', () => {
    const c = cardsOf({
      medicationAdministrations: 'absent',
      orders: STEROID(),
      conditions: [indication(), condition('E11.9')],
    });
    expect(c['diabetes-steroid']).toBe('warning');
  });
  it.each(KNOWN_NONE)('%j with a steroid planned: no missing-data', (key) => {
    expect(cardsOf({ orders: STEROID(), medicationAdministrations: key })['missing-data']).toBeUndefined();
  });
});

describe('observations', () => {
  it.each(UNKNOWN)('%s is the same as no weight: missing-data with a local anaesthetic dosed', (observations) => {
    expect(cardsOf({ observations })['missing-data']).toBe('warning');
  });
  it.each([...UNKNOWN, ...KNOWN_NONE])('%j with only saline planned: no missing-data', (observations) => {
    expect(cardsOf({ observations, orders: [injectate('saline-0.9pct', 5)] })['missing-data']).toBeUndefined();
  });
  it('absent with warfarin active: missing-data (no INR within 7 days)', () => {
    const spec: RequestSpec = {
      observations: 'absent',
      orders: [injectate('saline-0.9pct', 5)],
      medications: [medicine('warfarin 5 mg')],
    };
    expect(cardsOf(spec)['missing-data']).toBe('warning');
  });
  it('absent is not "normal": no fever, lab or pregnancy card appears from it', () => {
    const c = cardsOf({ observations: 'absent', orders: [injectate('saline-0.9pct', 5)] });
    expect(c).toEqual({});
  });
});

describe('Conditions with no ICD-10(-CM) coding', () => {
  const snomedOnly = (opts: { verification?: string } = {}): Resource =>
    condition({ coding: [{ system: 'http://snomed.info/sct', code: '91302008', display: 'Sepsis' }] }, opts);
  it('a counted Condition coded only in SNOMED CT: missing-data, and no set matches it', () => {
    const c = cardsOf({ conditions: [indication(), snomedOnly()] });
    expect(c['missing-data']).toBe('warning');
    expect(c['systemic-illness']).toBeUndefined();
  });
  it('a Condition with text only: missing-data', () => {
    expect(cardsOf({ conditions: [indication(), condition({ text: 'cellulitis of back' })] })['missing-data']).toBe(
      'warning',
    );
  });
  it('a refuted SNOMED-only Condition is not counted: no missing-data', () => {
    expect(
      cardsOf({ conditions: [indication(), snomedOnly({ verification: 'refuted' })] })['missing-data'],
    ).toBeUndefined();
  });
  it('a Condition with ICD-10-CM and SNOMED CT codings is readable: no missing-data', () => {
    const both = condition({
      coding: [
        { system: 'http://snomed.info/sct', code: '91302008' },
        { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'A41.9' },
      ],
    });
    const c = cardsOf({ conditions: [indication(), both] });
    expect(c['missing-data']).toBeUndefined();
    expect(c['systemic-illness']).toBe('critical');
  });
  it('a Condition whose only code is an ICD-10-CM code outside every set (K21.9) is readable: no card', () => {
    expect(cardsOf({ conditions: [indication(), condition('K21.9')] })).toEqual({});
  });
});

describe('several unknowns give one missing-data card', () => {
  it('every key absent: exactly one missing-data card', () => {
    const out = run({
      conditions: 'absent',
      allergies: 'absent',
      medications: 'absent',
      observations: 'absent',
      medicationAdministrations: 'absent',
      orders: STEROID(),
    });
    expect(out.cards.filter((c) => c.source.topic.code === 'missing-data')).toHaveLength(1);
    expect(out.byCode['missing-data']).toBe('warning');
    expect(out.verdict).toBe('caution');
  });
  it('an old steroid history and a weight are fine: history present gives no missing-data', () => {
    const c = cardsOf({
      orders: STEROID(),
      medicationAdministrations: [administration('triamcinolone-40', { at: daysAgo(400) })],
    });
    expect(c['missing-data']).toBeUndefined();
  });
});
