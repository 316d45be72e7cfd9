// Checks on the plan itself: unreadable orders and sites, pleural risk, and corticosteroid interval,
// frequency and diabetes (SCREENING.md section 3; REFERENCE.md 4.1 pleural risk [FPN][RIZK], 3.5
// steroid frequency [STEROID_FREQ_LAY][LABEL_MPA] and glucose [GLU]).
import { pleuralRiskRank, type PleuralRisk } from '../catalogue/catalogue.js';
import { DAY_MS, isWithin, utcDay } from '../util/fhir-time.js';
import type { PlannedSite } from './read-request.js';
import { namesPhrase, notFired, siteLabel, when, type Evaluator } from './rule-outcome.js';

export const unreadableLine: Evaluator = (f) => {
  const bad = f.lines.filter((l) => l.unreadable !== undefined);
  if (bad.length === 0) return notFired();
  return {
    fired: true,
    facts: bad.map((l) => ({ path: l.path, text: `${l.label}: ${l.unreadable}` })),
    summary:
      bad.length === 1
        ? `Order not fully readable: ${namesPhrase(bad.map((l) => l.label))}`
        : `${bad.length} orders not fully readable`,
  };
};

export const unknownSite: Evaluator = (f) => {
  const bad = f.sites.filter((s) => s.muscle === undefined);
  if (bad.length === 0) return notFired();
  return {
    fired: true,
    facts: bad.map((s) => ({
      path: s.path,
      text: s.code ? `muscle code "${s.code}" is not in the catalogue` : 'no Knotwork muscle coding',
    })),
    summary: `${bad.length} planned ${bad.length === 1 ? 'site is' : 'sites are'} not a recognised muscle`,
  };
};

export const noSite: Evaluator = (f) =>
  f.recognisedSites.length > 0
    ? notFired()
    : {
        fired: true,
        facts: [{ path: '$.context.draftOrders', text: `${f.sites.length} site(s), none recognised` }],
        summary: 'No recognised injection site in the TPI order',
      };

export const pneumothoraxSite: Evaluator = (f) => {
  const { pneumothoraxWarningRisks, pneumothoraxInfoRisks } = f.policy;
  const riskOf = (s: PlannedSite): PleuralRisk => s.muscle?.muscle.pleuralRisk ?? 'none';
  const warn = f.recognisedSites.filter((s) => pneumothoraxWarningRisks.includes(riskOf(s)));
  const info = f.recognisedSites.filter((s) => pneumothoraxInfoRisks.includes(riskOf(s)));
  const sites = warn.length > 0 ? warn : info;
  if (sites.length === 0) return notFired();
  const highest = sites.map(riskOf).sort((a, b) => pleuralRiskRank(b) - pleuralRiskRank(a))[0] as PleuralRisk;
  return {
    fired: true,
    indicator: warn.length > 0 ? 'warning' : 'info',
    facts: sites.map((s) => ({ path: s.path, text: `${siteLabel(s)}: pleural risk ${riskOf(s)}` })),
    sites,
    summary: `Pleural risk ${highest}`,
  };
};

function steroidsGiven(f: Parameters<Evaluator>[0], days: number) {
  return f.administrations.filter(
    (a) => a.corticosteroid && a.time !== undefined && isWithin(a.time, f.asOf, days * DAY_MS),
  );
}

export const steroidInterval: Evaluator = (f) => {
  if (!f.corticosteroidPlanned) return notFired();
  const days = f.policy.steroidMinIntervalDays;
  const recent = steroidsGiven(f, days);
  if (recent.length === 0)
    return notFired([
      {
        path: '$.prefetch.medicationAdministrations',
        text: `no corticosteroid given in the ${days} days before as-of`,
      },
    ]);
  const last = Math.max(...recent.map((a) => a.time ?? 0));
  return {
    fired: true,
    facts: recent.map((a) => ({ path: a.path, text: `${a.label} given ${when(a.time)}` })),
    summary: `Corticosteroid given ${Math.floor((f.asOf - last) / DAY_MS)} days ago (minimum interval ${days} days)`,
  };
};

export const steroidFrequency: Evaluator = (f) => {
  if (!f.corticosteroidPlanned) return notFired();
  const max = f.policy.steroidMaxSessionsPer12Months;
  const given = steroidsGiven(f, 365);
  const days = new Set(given.map((a) => utcDay(a.time ?? 0)));
  const facts = given.map((a) => ({ path: a.path, text: `${a.label} given ${when(a.time)}` }));
  if (days.size < max) return notFired(facts);
  return { fired: true, facts, summary: `${days.size} corticosteroid sessions in the last 365 days (maximum ${max})` };
};

export const steroidDiabetes: Evaluator = (f) => {
  if (!f.corticosteroidPlanned) return notFired();
  const found = f.activeIn('diabetes');
  if (found.length === 0) return notFired();
  return {
    fired: true,
    facts: found.map((c) => ({ path: c.path, text: c.label })),
    summary: 'Corticosteroid planned with diabetes: check glucose for 1 to 3 days',
  };
};
