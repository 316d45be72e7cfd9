// SCREENING.md section 4 "Dates" (observation time precedence, date-only, no zone, after as-of),
// "Observations" value/unit readings, and medicationReference resolution for current medicines.
import { describe, expect, it } from 'vitest';
import {
  condition,
  daysAgo,
  hoursAgo,
  indication,
  injectate,
  inr,
  medicationResource,
  medicine,
  observation,
  temperature,
  weight,
  type Entry,
  type JsonObject,
  type Resource,
} from './build-request.js';
import { cardsOf } from './harness.js';

const withObs = (...obs: Resource[]) => ({ observations: [weight(70), ...obs] });
const bleeding = (...obs: Resource[]) => cardsOf(withObs(...obs))['bleeding-risk'];
const fever = (...obs: Resource[]) => cardsOf(withObs(...obs))['systemic-illness'];
/** An INR of 4.0 whose only time elements are `times`. */
const inrAt = (times: JsonObject) => observation('inr', 4.0, null, null, times);

describe('observation time: effectiveDateTime, else effectiveInstant, else effectivePeriod.start, else issued', () => {
  it('issued alone dates the reading', () => {
    expect(bleeding(inrAt({ issued: daysAgo(1) }))).toBe('critical');
  });
  it('effectiveInstant alone dates the reading', () => {
    expect(bleeding(inrAt({ effectiveInstant: daysAgo(1) }))).toBe('critical');
  });
  it('effectivePeriod.start alone dates the reading', () => {
    expect(bleeding(inrAt({ effectivePeriod: { start: daysAgo(2), end: daysAgo(1) } }))).toBe('critical');
  });
  it('effectiveDateTime wins over issued (drawn 40 days ago, issued yesterday: stale)', () => {
    expect(bleeding(inrAt({ effectiveDateTime: daysAgo(40), issued: daysAgo(1) }))).toBeUndefined();
  });
  it('effectiveDateTime wins over effectivePeriod.start', () => {
    expect(bleeding(inrAt({ effectiveDateTime: daysAgo(40), effectivePeriod: { start: daysAgo(1) } }))).toBeUndefined();
  });
  it('effectivePeriod.start wins over issued', () => {
    expect(bleeding(inrAt({ effectivePeriod: { start: daysAgo(40) }, issued: daysAgo(1) }))).toBeUndefined();
  });
  it('an Observation with no time at all is not used', () => {
    expect(bleeding(inrAt({}))).toBeUndefined();
    expect(fever(observation('temperature', 39.5, 'Cel', null))).toBeUndefined();
  });
  it('an Observation whose own time is after as-of is ignored, even with an earlier issued', () => {
    expect(bleeding(inrAt({ effectiveDateTime: daysAgo(-1), issued: daysAgo(2) }))).toBeUndefined();
  });
  it('a temperature taken 30 h ago but issued 1 h ago is not within 24 h', () => {
    const t = observation('temperature', 39, 'Cel', hoursAgo(30), { issued: hoursAgo(1) });
    expect(fever(t)).toBeUndefined();
  });
});

describe('dates: date only is the start of the day UTC, a time without zone is UTC', () => {
  // as-of 2026-11-27T10:00Z: 24 h before is 2026-11-26T10:00Z.
  it('a temperature dated 2026-11-27 (00:00Z, 10 h before) is within 24 h; 2026-11-26 (34 h) is not', () => {
    expect(fever(temperature(39, '2026-11-27'))).toBe('critical');
    expect(fever(temperature(39, '2026-11-26'))).toBeUndefined();
  });
  it('2026-11-26T11:00:00 (no zone: 23 h before) fires; 2026-11-26T09:00:00 (25 h) does not', () => {
    expect(fever(temperature(39, '2026-11-26T11:00:00'))).toBe('critical');
    expect(fever(temperature(39, '2026-11-26T09:00:00'))).toBeUndefined();
  });
  it('an offset is honoured: 2026-11-26T12:00:00+03:00 is 09:00Z, 25 h before', () => {
    expect(fever(temperature(39, '2026-11-26T12:00:00+03:00'))).toBeUndefined();
    expect(fever(temperature(39, '2026-11-26T12:00:00-03:00'))).toBe('critical');
  });
  it('an INR dated 2026-10-28 (start of day, 30 days 10 h before) is outside the 30 days; 2026-10-29 inside', () => {
    expect(bleeding(inr(4, '2026-10-28'))).toBeUndefined();
    expect(bleeding(inr(4, '2026-10-29'))).toBe('critical');
  });
});

