// SCREENING.md section 3 rows pregnancy, immunosuppression, no-indication, pneumothorax-risk and
// vasovagal-risk; site naming in summaries; the verdict.
import { describe, expect, it } from 'vitest';
import {
  condition,
  daysAgo,
  indication,
  muscleSite,
  NOT_PREGNANT,
  PREGNANT,
  pregnancyStatus,
  SYS,
  weight,
  type ConditionOptions,
  type Resource,
} from './build-request.js';
import { cardOf, cardsOf, run } from './harness.js';

const withCondition = (code: string, opts: ConditionOptions = {}) =>
  cardsOf({ conditions: [indication(), condition(code, opts)] });
const withObs = (...obs: Resource[]) => cardsOf({ observations: [weight(70), ...obs] });

describe('pregnancy', () => {
  it.each(['Z34.00', 'Z3A.20', 'O09.90', 'Z33.1', 'Z32.01'])('active %s: warning', (code) => {
    expect(withCondition(code)['pregnancy']).toBe('warning');
  });
  it('a negative pregnancy test (Z32.02), O99.89 (no listed prefix) or a resolved pregnancy gives no card', () => {
    expect(withCondition('Z32.02')['pregnancy']).toBeUndefined();
    expect(withCondition('O99.89')['pregnancy']).toBeUndefined();
    expect(withCondition('Z34.00', { clinical: 'resolved' })['pregnancy']).toBeUndefined();
  });
  it('pregnancy status answered pregnant 10 days ago (SNOMED 77386006 or LOINC LA15173-0): warning', () => {
    expect(withObs(pregnancyStatus(PREGNANT, daysAgo(10)))['pregnancy']).toBe('warning');
    expect(withObs(pregnancyStatus({ system: SYS.loinc, code: 'LA15173-0' }, daysAgo(10)))['pregnancy']).toBe(
      'warning',
    );
  });
  it('answered pregnant exactly 14 days ago: warning; 15 days ago: none', () => {
    expect(withObs(pregnancyStatus(PREGNANT, daysAgo(14)))['pregnancy']).toBe('warning');
    expect(withObs(pregnancyStatus(PREGNANT, daysAgo(15)))['pregnancy']).toBeUndefined();
  });
  it('answered not pregnant: none; a newer "not pregnant" supersedes an older "pregnant"', () => {
    expect(withObs(pregnancyStatus(NOT_PREGNANT, daysAgo(2)))['pregnancy']).toBeUndefined();
    const obs = [pregnancyStatus(PREGNANT, daysAgo(10)), pregnancyStatus(NOT_PREGNANT, daysAgo(2))];
    expect(withObs(...obs)['pregnancy']).toBeUndefined();
  });
  it('a preliminary or future pregnancy status is not used', () => {
    expect(withObs(pregnancyStatus(PREGNANT, daysAgo(2), 'preliminary'))['pregnancy']).toBeUndefined();
    expect(withObs(pregnancyStatus(PREGNANT, daysAgo(-1)))['pregnancy']).toBeUndefined();
  });
});

describe('immunosuppression', () => {
  it.each(['D84.9', 'Z79.52', 'B20', 'Z94.0', 'D70.1'])('active %s: warning', (code) => {
    expect(withCondition(code)['immunosuppression']).toBe('warning');
  });
  it('Z79.51 (inhaled steroids, not in the set) or a resolved D84.9 gives no card', () => {
    expect(withCondition('Z79.51')['immunosuppression']).toBeUndefined();
    expect(withCondition('D84.9', { clinical: 'resolved' })['immunosuppression']).toBeUndefined();
  });
});

describe('no-indication', () => {
  it('no Condition at all: warning', () => {
    expect(cardsOf({ conditions: [] })['no-indication']).toBe('warning');
  });
  it.each(['M54.2', 'M79.7', 'G89.29', 'M62.830', 'S16.1XXA', 'G44.209'])('an active indication %s: none', (code) => {
    expect(cardsOf({ conditions: [condition(code)] })['no-indication']).toBeUndefined();
  });
  it('a resolved indication, or only a non-indication Condition (K21.9): warning', () => {
    expect(cardsOf({ conditions: [condition('M54.2', { clinical: 'resolved' })] })['no-indication']).toBe('warning');
    expect(cardsOf({ conditions: [condition('K21.9')] })['no-indication']).toBe('warning');
  });
  it('an indication with no clinicalStatus counts; a refuted one does not', () => {
    expect(cardsOf({ conditions: [condition('M54.2', { clinical: null })] })['no-indication']).toBeUndefined();
    expect(cardsOf({ conditions: [condition('M54.2', { verification: 'refuted' })] })['no-indication']).toBe('warning');
  });
  it('M54.50 low back pain matches the M54.5 prefix', () => {
    expect(cardsOf({ conditions: [condition('M54.50')] })['no-indication']).toBeUndefined();
  });
});

