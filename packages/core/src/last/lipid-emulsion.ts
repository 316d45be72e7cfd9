// The local anaesthetic systemic toxicity (LAST) checklist with 20% lipid emulsion doses for this
// patient's weight (REFERENCE.md 5.2; reference.json last_management) [ASRA_LAST2020]
// [ASRA_LAST2017][MEDSCAPE_LA]. Over 70 kg: a fixed 100 mL bolus and 200-250 mL over 15-20 min;
// at or under 70 kg: 1.5 mL/kg bolus (lean body mass) and 0.25 mL/kg/min (ideal body weight);
// about 12 mL/kg in all. Without a weight both rows are shown and the weight is asked for: an
// unknown weight is never treated as one or the other.
import { referenceData } from '../reference/reference-data.js';

export interface LipidEmulsionDoses {
  readonly weightKg: number | null;
  /** Which row of the ASRA table applies; 'unknown' without a weight. */
  readonly band: 'over-70-kg' | 'up-to-70-kg' | 'unknown';
  readonly bolus: string;
  readonly infusion: string;
  readonly ifUnstable: string;
  /** About 12 mL/kg; null without a weight. */
  readonly upperLimitMl: number | null;
  readonly notes: readonly string[];
}

export interface LastChecklist {
  readonly recognition: readonly { readonly stage: string; readonly signs: readonly string[] }[];
  readonly steps: readonly string[];
  readonly lipid: LipidEmulsionDoses;
  readonly sources: readonly string[];
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;
const lipid = referenceData.last_management.lipid_emulsion_20pct;

export function lipidEmulsionDoses(weightKg: number | null): LipidEmulsionDoses {
  const common = [lipid.note, 'Start at the first sign of a serious event (CNS or cardiovascular signs).'];
  if (weightKg === null || !(weightKg > 0)) {
    return {
      weightKg: null,
      band: 'unknown',
      bolus: `Weight unknown: over 70 kg ${lipid.weight_gt_70kg}; 70 kg or less ${lipid.weight_le_70kg}`,
      infusion: 'Weigh the patient (or estimate) to calculate the infusion.',
      ifUnstable: lipid.if_unstable,
      upperLimitMl: null,
      notes: ['No weight is recorded for this patient.', ...common],
    };
  }
  const upperLimitMl = Math.round(12 * weightKg);
  if (weightKg > 70) {
    return {
      weightKg,
      band: 'over-70-kg',
      bolus: '100 mL of 20% lipid emulsion over 2-3 min',
      infusion: '200-250 mL over 15-20 min',
      ifUnstable: lipid.if_unstable,
      upperLimitMl,
      notes: [`Upper limit about 12 mL/kg: ${upperLimitMl} mL (${lipid.upper_limit}).`, ...common],
    };
  }
  return {
    weightKg,
    band: 'up-to-70-kg',
    bolus: `${oneDecimal(1.5 * weightKg)} mL of 20% lipid emulsion over 2-3 min (1.5 mL/kg; use lean body mass)`,
    infusion: `${oneDecimal(0.25 * weightKg)} mL/min (0.25 mL/kg/min; use ideal body weight)`,
    ifUnstable: lipid.if_unstable,
    upperLimitMl,
    notes: [`Upper limit about 12 mL/kg: ${upperLimitMl} mL (${lipid.upper_limit}).`, ...common],
  };
}

const RECOGNITION = [
  {
    stage: 'Early (nervous system)',
    signs: [
      'numb lips or tongue',
      'metallic taste',
      'light-headedness, dizziness',
      'ringing ears, blurred vision',
      'slurred speech, agitation, confusion',
      'muscle twitching',
    ],
  },
  { stage: 'Seizures', signs: ['generalised seizures'] },
  { stage: 'Depression', signs: ['drowsiness, coma', 'stopped breathing'] },
  {
    stage: 'Heart and circulation',
    signs: [
      'fast heart and high blood pressure at first, then slow heart',
      'heart block, ventricular arrhythmias',
      'low blood pressure, collapse, asystole',
      'may come without any nervous-system signs (about 1 in 5)',
    ],
  },
] as const;

export function lastChecklist(weightKg: number | null): LastChecklist {
  return {
    recognition: RECOGNITION,
    steps: referenceData.last_management.steps,
    lipid: lipidEmulsionDoses(weightKg),
    sources: referenceData.last_management.source,
  };
}
