// INR, platelets, bleeding disorders and anticoagulants (SCREENING.md section 3; REFERENCE.md 2.2:
// SIR 2019 puts TPI in the low-bleeding-risk group: INR <= 3.0, platelets >= 20 x 10^9/L, and
// anticoagulants are not withheld; older TPI sources call them a contraindication [FPN][AAFP2002]).
import { DAY_MS } from '../util/fhir-time.js';
import { latestWithin } from './read-observations.js';
import { namesPhrase, notFired, round, when, type Evaluator } from './rule-outcome.js';
import type { ScreenFacts } from './screen-facts.js';

const TOLERANCE = 1e-9;

function latestInr(f: ScreenFacts, days: number) {
  return latestWithin(f.readings.get('inr'), f.asOf, days * DAY_MS, (a, b) => a > b);
}

function latestPlatelets(f: ScreenFacts) {
  return latestWithin(f.readings.get('platelets'), f.asOf, f.policy.labLookbackDays * DAY_MS, (a, b) => a < b);
}

export const inrAbove: Evaluator = (f) => {
  const { inrCriticalAbove, labLookbackDays } = f.policy;
  const inr = latestInr(f, labLookbackDays);
  if (!inr)
    return notFired([{ path: '$.prefetch.observations', text: `no INR in the ${labLookbackDays} days before as-of` }]);
  const facts = [{ path: inr.path, text: `INR ${inr.written} at ${when(inr.time)} (limit ${inrCriticalAbove})` }];
  if (!(inr.value > inrCriticalAbove + TOLERANCE)) return notFired(facts);
  return { fired: true, facts, summary: `INR ${round(inr.value)} is above ${inrCriticalAbove}` };
};

export const plateletsCritical: Evaluator = (f) => {
  const { plateletsCriticalBelow, labLookbackDays } = f.policy;
  const p = latestPlatelets(f);
  if (!p)
    return notFired([
      { path: '$.prefetch.observations', text: `no platelet count in the ${labLookbackDays} days before as-of` },
    ]);
  const facts = [{ path: p.path, text: `platelets ${p.written} (${round(p.value, 1)} x10^9/L) at ${when(p.time)}` }];
  if (!(p.value < plateletsCriticalBelow - TOLERANCE)) return notFired(facts);
  return { fired: true, facts, summary: `Platelets ${round(p.value, 1)} x10^9/L, below ${plateletsCriticalBelow}` };
};

export const plateletsLow: Evaluator = (f) => {
  const { plateletsCriticalBelow, plateletsWarningBelow } = f.policy;
  const p = latestPlatelets(f);
  if (!p) return notFired();
  const facts = [{ path: p.path, text: `platelets ${p.written} (${round(p.value, 1)} x10^9/L) at ${when(p.time)}` }];
  const low = p.value >= plateletsCriticalBelow - TOLERANCE && p.value < plateletsWarningBelow - TOLERANCE;
  if (!low) return notFired(facts);
  return { fired: true, facts, summary: `Platelets ${round(p.value, 1)} x10^9/L, below ${plateletsWarningBelow}` };
};

function disorder(set: 'bleedingDisorderCritical' | 'bleedingDisorderWarning', words: string): Evaluator {
  return (f) => {
    const found = f.activeIn(set);
    if (found.length === 0) return notFired();
    return {
      fired: true,
      facts: found.map((c) => ({ path: c.path, text: c.label })),
      summary: `${words}: ${namesPhrase(found.map((c) => c.label))}`,
    };
  };
}

export const disorderCritical = disorder('bleedingDisorderCritical', 'Bleeding disorder');
export const disorderWarning = disorder('bleedingDisorderWarning', 'Coagulation or platelet disorder');

export const anticoagulantActive: Evaluator = (f) => {
  const on = f.medicines.filter((m) => m.anticoagulants.length > 0);
  if (on.length === 0) return notFired();
  const names = namesPhrase(
    on.flatMap((m) => m.anticoagulants),
    3,
  );
  return {
    fired: true,
    indicator: f.policy.anticoagulantIndicator,
    facts: on.map((m) => ({ path: m.path, text: `${m.label} (${m.anticoagulants.join(', ')})` })),
    summary: `On ${names}: bleeding and haematoma risk`,
  };
};

export const inrOnWarfarin: Evaluator = (f) => {
  const warfarin = f.medicines.filter((m) => m.anticoagulants.includes('warfarin'));
  if (warfarin.length === 0) return notFired();
  const days = f.policy.warfarinInrMaxAgeDays;
  const inr = latestInr(f, days);
  const facts = warfarin.map((m) => ({ path: m.path, text: `${m.label} is active` }));
  if (inr) return notFired([...facts, { path: inr.path, text: `INR ${inr.written} at ${when(inr.time)}` }]);
  return {
    fired: true,
    facts: [...facts, { path: '$.prefetch.observations', text: `no INR in the ${days} days before as-of` }],
    summary: `On warfarin with no INR in ${days} days`,
  };
};