describe('pneumothorax-risk', () => {
  const pleural = (...muscles: string[]) =>
    cardsOf({ sites: muscles.map((m) => muscleSite(m, 'left')) })['pneumothorax-risk'];
  it.each(['intercostals', 'rhomboids', 'latissimus-dorsi', 'serratus-anterior', 'pectoralis', 'thoracic-paraspinals'])(
    '%s (high or very high): warning',
    (muscle) => expect(pleural(muscle)).toBe('warning'),
  );
  it.each(['trapezius-upper', 'levator-scapulae', 'scalenes'])('%s (moderate): info', (muscle) => {
    expect(pleural(muscle)).toBe('info');
  });
  it.each(['supraspinatus', 'quadratus-lumborum', 'gluteus-maximus', 'cervical-paraspinals'])(
    '%s (low or none): no card',
    (muscle) => expect(pleural(muscle)).toBeUndefined(),
  );
  it('moderate and high together: one warning card', () => {
    const out = run({ sites: [muscleSite('trapezius-upper', 'left'), muscleSite('rhomboids', 'right')] });
    expect(out.byCode['pneumothorax-risk']).toBe('warning');
    expect(out.duplicates).toEqual([]);
  });
  it('the summary names the sites in catalogue order (or says how many)', () => {
    const out = run({
      sites: ['intercostals', 'rhomboids', 'trapezius-middle-lower'].map((m) => muscleSite(m, 'left')),
    });
    const summary = cardOf(out, 'pneumothorax-risk')?.summary.toLowerCase() ?? '';
    const at = ['trapezius', 'rhomboid', 'intercostal'].map((w) => summary.indexOf(w));
    if (at.every((i) => i >= 0)) expect([...at].sort((a, b) => a - b)).toEqual(at);
    else expect(summary).toMatch(/\b3\b/);
  });
  it('many sites still fit in 140 characters', () => {
    const muscles = ['trapezius-middle-lower', 'rhomboids', 'latissimus-dorsi', 'serratus-anterior', 'pectoralis'];
    const sites = [...muscles, 'intercostals', 'thoracic-paraspinals'].flatMap((m) => [
      muscleSite(m, 'left'),
      muscleSite(m, 'right'),
    ]);
    const card = cardOf(run({ sites }), 'pneumothorax-risk');
    expect(card?.indicator).toBe('warning');
    expect(card?.summary.length).toBeLessThanOrEqual(140);
    const names = ['trapezius', 'rhomboid', 'latissimus', 'serratus', 'pectoral', 'intercostal', 'thoracic paraspinal'];
    const summary = card?.summary.toLowerCase() ?? '';
    if (!names.every((n) => summary.includes(n))) expect(summary).toMatch(/\d/); // says how many
  });
});

describe('vasovagal-risk (any clinical status)', () => {
  it.each(['active', 'resolved', 'inactive', 'remission'])('R55 syncope, %s: info', (clinical) => {
    expect(withCondition('R55', { clinical })['vasovagal-risk']).toBe('info');
  });
  it('F40.231 fear of injections: info', () => {
    expect(withCondition('F40.231')['vasovagal-risk']).toBe('info');
  });
  it('refuted or entered-in-error: none', () => {
    expect(withCondition('R55', { verification: 'refuted' })['vasovagal-risk']).toBeUndefined();
    expect(withCondition('R55', { verification: 'entered-in-error' })['vasovagal-risk']).toBeUndefined();
  });
});

describe('verdict: the highest indicator among the cards', () => {
  it('info only: proceed', () => {
    const out = run({ conditions: [indication(), condition('R55')] });
    expect(out.byCode).toEqual({ 'vasovagal-risk': 'info' });
    expect(out.verdict).toBe('proceed');
  });
  it('a warning: caution', () => {
    expect(run({ conditions: [indication(), condition('D84.9'), condition('R55')] }).verdict).toBe('caution');
  });
  it('a critical: do-not-proceed', () => {
    expect(run({ conditions: [indication(), condition('A41.9'), condition('D84.9')] }).verdict).toBe('do-not-proceed');
  });
});
