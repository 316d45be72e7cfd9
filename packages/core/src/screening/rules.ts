// The screening rules as data: an id, a version, the finding it raises, its indicator, the prefetch
// keys it needs (absent means the rule is skipped and missing-data says so), and the sources it
// rests on (keys of REFERENCE.md Appendix A; "CONTRACT" is SCREENING.md itself). Thresholds come
// from the clinic policy, never from here. Changing a rule is a diff of this table, a version bump
// and a CHANGELOG line under "Clinical rules".
import type { FindingCode, Indicator } from '../catalogue/catalogue.js';
import type { PrefetchKey } from './read-request.js';

export interface RuleDefinition {
  readonly id: string;
  readonly version: number;
  readonly finding: FindingCode;
  /** 'policy' when the clinic policy sets it (anticoagulantIndicator); 'by-level' when the rule decides. */
  readonly indicator: Indicator | 'policy' | 'by-level';
  readonly needs: readonly PrefetchKey[];
  /** The rule does not raise its finding when this finding is raised (SCREENING.md section 3). */
  readonly unless?: FindingCode;
  readonly sources: readonly string[];
  /** What the rule checks, in a clinician's words, for the card's "why" and the trace. */
  readonly description: string;
}

export const RULES = [
  {
    id: 'systemic.fever',
    version: 1,
    finding: 'systemic-illness',
    indicator: 'critical',
    needs: [],
    sources: ['SEED', 'FPN', 'ETG', 'PTCARE'],
    description:
      'Any temperature at or above the fever threshold within the look-back window (not only the newest: antipyretics mask fever)',
  },
  {
    id: 'systemic.infection',
    version: 1,
    finding: 'systemic-illness',
    indicator: 'critical',
    needs: ['conditions'],
    sources: ['SEED', 'FPN', 'ETG'],
    description: 'An active systemic infection (ICD-10-CM set systemicInfection)',
  },
  {
    id: 'infection.at-site',
    version: 1,
    finding: 'skin-infection-at-site',
    indicator: 'critical',
    needs: ['conditions'],
    sources: ['SEED', 'FPN', 'ROBBINS2014', 'ETG', 'ROLDAN2020'],
    description:
      'An active skin or soft-tissue infection (set skinInfection) whose body site shares a region and a side with a planned site',
  },
  {
    id: 'infection.elsewhere',
    version: 1,
    finding: 'skin-infection-elsewhere',
    indicator: 'info',
    needs: ['conditions'],
    sources: ['SEED', 'FPN', 'ETG'],
    description: 'An active skin infection that overlaps no planned site: other sites may proceed',
  },
  {
    id: 'bleeding.inr-above',
    version: 1,
    finding: 'bleeding-risk',
    indicator: 'critical',
    needs: [],
    sources: ['SIR2019'],
    description: 'Latest INR within the lab look-back above the policy limit',
  },
  {
    id: 'bleeding.platelets-critical',
    version: 1,
    finding: 'bleeding-risk',
    indicator: 'critical',
    needs: [],
    sources: ['SIR2019'],
    description: 'Latest platelet count within the lab look-back below the critical limit',
  },
  {
    id: 'bleeding.disorder-critical',
    version: 1,
    finding: 'bleeding-risk',
    indicator: 'critical',
    needs: ['conditions'],
    sources: ['FPN', 'AAFP2002', 'SIR2019'],
    description: 'An active congenital or consumptive coagulopathy (set bleedingDisorderCritical)',
  },
  {
    id: 'bleeding.disorder-warning',
    version: 1,
    finding: 'bleeding-disorder',
    indicator: 'warning',
    needs: ['conditions'],
    unless: 'bleeding-risk',
    sources: ['FPN', 'AAFP2002', 'SIR2019'],
    description: 'An active acquired coagulation or platelet disorder (set bleedingDisorderWarning)',
  },
  {
    id: 'bleeding.platelets-low',
    version: 1,
    finding: 'bleeding-disorder',
    indicator: 'warning',
    needs: [],
    unless: 'bleeding-risk',
    sources: ['SIR2019'],
    description:
      'Latest platelet count within the lab look-back at or above the critical limit but below the warning limit',
  },
  {
    id: 'anticoagulant.active',
    version: 1,
    finding: 'anticoagulant',
    indicator: 'policy',
    needs: ['medications'],
    sources: ['SIR2019', 'ENDRES2017', 'FPN', 'AAFP2002', 'CASE_CLOPI'],
    description:
      'An active anticoagulant or antiplatelet medicine; SIR 2019 does not withhold them for TPI, a low-risk procedure',
  },
  {
    id: 'missing.prefetch',
    version: 1,
    finding: 'missing-data',
    indicator: 'warning',
    needs: [],
    sources: ['CONTRACT'],
    description:
      'A part of the record a check needs was not sent (absent prefetch key, or the EHR could not fetch it): those checks were skipped',
  },
  {
    id: 'missing.weight',
    version: 1,
    finding: 'missing-data',
    indicator: 'warning',
    needs: [],
    sources: ['OLSON'],
    description:
      'A local anaesthetic is to be dosed and no usable body weight lies within the maximum age: the dose was checked against absolute caps only',
  },
  {
    id: 'missing.inr-on-warfarin',
    version: 1,
    finding: 'missing-data',
    indicator: 'warning',
    needs: ['medications'],
    sources: ['SIR2019'],
    description: 'Warfarin is active and no INR lies within the maximum age',
  },
  {
    id: 'missing.condition-uncoded',
    version: 1,
    finding: 'missing-data',
    indicator: 'warning',
    needs: ['conditions'],
    sources: ['CONTRACT'],
    description: 'An active Condition has no ICD-10-CM or ICD-10 coding, so no rule can read it',
  },
  {
    id: 'allergy.ingredient',
    version: 1,
    finding: 'drug-allergy',
    indicator: 'by-level',
    needs: ['allergies'],
    sources: ['SEED', 'FPN', 'CCF2001', 'DENTALCARE'],
    description: 'Allergy to a planned ingredient (critical; warning for an intolerance)',
  },
  {
    id: 'allergy.la-class',
    version: 1,
    finding: 'drug-allergy',
    indicator: 'by-level',
    needs: ['allergies'],
    sources: ['CCF2001', 'DENTALCARE'],
    description: 'Allergy to the class of a planned local anaesthetic: amide, ester, or local anaesthetic unspecified',
  },
  {
    id: 'allergy.ester-cross',
    version: 1,
    finding: 'drug-allergy',
    indicator: 'by-level',
    needs: ['allergies'],
    sources: ['CCF2001', 'DENTALCARE'],
    description: 'Allergy to any ester agent, or to PABA, when an ester is planned: esters cross-react through PABA',
  },
  {
    id: 'allergy.steroid-class',
    version: 1,
    finding: 'drug-allergy',
    indicator: 'by-level',
    needs: ['allergies'],
    sources: ['FPN', 'LABEL_TA', 'LABEL_MPA'],
    description: 'Allergy to corticosteroids as a class when a corticosteroid is planned',
  },
  {
    id: 'allergy.excipient',
    version: 1,
    finding: 'drug-allergy',
    indicator: 'by-level',
    needs: ['allergies'],
    sources: ['CCF2001', 'MACY2002', 'LABEL_DEX', 'LABEL_TA', 'LABEL_MPA', 'LABEL_BETA'],
    description:
      'Allergy to an excipient of a planned product (paraben, sulfite, benzyl alcohol, polysorbate, PEG, benzalkonium)',
  },
  {
    id: 'allergy.same-amide-class',
    version: 1,
    finding: 'drug-allergy',
    indicator: 'warning',
    needs: ['allergies'],
    sources: ['DENTALCARE'],
    description:
      'Allergy to a different amide local anaesthetic: cross-sensitivity among amides is not reported, a clinician decision',
  },
  {
    id: 'allergy.other-steroid',
    version: 1,
    finding: 'drug-allergy',
    indicator: 'warning',
    needs: ['allergies'],
    sources: ['FPN'],
    description: 'Allergy to a different corticosteroid than the one planned',
  },
  {
    id: 'allergy.paraben-ester',
    version: 1,
    finding: 'drug-allergy',
    indicator: 'warning',
    needs: ['allergies'],
    sources: ['CCF2001', 'PARABEN_DISPUTE'],
    description: 'Paraben allergy with an ester planned: a disputed cross-reaction through PABA',
  },
  {
    id: 'dose.combined-above',
    version: 1,
    finding: 'dose-limit',
    indicator: 'critical',
    needs: [],
    sources: ['OLSON', 'LABEL_MEPI', 'LA_MIX'],
    description:
      "Sum over local anaesthetic lines (planned, and given in the last 24 h) of mg / this patient's maximum is above 1.0",
  },
  {
    id: 'dose.combined-near',
    version: 1,
    finding: 'dose-near-limit',
    indicator: 'warning',
    needs: [],
    sources: ['OLSON', 'LABEL_MEPI', 'LA_MIX'],
    description: "That sum is at or above the policy's warning fraction and at most 1.0",
  },
  {
    id: 'order.unreadable-line',
    version: 1,
    finding: 'unrecognised-order',
    indicator: 'warning',
    needs: [],
    sources: ['CONTRACT'],
    description: 'A medication order whose product or volume (mL) cannot be read: it is not dosed',
  },
  {
    id: 'order.unknown-site',
    version: 1,
    finding: 'unrecognised-order',
    indicator: 'warning',
    needs: [],
    sources: ['CONTRACT'],
    description: 'A planned site whose muscle is not in the catalogue',
  },
  {
    id: 'order.no-site',
    version: 1,
    finding: 'unrecognised-order',
    indicator: 'warning',
    needs: [],
    sources: ['CONTRACT'],
    description: 'The TPI orders name no recognised site: infections are judged against none',
  },
  {
    id: 'steroid.interval',
    version: 1,
    finding: 'steroid-interval',
    indicator: 'warning',
    needs: ['medicationAdministrations'],
    sources: ['STEROID_FREQ_LAY', 'LABEL_MPA'],
    description: 'A corticosteroid is planned and one was given within the minimum interval',
  },
  {
    id: 'steroid.frequency',
    version: 1,
    finding: 'steroid-frequency',
    indicator: 'warning',
    needs: ['medicationAdministrations'],
    sources: ['STEROID_FREQ_LAY', 'LABEL_MPA', 'BENZON2024'],
    description:
      'A corticosteroid is planned and the maximum number of steroid sessions (distinct days) in 365 days was already given',
  },
  {
    id: 'steroid.diabetes',
    version: 1,
    finding: 'diabetes-steroid',
    indicator: 'warning',
    needs: ['conditions'],
    sources: ['GLU', 'FPN'],
    description: 'A corticosteroid is planned for a patient with diabetes: glucose rises for 1 to 3 days',
  },
  {
    id: 'pregnancy.condition',
    version: 1,
    finding: 'pregnancy',
    indicator: 'warning',
    needs: ['conditions'],
    sources: ['ROBBINS2014', 'ROLDAN2020'],
    description: 'An active pregnancy Condition (set pregnancy)',
  },
  {
    id: 'pregnancy.status',
    version: 1,
    finding: 'pregnancy',
    indicator: 'warning',
    needs: [],
    sources: ['ROBBINS2014', 'ROLDAN2020'],
    description: 'The newest pregnancy status (LOINC 82810-3) within the maximum age is answered pregnant',
  },
  {
    id: 'immunosuppression.condition',
    version: 1,
    finding: 'immunosuppression',
    indicator: 'warning',
    needs: ['conditions'],
    sources: ['FPN'],
    description: 'An active immunosuppressing Condition (set immunosuppression)',
  },
  {
    id: 'indication.none',
    version: 1,
    finding: 'no-indication',
    indicator: 'warning',
    needs: ['conditions'],
    sources: ['MEDSCAPE', 'LCD_L34211'],
    description: 'No active Condition from the TPI indication list',
  },
  {
    id: 'pneumothorax.site',
    version: 1,
    finding: 'pneumothorax-risk',
    indicator: 'by-level',
    needs: [],
    sources: ['FPN', 'RIZK', 'CASE_PTX_BILAT', 'CASE_PTX_SA'],
    description: "A planned muscle's pleural risk: warning when high or very high, info when moderate (policy lists)",
  },
  {
    id: 'vasovagal.history',
    version: 1,
    finding: 'vasovagal-risk',
    indicator: 'info',
    needs: ['conditions'],
    sources: ['AAFP2002', 'VVR'],
    description: 'Syncope or fear of needles in the history (any clinical status)',
  },
] as const satisfies readonly RuleDefinition[];

export type RuleId = (typeof RULES)[number]['id'];
