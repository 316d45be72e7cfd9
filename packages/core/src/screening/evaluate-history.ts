// Checks on the history: pregnancy, immunosuppression, indication, vasovagal history, and the
// data that is missing (SCREENING.md sections 3 and 4 "Absent prefetch keys").
import type { Icd10SetName } from '../catalogue/catalogue.js';
import { DAY_MS } from '../util/fhir-time.js';
import { latestWithin } from './read-observations.js';
import type { PrefetchKey } from './read-request.js';
import { namesPhrase, notFired, when, type Evaluator, type Fact } from './rule-outcome.js';

/** What each absent key costs, in words. */
const SKIPPED: Record<Exclude<PrefetchKey, 'patient' | 'observations'>, string> = {
  allergies: 'allergy checks skipped',
  conditions:
    'infection, bleeding-disorder, indication, pregnancy, immunosuppression, diabetes and vasovagal checks skipped',
  medications: 'anticoagulant checks skipped',
  medicationAdministrations: 'earlier steroid and same-day anaesthetic doses not counted',
};

export const missingPrefetch: Evaluator = (f) => {
  const missing: (keyof typeof SKIPPED)[] = [];
  if (!f.known('allergies') && f.lines.length > 0) missing.push('allergies');
  if (!f.known('conditions')) missing.push('conditions');
  if (!f.known('medications')) missing.push('medications');
  if (!f.known('medicationAdministrations') && (f.corticosteroidPlanned || f.localAnestheticPlanned))
    missing.push('medicationAdministrations');
  if (missing.length === 0) return notFired();
  return {
    fired: true,
    facts: missing.map((k) => ({
      path: `$.prefetch.${k}`,
      text: `${k} not sent or could not be fetched: ${SKIPPED[k]}`,
    })),
    summary: `Record incomplete (${missing.join(', ')}): some checks skipped`,
  };
};

export const conditionUncoded: Evaluator = (f) => {
  const uncoded = f.conditions.filter((c) => c.active && c.icd10.length === 0);
  if (uncoded.length === 0) return notFired();
  return {
    fired: true,
    facts: uncoded.map((c) => ({ path: c.path, text: `${c.label} has no ICD-10-CM coding` })),
    summary: `${uncoded.length} active ${uncoded.length === 1 ? 'condition has' : 'conditions have'} no ICD-10-CM code`,
  };
};

function activeCondition(set: Icd10SetName, words: string): Evaluator {
  return (f) => {
    const found = f.activeIn(set);
    if (found.length === 0) return notFired();
    const facts: Fact[] = found.map((c) => ({ path: c.path, text: c.label }));
    return { fired: true, facts, summary: `${words}: ${namesPhrase(found.map((c) => c.label))}` };
  };
}

export const pregnancyCondition = activeCondition('pregnancy', 'Pregnant');
export const immunosuppressionCondition = activeCondition('immunosuppression', 'Immunosuppressed');

export const pregnancyStatus: Evaluator = (f) => {
  const days = f.policy.pregnancyStatusMaxAgeDays;
  const status = latestWithin(f.readings.get('pregnancyStatus'), f.asOf, days * DAY_MS, (a, b) => a > b);
  if (!status) return notFired();
  const facts = [{ path: status.path, text: `pregnancy status "${status.written}" at ${when(status.time)}` }];
  return status.value === 1
    ? { fired: true, facts, summary: `Pregnancy status: pregnant (${when(status.time).slice(0, 10)})` }
    : notFired(facts);
};

export const indicationNone: Evaluator = (f) => {
  const found = f.activeIn('indication');
  if (found.length > 0) return notFired(found.map((c) => ({ path: c.path, text: `indication ${c.label}` })));
  const active = f.conditions.filter((c) => c.active);
  return {
    fired: true,
    facts: [
      { path: '$.prefetch.conditions', text: `${active.length} active condition(s), none on the TPI indication list` },
    ],
    summary: 'No active diagnosis on the TPI indication list',
  };
};

export const vasovagalHistory: Evaluator = (f) => {
  const found = f.conditions.filter((c) => c.sets.includes('vasovagal'));
  if (found.length === 0) return notFired();
  return {
    fired: true,
    facts: found.map((c) => ({ path: c.path, text: `${c.label}${c.active ? '' : ' (history)'}` })),
    summary: `History of ${namesPhrase(found.map((c) => c.label))}: treat lying down`,
  };
};