describe('values and units', () => {
  it('the newest reading with no value falls back to the next newest', () => {
    const noValue = observation('inr', 0, null, daysAgo(1), { valueQuantity: { unit: 'INR' } });
    expect(bleeding(noValue, inr(3.7, daysAgo(4)))).toBe('critical');
    const stringValue = observation('inr', 0, null, daysAgo(1), { valueQuantity: undefined, valueString: 'high' });
    expect(bleeding(stringValue, inr(3.7, daysAgo(4)))).toBe('critical');
  });
  it('the newest weight with an unusable unit falls back to the next newest weight', () => {
    const obs = [observation('weight', 11, 'stone', daysAgo(1)), weight(50, daysAgo(20))];
    const c = cardsOf({ observations: obs, orders: [injectate('lidocaine-1pct', 18)] });
    expect(c['missing-data']).toBeUndefined();
    expect(c['dose-near-limit']).toBe('warning'); // 180 mg of 225 mg (50 kg)
  });
  it("the Quantity's code is read when the catalogue knows it, else its unit", () => {
    const unitOnly = observation('temperature', 100.4, null, hoursAgo(2), {
      valueQuantity: { value: 100.4, code: 'degrees-F', unit: '°F' },
    });
    expect(fever(unitOnly)).toBe('critical');
    // code [degF] is known: 99 F (37.2 C), whatever the unit text says.
    const codeWins = observation('temperature', 99, null, hoursAgo(2), {
      valueQuantity: { value: 99, code: '[degF]', unit: 'Cel', system: 'http://unitsofmeasure.org' },
    });
    expect(fever(codeWins)).toBeUndefined();
  });
  it('only valueQuantity is read for a temperature (valueString "39.5" is not)', () => {
    const t = observation('temperature', 0, null, hoursAgo(1), { valueQuantity: undefined, valueString: '39.5 C' });
    expect(fever(t)).toBeUndefined();
  });
  it('an Observation with an unrelated LOINC code (pain score) is not a temperature', () => {
    const pain = observation('temperature', 39, 'Cel', hoursAgo(1), {
      code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
    });
    expect(fever(pain)).toBeUndefined();
  });
});

describe('Condition dates: onset, else recordedDate', () => {
  const sepsis = (onset?: string, recorded?: string) =>
    cardsOf({ conditions: [indication(), condition('A41.9', { onset, recorded })] })['systemic-illness'];
  it('no onset and a recordedDate after as-of: ignored', () => {
    expect(sepsis(undefined, daysAgo(-1))).toBeUndefined();
  });
  it('an onset before as-of wins over a later recordedDate: counts', () => {
    expect(sepsis(daysAgo(2), daysAgo(-1))).toBe('critical');
  });
  it('an onset after as-of is ignored even with an earlier recordedDate', () => {
    expect(sepsis(daysAgo(-1), daysAgo(2))).toBeUndefined();
  });
  it('an onset dated as-of day (date only: start of that day) counts; the next day does not', () => {
    expect(sepsis('2026-11-27')).toBe('critical');
    expect(sepsis('2026-11-28')).toBeUndefined();
  });
  it('a Condition with no time counts', () => {
    expect(sepsis()).toBe('critical');
  });
});

describe('medicationReference resolution (current medicines)', () => {
  const anticoag = (meds: readonly (Resource | Entry)[], extraDraft: Resource[] = []) =>
    cardsOf({ medications: meds, extraDraft })['anticoagulant'];
  it('a contained Medication (#id)', () => {
    const m = medicine('', {
      reference: { reference: '#apx' },
      contained: [medicationResource('apx', { rxnorm: '1364430' })],
    });
    expect(anticoag([m])).toBe('warning');
  });
  it('a Medication in the prefetch Bundle, by Medication/id and by fullUrl', () => {
    const med: Entry = {
      fullUrl: 'http://ehr.example/fhir/Medication/riv',
      resource: medicationResource('riv', { text: 'Xarelto 20 mg' }),
    };
    expect(anticoag([medicine('', { reference: { reference: 'Medication/riv' } }), med])).toBe('warning');
    expect(anticoag([medicine('', { reference: { reference: 'http://ehr.example/fhir/Medication/riv' } }), med])).toBe(
      'warning',
    );
  });
  it('a Medication in draftOrders', () => {
    const m = medicine('', { reference: { reference: 'Medication/clo' } });
    expect(anticoag([m], [medicationResource('clo', { text: 'clopidogrel 75 mg' })])).toBe('warning');
  });
  it('an unresolved reference: its display is read', () => {
    expect(anticoag([medicine('', { reference: { reference: 'Medication/gone', display: 'Eliquis 5 mg' } })])).toBe(
      'warning',
    );
    expect(anticoag([medicine('', { reference: { reference: 'Medication/gone', display: 'Paracetamol' } })])).toBe(
      undefined,
    );
  });
  it('Jantoven names warfarin: an INR is then needed', () => {
    expect(cardsOf({ medications: [medicine('Jantoven 2 mg')], observations: [weight(70)] })['missing-data']).toBe(
      'warning',
    );
  });
});
