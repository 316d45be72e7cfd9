// SCREENING.md section 3 rows systemic-illness, skin-infection-at-site, skin-infection-elsewhere;
// section 4 "Infection sites" and the fever exception of "Observations".
import { describe, expect, it } from 'vitest';
import {
  condition,
  hoursAgo,
  indication,
  muscleAndRegionSite,
  muscleSite,
  observation,
  regionSite,
  snomedSite,
  temperature,
  tpiOrder,
  weight,
  type JsonObject,
  type Resource,
} from './build-request.js';
import { cardsOf, run } from './harness.js';

const withObs = (...obs: Resource[]) => ({ observations: [weight(70), ...obs] });
const withConditions = (...cs: Resource[]) => ({ conditions: [indication(), ...cs] });

describe('baseline', () => {
  it('the default request is a clean screen: no card, verdict proceed', () => {
    const out = run();
    expect(out.byCode).toEqual({});
    expect(out.verdict).toBe('proceed');
  });
});

describe('systemic-illness: fever (section 3, default feverCelsius 38.0, feverLookbackHours 24)', () => {
  it('exactly 38.0 C fires critical', () => {
    expect(cardsOf(withObs(temperature(38.0)))['systemic-illness']).toBe('critical');
  });
  it('37.9 C does not fire', () => {
    expect(cardsOf(withObs(temperature(37.9)))['systemic-illness']).toBeUndefined();
  });
  it('100.4 F ([degF]) is 38.0 C and fires', () => {
    const t = observation('temperature', 100.4, '[degF]', hoursAgo(2));
    expect(cardsOf(withObs(t))['systemic-illness']).toBe('critical');
  });
  it('100.2 F (37.9 C) does not fire', () => {
    const t = observation('temperature', 100.2, '[degF]', hoursAgo(2));
    expect(cardsOf(withObs(t))['systemic-illness']).toBeUndefined();
  });
  it('the unit spellings °C and °F are read', () => {
    expect(cardsOf(withObs(observation('temperature', 38.4, '°C', hoursAgo(2))))['systemic-illness']).toBe('critical');
    expect(cardsOf(withObs(observation('temperature', 101, '°F', hoursAgo(2))))['systemic-illness']).toBe('critical');
  });
  it('a fever exactly 24 h before as-of fires; 25 h before does not', () => {
    expect(cardsOf(withObs(temperature(39, hoursAgo(24))))['systemic-illness']).toBe('critical');
    expect(cardsOf(withObs(temperature(39, hoursAgo(25))))['systemic-illness']).toBeUndefined();
  });
  it('a fever that is not the newest reading still fires (antipyretics mask fever)', () => {
    const obs = withObs(temperature(38.6, hoursAgo(10)), temperature(36.7, hoursAgo(1)));
    expect(cardsOf(obs)['systemic-illness']).toBe('critical');
  });
  it('a fever taken exactly at as-of counts', () => {
    expect(cardsOf(withObs(temperature(38.1, hoursAgo(0))))['systemic-illness']).toBe('critical');
  });
  it('a fever dated after as-of is ignored', () => {
    expect(cardsOf(withObs(temperature(39.5, hoursAgo(-1))))['systemic-illness']).toBeUndefined();
  });
  it('a preliminary or cancelled temperature is not used; amended and corrected are', () => {
    const t = (status: string) => observation('temperature', 39, 'Cel', hoursAgo(2), { status });
    expect(cardsOf(withObs(t('preliminary')))['systemic-illness']).toBeUndefined();
    expect(cardsOf(withObs(t('cancelled')))['systemic-illness']).toBeUndefined();
    expect(cardsOf(withObs(t('amended')))['systemic-illness']).toBe('critical');
    expect(cardsOf(withObs(t('corrected')))['systemic-illness']).toBe('critical');
  });
  it('other temperature LOINC codes of the catalogue count (8331-1 oral)', () => {
    const t = observation('temperature', 38.5, 'Cel', hoursAgo(2), {
      code: { coding: [{ system: 'http://loinc.org', code: '8331-1' }] },
    });
    expect(cardsOf(withObs(t))['systemic-illness']).toBe('critical');
  });
  it('a temperature in an unknown unit is not used', () => {
    expect(cardsOf(withObs(observation('temperature', 311.5, 'K', hoursAgo(2))))['systemic-illness']).toBeUndefined();
  });
});

