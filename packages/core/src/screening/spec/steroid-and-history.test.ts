// SCREENING.md section 3 rows steroid-interval (42 days), steroid-frequency (3 in 365 days on
// distinct UTC days) and diabetes-steroid; section 4 "Statuses", "Dates" and medicationReference.
import { describe, expect, it } from 'vitest';
import {
  administration,
  condition,
  daysAgo,
  hoursAgo,
  indication,
  injectate,
  medicationResource,
  type AdministrationOptions,
  type ConceptSpec,
  type Entry,
  type Resource,
} from './build-request.js';
import { cardsOf } from './harness.js';

const STEROID = () => [injectate('lidocaine-1pct', 5), injectate('triamcinolone-40', 1)];
const kenalog = (
  at: string | null,
  opts: AdministrationOptions = {},
  product: ConceptSpec | string = 'triamcinolone-40',
) => administration(product, { ml: 1, at, ...opts });
const history = (admins: readonly (Resource | Entry)[], orders: Resource[] = STEROID(), extra: Resource[] = []) =>
  cardsOf({ orders, medicationAdministrations: admins, conditions: [indication(), ...extra] });
const interval = (admins: readonly (Resource | Entry)[], orders?: Resource[]) =>
  history(admins, orders)['steroid-interval'];
const frequency = (admins: Resource[], orders?: Resource[]) => history(admins, orders)['steroid-frequency'];

describe('steroid-interval (steroidMinIntervalDays 42)', () => {
  it('a steroid given exactly 42 days before as-of: warning', () => {
    expect(interval([kenalog(daysAgo(42))])).toBe('warning');
  });
  it('43 days before: no card', () => {
    expect(interval([kenalog(daysAgo(43))])).toBeUndefined();
  });
  it('any corticosteroid counts (methylprednisolone given, triamcinolone planned)', () => {
    expect(interval([kenalog(daysAgo(20), {}, 'methylprednisolone-40')])).toBe('warning');
    expect(interval([kenalog(daysAgo(20), {}, { rxnorm: '3264' })])).toBe('warning');
    expect(interval([kenalog(daysAgo(20), {}, { text: 'Kenalog-40 injection' })])).toBe('warning');
  });
  it('whatever the route (oral dexamethasone counts)', () => {
    expect(interval([kenalog(daysAgo(20), { route: '26643006' }, { text: 'dexamethasone 4 mg tablet' })])).toBe(
      'warning',
    );
  });
  it('not-done and entered-in-error administrations do not count', () => {
    expect(interval([kenalog(daysAgo(20), { status: 'not-done' })])).toBeUndefined();
    expect(interval([kenalog(daysAgo(20), { status: 'entered-in-error' })])).toBeUndefined();
  });
  it('a local anaesthetic given earlier is not a steroid', () => {
    expect(interval([kenalog(daysAgo(10), {}, 'lidocaine-1pct')])).toBeUndefined();
  });
  it('no steroid planned: no steroid card whatever the history', () => {
    const c = history(
      [kenalog(daysAgo(5)), kenalog(daysAgo(50)), kenalog(daysAgo(90))],
      [injectate('lidocaine-1pct', 5)],
    );
    expect(c['steroid-interval']).toBeUndefined();
    expect(c['steroid-frequency']).toBeUndefined();
  });
  it('an administration dated by effectivePeriod counts', () => {
    const a = kenalog(null);
    a['effectivePeriod'] = { start: daysAgo(10), end: daysAgo(10) };
    expect(interval([a])).toBe('warning');
  });
  it('an administration exactly at as-of counts', () => {
    expect(interval([kenalog(hoursAgo(0))])).toBe('warning');
  });
  it('an administration after as-of is ignored', () => {
    expect(interval([kenalog(hoursAgo(-2))])).toBeUndefined();
  });
  it('a steroid planned by class only ("steroid injection") or by RxNorm ingredient is checked', () => {
    const byClass = [injectate('lidocaine-1pct', 5), injectate({ text: 'steroid injection' }, 1)];
    const c = history([kenalog(daysAgo(10))], byClass);
    expect(c['steroid-interval']).toBe('warning');
    expect(c['unrecognised-order']).toBe('warning');
    expect(interval([kenalog(daysAgo(10))], [injectate({ rxnorm: '10759' }, 1)])).toBe('warning');
  });
});

describe('dates (section 4): date only, no zone, offsets', () => {
  // as-of 2026-11-27T10:00Z; 42 days before is 2026-10-16T10:00Z.
  it('a date without time is the start of that day UTC: 2026-10-16 is before the window, 2026-10-17 inside', () => {
    expect(interval([kenalog('2026-10-16')])).toBeUndefined();
    expect(interval([kenalog('2026-10-17')])).toBe('warning');
  });
  it('a time without zone is UTC: 2026-10-16T09:00:00 outside, 2026-10-16T12:00:00 inside', () => {
    expect(interval([kenalog('2026-10-16T09:00:00')])).toBeUndefined();
    expect(interval([kenalog('2026-10-16T12:00:00')])).toBe('warning');
  });
  it('an offset is honoured: 11:00+02:00 is 09:00Z (outside), 13:00+02:00 is 11:00Z (inside)', () => {
    expect(interval([kenalog('2026-10-16T11:00:00+02:00')])).toBeUndefined();
    expect(interval([kenalog('2026-10-16T13:00:00+02:00')])).toBe('warning');
  });
});

