// SCREENING.md section 3 rows bleeding-risk, bleeding-disorder, anticoagulant and the warfarin
// branch of missing-data; section 2 "Medicines"; section 4 INR units and reading ties.
import { describe, expect, it } from 'vitest';
import {
  condition,
  daysAgo,
  hoursAgo,
  indication,
  inr,
  medicine,
  observation,
  platelets,
  temperature,
  weight,
  type Resource,
} from './build-request.js';
import { cardsOf, run } from './harness.js';

const withObs = (...obs: Resource[]) => ({ observations: [weight(70), temperature(36.8), ...obs] });
const withConditions = (...cs: Resource[]) => ({ conditions: [indication(), ...cs] });
const withMeds = (...ms: Resource[]) => ({ medications: ms });

describe('bleeding-risk: INR (default inrCriticalAbove 3.0, labLookbackDays 30)', () => {
  it('INR exactly 3.0: no card', () => {
    const c = cardsOf(withObs(inr(3.0)));
    expect(c['bleeding-risk']).toBeUndefined();
    expect(c['bleeding-disorder']).toBeUndefined();
  });
  it('INR 3.1: bleeding-risk critical', () => {
    expect(cardsOf(withObs(inr(3.1)))['bleeding-risk']).toBe('critical');
  });
  it('an INR exactly 30 days old counts; 31 days old does not', () => {
    expect(cardsOf(withObs(inr(4.2, daysAgo(30))))['bleeding-risk']).toBe('critical');
    expect(cardsOf(withObs(inr(4.2, daysAgo(31))))['bleeding-risk']).toBeUndefined();
  });
  it('the latest INR wins: an older high INR superseded by a normal one does not fire', () => {
    expect(cardsOf(withObs(inr(4.5, daysAgo(10)), inr(2.1, daysAgo(2))))['bleeding-risk']).toBeUndefined();
    expect(cardsOf(withObs(inr(2.1, daysAgo(10)), inr(4.5, daysAgo(2))))['bleeding-risk']).toBe('critical');
  });
  it('INR is unitless: no unit, {INR}, 1, INR and ratio are all read', () => {
    for (const unit of [null, '{INR}', '1', 'INR', 'ratio']) {
      expect(cardsOf(withObs(inr(3.6, daysAgo(1), unit)))['bleeding-risk'], `unit ${String(unit)}`).toBe('critical');
    }
  });
  it('an INR in a non-INR unit is not usable, and the next newest reading is used', () => {
    expect(cardsOf(withObs(inr(3.6, daysAgo(1), 'mg/dL')))['bleeding-risk']).toBeUndefined();
    expect(cardsOf(withObs(inr(2.0, daysAgo(1), 's'), inr(3.6, daysAgo(5))))['bleeding-risk']).toBe('critical');
  });
  it('two INRs at the same time: the higher counts', () => {
    const at = daysAgo(2);
    expect(cardsOf(withObs(inr(2.0, at), inr(3.4, at)))['bleeding-risk']).toBe('critical');
    expect(cardsOf(withObs(inr(3.4, at), inr(2.0, at)))['bleeding-risk']).toBe('critical');
  });
  it('the card detail gives the INR that triggered it', () => {
    const out = run(withObs(inr(3.4)));
    expect(out.cards.find((c) => c.source.topic.code === 'bleeding-risk')?.detail).toMatch(/3\.4/);
  });
  it('other INR LOINC codes of the catalogue count (34714-6)', () => {
    const o = observation('inr', 3.5, null, daysAgo(1), {
      code: { coding: [{ system: 'http://loinc.org', code: '34714-6' }] },
    });
    expect(cardsOf(withObs(o))['bleeding-risk']).toBe('critical');
  });
});