describe('systemic-illness: systemic infection Condition', () => {
  it('active sepsis (A41.9) fires critical', () => {
    expect(cardsOf(withConditions(condition('A41.9')))['systemic-illness']).toBe('critical');
  });
  it('codes match by prefix with dots ignored (J189, N10, U07.1)', () => {
    expect(cardsOf(withConditions(condition('J189')))['systemic-illness']).toBe('critical');
    expect(cardsOf(withConditions(condition('N10')))['systemic-illness']).toBe('critical');
    expect(cardsOf(withConditions(condition('U07.1')))['systemic-illness']).toBe('critical');
  });
  it('ICD-10 (WHO) codings count like ICD-10-CM', () => {
    const c = condition('A41.9', { system: 'http://hl7.org/fhir/sid/icd-10' });
    expect(cardsOf(withConditions(c))['systemic-illness']).toBe('critical');
  });
  it('resolved, inactive or remission sepsis does not fire', () => {
    for (const clinical of ['resolved', 'inactive', 'remission']) {
      expect(cardsOf(withConditions(condition('A41.9', { clinical })))['systemic-illness']).toBeUndefined();
    }
  });
  it('recurrence, relapse and an absent clinicalStatus count', () => {
    for (const clinical of ['recurrence', 'relapse', null]) {
      expect(cardsOf(withConditions(condition('A41.9', { clinical })))['systemic-illness']).toBe('critical');
    }
  });
  it('refuted or entered-in-error sepsis does not fire; unconfirmed/provisional does', () => {
    expect(
      cardsOf(withConditions(condition('A41.9', { verification: 'refuted' })))['systemic-illness'],
    ).toBeUndefined();
    expect(
      cardsOf(withConditions(condition('A41.9', { verification: 'entered-in-error' })))['systemic-illness'],
    ).toBeUndefined();
    expect(cardsOf(withConditions(condition('A41.9', { verification: 'provisional' })))['systemic-illness']).toBe(
      'critical',
    );
  });
  it('a fever code outside the set (R50.2 drug fever) does not fire', () => {
    expect(cardsOf(withConditions(condition('R50.2')))['systemic-illness']).toBeUndefined();
  });
  it('a sepsis Condition whose onset is after as-of is ignored', () => {
    const c = condition('A41.9', { onset: hoursAgo(-2) });
    expect(cardsOf(withConditions(c))['systemic-illness']).toBeUndefined();
  });
});

// Planned: rhomboids (region upper-back) on the left, unless a test says otherwise.
const plan = (...sites: JsonObject[]) => ({ sites: sites.length > 0 ? sites : [muscleSite('rhomboids', 'left')] });
const infection = (bodySite?: JsonObject[], code = 'L03.312') => condition(code, { bodySite });
const screenInfection = (inf: Resource, sites: JsonObject[] = []) =>
  cardsOf({ ...plan(...sites), ...withConditions(inf) });

