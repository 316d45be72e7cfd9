// The combined local anaesthetic dose and the weight it needs (SCREENING.md section 3 dose-limit,
// dose-near-limit and missing-data; REFERENCE.md 3.2 [OLSON] and 3.3 [LABEL_MEPI][LA_MIX]).
import { DOSE_TOLERANCE, type DoseLine } from '../dose/dose.js';
import { notFired, round, when, withConversion, type Evaluator, type Fact } from './rule-outcome.js';
import type { ScreenFacts } from './screen-facts.js';

function lineFact(f: ScreenFacts, line: DoseLine): Fact {
  const earlier = f.earlierLocalAnesthetic.some((a) => a.path === line.key);
  const limit = `${line.limit.mgPerKg} mg/kg, cap ${line.limit.maxMg} mg${line.withEpinephrine ? ' with epinephrine' : ''}`;
  return {
    path: line.key,
    text:
      `${earlier ? 'given in the last 24 h: ' : ''}${line.product.display}, ${round(line.volumeMl)} mL = ${round(line.mg)} mg; ` +
      `maximum ${round(line.maxMg)} mg (${limit}, set by ${line.maxBy === 'weight' ? 'weight' : 'the cap'}); fraction ${round(line.fraction, 3)}`,
  };
}

function doseFacts(f: ScreenFacts): Fact[] {
  const dose = f.dose;
  if (!dose) return [];
  const weight: Fact = f.weight
    ? {
        path: f.weight.path,
        text: `weight ${withConversion(f.weight.written, f.weight.value, 'kg', ['kg'])} at ${when(f.weight.time)}`,
      }
    : {
        path: '$.prefetch.observations',
        text: `no usable weight in ${f.policy.weightMaxAgeDays} days: absolute caps only`,
      };
  return [
    weight,
    ...dose.lines.map((l) => lineFact(f, l)),
    { path: '$.context.draftOrders', text: `combined fraction ${round(dose.combinedFraction, 3)}` },
  ];
}

export const doseCombinedAbove: Evaluator = (f) => {
  if (!f.dose)
    return notFired([{ path: '$.context.draftOrders', text: 'no local anaesthetic planned: no dose check' }]);
  const facts = doseFacts(f);
  if (!(f.dose.combinedFraction > 1 + DOSE_TOLERANCE)) return notFired(facts);
  return {
    fired: true,
    facts,
    summary: `Local anaesthetic dose ${Math.round(f.dose.combinedFraction * 100)}% of this patient's maximum`,
  };
};

export const doseCombinedNear: Evaluator = (f) => {
  if (!f.dose) return notFired();
  const facts = doseFacts(f);
  const x = f.dose.combinedFraction;
  if (!(x >= f.policy.doseWarnFraction - DOSE_TOLERANCE && x <= 1 + DOSE_TOLERANCE)) return notFired(facts);
  return {
    fired: true,
    facts,
    summary: `Local anaesthetic dose ${Math.round(x * 100)}% of this patient's maximum (warning from ${Math.round(f.policy.doseWarnFraction * 100)}%)`,
  };
};

export const missingWeight: Evaluator = (f) => {
  if (f.dosedLines.length === 0) return notFired();
  if (f.weight)
    return notFired([{ path: f.weight.path, text: `weight ${f.weight.written} at ${when(f.weight.time)}` }]);
  return {
    fired: true,
    facts: [
      {
        path: '$.prefetch.observations',
        text: `no usable body weight in the ${f.policy.weightMaxAgeDays} days before as-of`,
      },
      ...f.dosedLines.map((l) => ({ path: l.path, text: `${l.label} is to be dosed` })),
    ],
    summary: 'No recent weight: dose checked against absolute caps only',
  };
};