describe('bleeding-risk / bleeding-disorder: platelets (critical below 20, warning below 50)', () => {
  it('19: bleeding-risk critical and no bleeding-disorder card', () => {
    const c = cardsOf(withObs(platelets(19)));
    expect(c['bleeding-risk']).toBe('critical');
    expect(c['bleeding-disorder']).toBeUndefined();
  });
  it('20: bleeding-disorder warning, no bleeding-risk', () => {
    const c = cardsOf(withObs(platelets(20)));
    expect(c['bleeding-risk']).toBeUndefined();
    expect(c['bleeding-disorder']).toBe('warning');
  });
  it('49: bleeding-disorder warning', () => {
    const c = cardsOf(withObs(platelets(49)));
    expect(c['bleeding-risk']).toBeUndefined();
    expect(c['bleeding-disorder']).toBe('warning');
  });
  it('50: neither card', () => {
    const c = cardsOf(withObs(platelets(50)));
    expect(c['bleeding-risk']).toBeUndefined();
    expect(c['bleeding-disorder']).toBeUndefined();
  });
  it('platelets 30 days old count; 31 days old do not', () => {
    expect(cardsOf(withObs(platelets(10, daysAgo(30))))['bleeding-risk']).toBe('critical');
    const stale = cardsOf(withObs(platelets(10, daysAgo(31))));
    expect(stale['bleeding-risk']).toBeUndefined();
    expect(stale['bleeding-disorder']).toBeUndefined();
  });
  it('platelet units of the catalogue are converted (/uL is x0.001, 10*3/uL and 10^9/L are x1)', () => {
    expect(cardsOf(withObs(observation('platelets', 19000, '/uL', daysAgo(1))))['bleeding-risk']).toBe('critical');
    expect(cardsOf(withObs(observation('platelets', 150000, '/uL', daysAgo(1))))['bleeding-risk']).toBeUndefined();
    expect(cardsOf(withObs(observation('platelets', 15, '10*3/uL', daysAgo(1))))['bleeding-risk']).toBe('critical');
    expect(cardsOf(withObs(observation('platelets', 35, '10^9/L', daysAgo(1))))['bleeding-disorder']).toBe('warning');
  });
  it('two platelet counts at the same time: the lower counts', () => {
    const at = daysAgo(3);
    expect(cardsOf(withObs(platelets(180, at), platelets(15, at)))['bleeding-risk']).toBe('critical');
    expect(cardsOf(withObs(platelets(15, at), platelets(180, at)))['bleeding-risk']).toBe('critical');
  });
  it('the latest platelet count wins', () => {
    expect(cardsOf(withObs(platelets(15, daysAgo(9)), platelets(160, daysAgo(1))))['bleeding-risk']).toBeUndefined();
  });
});

describe('bleeding Conditions', () => {
  it('an active bleedingDisorderCritical Condition (D68.0 von Willebrand) is bleeding-risk critical', () => {
    const c = cardsOf(withConditions(condition('D68.0')));
    expect(c['bleeding-risk']).toBe('critical');
    expect(c['bleeding-disorder']).toBeUndefined();
  });
  it('D66 (haemophilia A) and D65 (DIC) are critical', () => {
    expect(cardsOf(withConditions(condition('D66')))['bleeding-risk']).toBe('critical');
    expect(cardsOf(withConditions(condition('D65')))['bleeding-risk']).toBe('critical');
  });
  it('an active bleedingDisorderWarning Condition (D69.6 thrombocytopenia) is bleeding-disorder warning', () => {
    const c = cardsOf(withConditions(condition('D69.6')));
    expect(c['bleeding-disorder']).toBe('warning');
    expect(c['bleeding-risk']).toBeUndefined();
  });
  it('bleeding-disorder gives way when bleeding-risk fires (one critical card, no warning card)', () => {
    const out = run({ ...withConditions(condition('D69.6')), ...withObs(inr(3.8)) });
    expect(out.byCode['bleeding-risk']).toBe('critical');
    expect(out.byCode['bleeding-disorder']).toBeUndefined();
  });
  it('a resolved D69.6 or a D68.3 refuted gives no bleeding card', () => {
    const c1 = cardsOf(withConditions(condition('D69.6', { clinical: 'resolved' })));
    const c2 = cardsOf(withConditions(condition('D68.3', { verification: 'refuted' })));
    for (const c of [c1, c2]) {
      expect(c['bleeding-disorder']).toBeUndefined();
      expect(c['bleeding-risk']).toBeUndefined();
    }
  });
  it('D68.32 matches the warning prefix D68.3 (dots ignored: D6832 too): warning only', () => {
    for (const code of ['D68.32', 'D6832']) {
      const c = cardsOf(withConditions(condition(code)));
      expect(c['bleeding-disorder'], code).toBe('warning');
      expect(c['bleeding-risk'], code).toBeUndefined();
    }
  });
});