describe('skin infection at a planned site or elsewhere', () => {
  it('cellulitis over the planned region and side: at-site critical, no elsewhere card', () => {
    const c = screenInfection(infection([regionSite('upper-back', 'left')]));
    expect(c['skin-infection-at-site']).toBe('critical');
    expect(c['skin-infection-elsewhere']).toBeUndefined();
  });
  it('same region, other side: elsewhere (info) only', () => {
    const c = screenInfection(infection([regionSite('upper-back', 'right')]));
    expect(c['skin-infection-at-site']).toBeUndefined();
    expect(c['skin-infection-elsewhere']).toBe('info');
  });
  it('another region: elsewhere (info)', () => {
    const c = screenInfection(infection([regionSite('lower-back', 'left')]));
    expect(c['skin-infection-at-site']).toBeUndefined();
    expect(c['skin-infection-elsewhere']).toBe('info');
  });
  it('an infection coded by a muscle that shares a region (infraspinatus: upper-back) is at the site', () => {
    expect(screenInfection(infection([muscleSite('infraspinatus', 'left')]))['skin-infection-at-site']).toBe(
      'critical',
    );
  });
  it('a muscle standing for several regions meets a site through any of them (levator: neck-posterior)', () => {
    const c = screenInfection(infection([regionSite('neck-posterior')]), [muscleSite('levator-scapulae', 'left')]);
    expect(c['skin-infection-at-site']).toBe('critical');
  });
  it('both sides on the infection meets a left site; no laterality means both', () => {
    expect(screenInfection(infection([regionSite('upper-back', 'both')]))['skin-infection-at-site']).toBe('critical');
    expect(screenInfection(infection([regionSite('upper-back', null)]))['skin-infection-at-site']).toBe('critical');
  });
  it('a planned site with both sides, no laterality or an unknown laterality code meets a right-sided infection', () => {
    const inf = infection([regionSite('upper-back', 'right')]);
    expect(screenInfection(inf, [muscleSite('rhomboids', 'both')])['skin-infection-at-site']).toBe('critical');
    expect(screenInfection(inf, [muscleSite('rhomboids', null)])['skin-infection-at-site']).toBe('critical');
    expect(screenInfection(inf, [muscleSite('rhomboids', '123456789')])['skin-infection-at-site']).toBe('critical');
  });
  it('an infection with no bodySite (absent or empty) counts as at every site', () => {
    expect(screenInfection(infection([]))['skin-infection-at-site']).toBe('critical');
    const c = screenInfection(infection(undefined));
    expect(c['skin-infection-at-site']).toBe('critical');
    expect(c['skin-infection-elsewhere']).toBeUndefined();
  });
  it('a bodySite carrying a muscle and a region stands for the union of their regions', () => {
    // gluteus-maximus is buttock only; upper-back comes from the region coding.
    const oneConcept = infection([muscleAndRegionSite('gluteus-maximus', 'upper-back', 'left')]);
    expect(screenInfection(oneConcept)['skin-infection-at-site']).toBe('critical');
    const twoEntries = infection([muscleSite('gluteus-maximus', 'left'), regionSite('upper-back', 'left')]);
    expect(screenInfection(twoEntries)['skin-infection-at-site']).toBe('critical');
  });
  it('an unrecognisable bodySite entry makes the infection count at every site', () => {
    const inf = infection([regionSite('lower-back', 'right'), snomedSite('123037004')]);
    expect(screenInfection(inf)['skin-infection-at-site']).toBe('critical');
  });
  it('an unknown muscle or region code on the infection makes it count at every site', () => {
    const unknownMuscle = infection([muscleSite('biceps-brachii', 'right')]);
    expect(screenInfection(unknownMuscle)['skin-infection-at-site']).toBe('critical');
    const unknownRegion = infection([regionSite('knee', 'right')]);
    expect(screenInfection(unknownRegion)['skin-infection-at-site']).toBe('critical');
  });
  it('a planned site carrying the muscle coding and a SNOMED CT coding is recognised', () => {
    const site: JsonObject = {
      ...muscleSite('rhomboids', 'left'),
      coding: [
        { system: 'http://snomed.info/sct', code: '31764008' },
        { system: 'https://knotwork.dev/fhir/CodeSystem/muscle', code: 'rhomboids' },
      ],
    };
    const c = screenInfection(infection([regionSite('upper-back', 'left')]), [site]);
    expect(c['skin-infection-at-site']).toBe('critical');
    expect(c['unrecognised-order']).toBeUndefined();
  });
  it('each infection is judged on its own: at-site and elsewhere can both appear', () => {
    const out = run({
      ...plan(),
      ...withConditions(
        infection([regionSite('upper-back', 'left')]),
        infection([regionSite('thigh', 'left')], 'L02.415'),
      ),
    });
    expect(out.byCode['skin-infection-at-site']).toBe('critical');
    expect(out.byCode['skin-infection-elsewhere']).toBe('info');
  });
  it('a resolved infection, or a code outside skinInfection (L40 psoriasis), gives no infection card', () => {
    for (const inf of [condition('L03.312', { clinical: 'resolved' }), condition('L40.0')]) {
      const c = screenInfection(inf);
      expect(c['skin-infection-at-site']).toBeUndefined();
      expect(c['skin-infection-elsewhere']).toBeUndefined();
    }
  });
  it('other skinInfection prefixes count (B02.9 zoster, T81.41 wound infection)', () => {
    expect(screenInfection(infection(undefined, 'B02.9'))['skin-infection-at-site']).toBe('critical');
    expect(screenInfection(infection(undefined, 'T81.41XA'))['skin-infection-at-site']).toBe('critical');
  });
  it('the infection is judged against the sites of every TPI order together', () => {
    const c = cardsOf({
      serviceRequests: [tpiOrder([muscleSite('gluteus-maximus', 'left')]), tpiOrder([muscleSite('rhomboids', 'left')])],
      ...withConditions(infection([regionSite('upper-back', 'left')])),
    });
    expect(c['skin-infection-at-site']).toBe('critical');
  });
  it('with no recognised site every infection is elsewhere, even one with no bodySite', () => {
    for (const inf of [infection([regionSite('upper-back', 'left')]), infection(undefined)]) {
      const c = screenInfection(inf, [snomedSite('31764008', 'left')]);
      expect(c['unrecognised-order']).toBe('warning');
      expect(c['skin-infection-at-site']).toBeUndefined();
      expect(c['skin-infection-elsewhere']).toBe('info');
    }
  });
  it('the at-site summary names the sites in catalogue order', () => {
    const out = run({
      sites: [muscleSite('rhomboids', 'left'), muscleSite('trapezius-middle-lower', 'left')],
      ...withConditions(infection([regionSite('upper-back', 'left')])),
    });
    const summary =
      out.cards.find((c) => c.source.topic.code === 'skin-infection-at-site')?.summary.toLowerCase() ?? '';
    if (summary.includes('trapezius') && summary.includes('rhomboid')) {
      expect(summary.indexOf('trapezius')).toBeLessThan(summary.indexOf('rhomboid'));
    } else {
      expect(summary).toMatch(/2/);
    }
  });
  it('an infection whose onset is after as-of is ignored', () => {
    const c = screenInfection(condition('L03.312', { onset: hoursAgo(-5) }));
    expect(c['skin-infection-at-site']).toBeUndefined();
    expect(c['skin-infection-elsewhere']).toBeUndefined();
  });
});