describe('steroid-frequency (3 or more on distinct UTC days within 365 days)', () => {
  it('3 steroid days at 100, 200 and 300 days: warning (and no interval card)', () => {
    const c = history([kenalog(daysAgo(100)), kenalog(daysAgo(200)), kenalog(daysAgo(300))]);
    expect(c['steroid-frequency']).toBe('warning');
    expect(c['steroid-interval']).toBeUndefined();
  });
  it('one of them exactly 365 days old still counts; 366 days old does not', () => {
    expect(frequency([kenalog(daysAgo(100)), kenalog(daysAgo(200)), kenalog(daysAgo(365))])).toBe('warning');
    expect(frequency([kenalog(daysAgo(100)), kenalog(daysAgo(200)), kenalog(daysAgo(366))])).toBeUndefined();
  });
  it('two steroid days: no card', () => {
    expect(frequency([kenalog(daysAgo(100)), kenalog(daysAgo(200))])).toBeUndefined();
  });
  it('3 administrations on the same UTC day count as one', () => {
    const sameDay = ['2026-08-10T08:00:00Z', '2026-08-10T12:00:00Z', '2026-08-10T20:00:00Z'].map((t) => kenalog(t));
    expect(frequency(sameDay)).toBeUndefined();
    expect(frequency([...sameDay, kenalog(daysAgo(200))])).toBeUndefined();
    expect(frequency([...sameDay, kenalog(daysAgo(200)), kenalog(daysAgo(300))])).toBe('warning');
  });
  it('distinct days are UTC dates: 2026-08-11T00:30+02:00 is 2026-08-10 UTC, the same day as 2026-08-10T10:00Z', () => {
    const admins = [kenalog('2026-08-10T10:00:00Z'), kenalog('2026-08-11T00:30:00+02:00'), kenalog(daysAgo(200))];
    expect(frequency(admins)).toBeUndefined();
    const split = [kenalog('2026-08-10T23:30:00Z'), kenalog('2026-08-11T00:30:00Z'), kenalog(daysAgo(200))];
    expect(frequency(split)).toBe('warning');
  });
  it('not-done administrations are not steroid days', () => {
    const admins = [kenalog(daysAgo(100)), kenalog(daysAgo(200)), kenalog(daysAgo(300), { status: 'not-done' })];
    expect(frequency(admins)).toBeUndefined();
  });
  it('interval and frequency can both fire', () => {
    const c = history([kenalog(daysAgo(10)), kenalog(daysAgo(100)), kenalog(daysAgo(200))]);
    expect(c['steroid-interval']).toBe('warning');
    expect(c['steroid-frequency']).toBe('warning');
  });
});

describe('diabetes-steroid', () => {
  it('active type 2 diabetes (E11.9) with a steroid planned: warning', () => {
    expect(history([], STEROID(), [condition('E11.9')])['diabetes-steroid']).toBe('warning');
    expect(history([], STEROID(), [condition('E10.65')])['diabetes-steroid']).toBe('warning');
  });
  it('no steroid planned: no card', () => {
    expect(history([], [injectate('lidocaine-1pct', 5)], [condition('E11.9')])['diabetes-steroid']).toBeUndefined();
  });
  it('resolved diabetes, or a non-diabetes E code (E03.9), gives no card', () => {
    expect(history([], STEROID(), [condition('E11.9', { clinical: 'resolved' })])['diabetes-steroid']).toBeUndefined();
    expect(history([], STEROID(), [condition('E03.9')])['diabetes-steroid']).toBeUndefined();
  });
  it('gestational diabetes (O24.41) is both diabetes and pregnancy', () => {
    const c = history([], STEROID(), [condition('O24.410')]);
    expect(c['diabetes-steroid']).toBe('warning');
    expect(c['pregnancy']).toBe('warning');
  });
  it('a class-only steroid order counts', () => {
    const orders = [injectate('lidocaine-1pct', 5), injectate({ text: 'Corticosteroid injection' }, 1)];
    expect(history([], orders, [condition('E11.9')])['diabetes-steroid']).toBe('warning');
  });
});

describe('medicationReference resolution (earlier administrations)', () => {
  const byRef = (reference: string, display?: string, opts: AdministrationOptions = {}) =>
    kenalog(daysAgo(10), { reference: { reference, display }, ...opts });
  it('a contained Medication (#id)', () => {
    const a = byRef('#k', undefined, { contained: [medicationResource('k', 'triamcinolone-40')] });
    expect(interval([a])).toBe('warning');
  });
  it('a Medication in the prefetch Bundle, by fullUrl and by Medication/id', () => {
    const med: Entry = {
      fullUrl: 'urn:uuid:6f1c2f9e-8e0b-4f0e-9d55-7a3c1d2e4b10',
      resource: medicationResource('med-k', 'triamcinolone-40'),
    };
    expect(interval([byRef('urn:uuid:6f1c2f9e-8e0b-4f0e-9d55-7a3c1d2e4b10'), med])).toBe('warning');
    expect(interval([byRef('Medication/med-k'), med])).toBe('warning');
  });
  it('a Medication in draftOrders', () => {
    const c = cardsOf({
      orders: STEROID(),
      extraDraft: [medicationResource('dm1', { text: 'Depo-Medrol 40 mg/mL' })],
      medicationAdministrations: [byRef('Medication/dm1')],
    });
    expect(c['steroid-interval']).toBe('warning');
  });
  it('an unresolved reference falls back to its display', () => {
    expect(interval([byRef('Medication/nowhere', 'Kenalog 40 mg/mL')])).toBe('warning');
    expect(interval([byRef('Medication/nowhere')])).toBeUndefined();
  });
  it('a resolved Medication that names nothing falls back to the display', () => {
    const a = byRef('#v', 'Depo-Medrol', { contained: [medicationResource('v', { text: 'Vial, 1 mL' })] });
    expect(interval([a])).toBe('warning');
  });
  it('a resolved Medication that names something is read, not the display', () => {
    const a = byRef('#l', 'Kenalog', { contained: [medicationResource('l', 'lidocaine-1pct')] });
    expect(interval([a])).toBeUndefined();
  });
});