describe('anticoagulant (default indicator warning)', () => {
  it('an active apixaban MedicationRequest (RxNorm 1364430) gives a warning', () => {
    expect(cardsOf(withMeds(medicine({ rxnorm: '1364430' })))['anticoagulant']).toBe('warning');
  });
  it('names are read in text and display (Eliquis, "Aspirin 81 mg", Plavix)', () => {
    expect(cardsOf(withMeds(medicine('Eliquis 5 mg tablet')))['anticoagulant']).toBe('warning');
    expect(cardsOf(withMeds(medicine('Aspirin 81 mg')))['anticoagulant']).toBe('warning');
    const plavix = medicine({ codings: [{ system: 'http://example.org/drugs', code: 'x', display: 'PLAVIX 75mg' }] });
    expect(cardsOf(withMeds(plavix))['anticoagulant']).toBe('warning');
  });
  it('MedicationRequest status on-hold counts; stopped, completed, cancelled, draft do not', () => {
    expect(cardsOf(withMeds(medicine('apixaban', { status: 'on-hold' })))['anticoagulant']).toBe('warning');
    for (const status of ['stopped', 'completed', 'cancelled', 'draft', 'entered-in-error']) {
      expect(cardsOf(withMeds(medicine('apixaban', { status })))['anticoagulant'], status).toBeUndefined();
    }
  });
  it('MedicationStatement active, intended, on-hold count; completed, stopped, not-taken do not', () => {
    for (const status of ['active', 'intended', 'on-hold']) {
      const m = medicine('rivaroxaban', { kind: 'MedicationStatement', status });
      expect(cardsOf(withMeds(m))['anticoagulant'], status).toBe('warning');
    }
    for (const status of ['completed', 'stopped', 'not-taken']) {
      const m = medicine('rivaroxaban', { kind: 'MedicationStatement', status });
      expect(cardsOf(withMeds(m))['anticoagulant'], status).toBeUndefined();
    }
  });
  it('a medicine that is not an anticoagulant (metformin) gives no card', () => {
    expect(cardsOf(withMeds(medicine('metformin 500 mg')))['anticoagulant']).toBeUndefined();
  });
  it('a MedicationRequest authored after as-of, or a MedicationStatement effective after as-of, is ignored', () => {
    expect(cardsOf(withMeds(medicine('apixaban', { authoredOn: daysAgo(-1) })))['anticoagulant']).toBeUndefined();
    const st = medicine('apixaban', { kind: 'MedicationStatement', effective: hoursAgo(-3) });
    expect(cardsOf(withMeds(st))['anticoagulant']).toBeUndefined();
  });
  it('a MedicationStatement with an effectivePeriod: started in the past counts, starting after as-of does not', () => {
    const ongoing = medicine('apixaban', { kind: 'MedicationStatement' });
    ongoing['effectivePeriod'] = { start: daysAgo(90), end: daysAgo(-90) };
    expect(cardsOf(withMeds(ongoing))['anticoagulant']).toBe('warning');
    const future = medicine('apixaban', { kind: 'MedicationStatement' });
    future['effectivePeriod'] = { start: daysAgo(-2) };
    expect(cardsOf(withMeds(future))['anticoagulant']).toBeUndefined();
  });
  it('a MedicationStatement with no effective time is dated by dateAsserted', () => {
    const future = medicine('apixaban', { kind: 'MedicationStatement', dateAsserted: daysAgo(-2) });
    expect(cardsOf(withMeds(future))['anticoagulant']).toBeUndefined();
    const past = medicine('apixaban', { kind: 'MedicationStatement', dateAsserted: daysAgo(20) });
    expect(cardsOf(withMeds(past))['anticoagulant']).toBe('warning');
  });
});

describe('missing-data: warfarin with no INR within warfarinInrMaxAgeDays (7)', () => {
  const warfarin = () => medicine({ rxnorm: '11289', display: 'warfarin' });
  it('warfarin with an INR 8 days old: missing-data warning (and anticoagulant warning)', () => {
    const c = cardsOf({ ...withMeds(warfarin()), ...withObs(inr(2.4, daysAgo(8))) });
    expect(c['missing-data']).toBe('warning');
    expect(c['anticoagulant']).toBe('warning');
  });
  it('warfarin with an INR exactly 7 days old: no missing-data', () => {
    const c = cardsOf({ ...withMeds(warfarin()), ...withObs(inr(2.4, daysAgo(7))) });
    expect(c['missing-data']).toBeUndefined();
    expect(c['anticoagulant']).toBe('warning');
  });
  it('warfarin with no INR at all: missing-data; apixaban with no INR: none', () => {
    expect(cardsOf(withMeds(warfarin()))['missing-data']).toBe('warning');
    expect(cardsOf(withMeds(medicine('apixaban')))['missing-data']).toBeUndefined();
  });
  it('warfarin with an INR 2 days old but in an unusable unit: missing-data (no usable INR)', () => {
    const c = cardsOf({ ...withMeds(warfarin()), ...withObs(inr(2.4, daysAgo(2), 'mg/dL')) });
    expect(c['missing-data']).toBe('warning');
  });
  it('warfarin named Coumadin counts as warfarin', () => {
    expect(cardsOf(withMeds(medicine('Coumadin 5 mg')))['missing-data']).toBe('warning');
  });
  it('a stopped warfarin needs no INR', () => {
    expect(cardsOf(withMeds(medicine('warfarin', { status: 'stopped' })))['missing-data']).toBeUndefined();
  });
});
