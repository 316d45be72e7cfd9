// Systemic illness and skin infection (SCREENING.md section 3; REFERENCE.md 2.1 systemic_infection
// and site_infection).
import { HOUR_MS } from '../util/fhir-time.js';
import type { PlannedSite } from './read-request.js';
import type { ConditionFact } from './read-record.js';
import {
  namesPhrase,
  notFired,
  round,
  sidesMeet,
  when,
  withConversion,
  type Evaluator,
  type Fact,
} from './rule-outcome.js';
import type { ScreenFacts } from './screen-facts.js';

const TOLERANCE = 1e-9;

export const systemicFever: Evaluator = (f) => {
  const { feverCelsius, feverLookbackHours } = f.policy;
  const window = (f.readings.get('bodyTemperature') ?? []).filter(
    (r) => r.time >= f.asOf - feverLookbackHours * HOUR_MS,
  );
  const fevers = window.filter((r) => r.value >= feverCelsius - TOLERANCE);
  const facts: Fact[] = (fevers.length > 0 ? fevers : window).map((r) => ({
    path: r.path,
    text: `temperature ${withConversion(r.written, r.value, '°C', ['Cel', '°C'])} at ${when(r.time)}`,
  }));
  if (fevers.length === 0) {
    return notFired(
      facts.length > 0
        ? facts
        : [{ path: '$.prefetch.observations', text: `no temperature in the ${feverLookbackHours} h before as-of` }],
    );
  }
  const highest = Math.max(...fevers.map((r) => r.value));
  return {
    fired: true,
    facts,
    summary: `Fever ${round(highest, 1)} °C in the last ${feverLookbackHours} h (limit ${feverCelsius} °C)`,
  };
};

function conditionFacts(conditions: readonly ConditionFact[]): Fact[] {
  return conditions.map((c) => ({ path: c.path, text: c.label }));
}

export const systemicInfection: Evaluator = (f) => {
  const found = f.activeIn('systemicInfection');
  if (found.length === 0) return notFired();
  return {
    fired: true,
    facts: conditionFacts(found),
    summary: `Active systemic infection: ${namesPhrase(found.map((c) => c.label))}`,
  };
};

/** The planned sites a skin infection overlaps: a shared region and sides that meet. */
export function overlappedSites(f: ScreenFacts, infection: ConditionFact): PlannedSite[] {
  if (infection.sites === 'everywhere') return [...f.recognisedSites];
  const where = infection.sites;
  return f.recognisedSites.filter((site) =>
    where.some((w) => sidesMeet(w.side, site.side) && site.muscle?.muscle.regions.some((r) => w.regions.includes(r))),
  );
}

function describeWhere(c: ConditionFact): string {
  if (c.sites === 'everywhere') return 'no recognisable body site, so it counts at every site';
  return c.sites.map((s) => `${s.regions.join('/')} (${s.side})`).join('; ');
}

export const infectionAtSite: Evaluator = (f) => {
  const facts: Fact[] = [];
  const sites: PlannedSite[] = [];
  for (const inf of f.activeIn('skinInfection')) {
    const overlap = overlappedSites(f, inf);
    if (overlap.length === 0) continue;
    facts.push({ path: inf.path, text: `${inf.label} at ${describeWhere(inf)}` });
    for (const s of overlap) if (!sites.includes(s)) sites.push(s);
  }
  if (sites.length === 0) return notFired();
  return { fired: true, facts, sites, summary: 'Skin infection over planned site' };
};

export const infectionElsewhere: Evaluator = (f) => {
  const elsewhere = f.activeIn('skinInfection').filter((inf) => overlappedSites(f, inf).length === 0);
  if (elsewhere.length === 0) return notFired();
  return {
    fired: true,
    facts: elsewhere.map((inf) => ({ path: inf.path, text: `${inf.label} at ${describeWhere(inf)}` })),
    summary: `Skin infection away from the planned sites: ${namesPhrase(elsewhere.map((c) => c.label))}`,
  };
};
