// What each screening policy field means, in an admin's words, the screening rules that read it
// (their sources come from the core's RULES table, as the cards cite them) and where the reference
// discusses it. The fields, their defaults and their checks are the core's (policy/policy.ts,
// SCREENING.md section 3): a field the core adds and this list lacks is still shown (as "other"),
// and policy-fields.test.ts fails until it is described here.
import { DEFAULT_POLICY_VALUES, INDICATORS, PLEURAL_RISKS, RULES } from '@knotwork/core';

export type PolicyFieldKind =
  | { readonly type: 'number'; readonly unit: string; readonly integer: boolean }
  | { readonly type: 'indicator' }
  | { readonly type: 'risks' }
  /** One allowed value in this version of the contract (laMaxSource, weightBasis). */
  | { readonly type: 'fixed'; readonly why: string };

export interface PolicyField {
  readonly name: string;
  readonly label: string;
  readonly meaning: string;
  readonly kind: PolicyFieldKind;
  /** The screening rules that read the field. */
  readonly rules: readonly string[];
  /** Where REFERENCE.md / SCREENING.md discuss it. */
  readonly reference: string;
}

export interface PolicyGroup {
  readonly title: string;
  readonly fields: readonly PolicyField[];
}

const num = (unit: string, integer: boolean): PolicyFieldKind => ({ type: 'number', unit, integer });

export const POLICY_GROUPS: readonly PolicyGroup[] = [
  {
    title: 'Fever',
    fields: [
      {
        name: 'feverCelsius',
        label: 'Fever threshold',
        meaning: 'A temperature at or above this defers the procedure (systemic illness, critical).',
        kind: num('°C', false),
        rules: ['systemic.fever'],
        reference: 'REFERENCE.md 2.1, 10 item 12 (leaflets use 38.0 °C or 38.3 °C)',
      },
      {
        name: 'feverLookbackHours',
        label: 'Fever look-back',
        meaning: 'Any temperature measured in this many hours before the visit counts, not only the newest.',
        kind: num('hours', true),
        rules: ['systemic.fever'],
        reference: 'SCREENING.md section 3',
      },
    ],
  },
  {
    title: 'Bleeding and anticoagulants',
    fields: [
      {
        name: 'inrCriticalAbove',
        label: 'INR critical above',
        meaning: 'The latest INR above this is a bleeding risk (critical).',
        kind: num('INR', false),
        rules: ['bleeding.inr-above'],
        reference: 'REFERENCE.md 2.2 (SIR 2019: INR ≤ 3.0 for low-risk procedures)',
      },
      {
        name: 'plateletsCriticalBelow',
        label: 'Platelets critical below',
        meaning: 'The latest platelet count below this is a bleeding risk (critical).',
        kind: num('×10⁹/L', false),
        rules: ['bleeding.platelets-critical'],
        reference: 'REFERENCE.md 2.2 (SIR 2019: defer if < 20 ×10⁹/L)',
      },
      {
        name: 'plateletsWarningBelow',
        label: 'Platelets warning below',
        meaning:
          'A platelet count from the critical limit up to this is a warning (bleeding disorder). Not below the critical limit.',
        kind: num('×10⁹/L', false),
        rules: ['bleeding.platelets-low'],
        reference: 'REFERENCE.md 2.2 (SIR 2019: < 50 ×10⁹/L for high-risk procedures)',
      },
      {
        name: 'labLookbackDays',
        label: 'Lab look-back',
        meaning: 'INR and platelet results older than this many days are not used.',
        kind: num('days', true),
        rules: ['bleeding.inr-above', 'bleeding.platelets-critical', 'bleeding.platelets-low'],
        reference: 'SCREENING.md section 3',
      },
      {
        name: 'warfarinInrMaxAgeDays',
        label: 'INR on warfarin, at most',
        meaning: 'A patient on warfarin with no INR within this many days gets a missing-data warning.',
        kind: num('days', true),
        rules: ['missing.inr-on-warfarin'],
        reference: 'REFERENCE.md 2.2; SCREENING.md section 3',
      },
      {
        name: 'anticoagulantIndicator',
        label: 'Anticoagulant card',
        meaning:
          'How an active anticoagulant or antiplatelet is flagged. Sources disagree: older TPI papers contraindicate it, SIR 2019 does not withhold it for TPI.',
        kind: { type: 'indicator' },
        rules: ['anticoagulant.active'],
        reference: 'REFERENCE.md 2.2, 10 item 1',
      },
    ],
  },
  {
    title: 'Local anaesthetic dose',
    fields: [
      {
        name: 'laMaxSource',
        label: 'Maximum dose source',
        meaning: 'Whose maximum local anaesthetic doses the dose check uses.',
        kind: { type: 'fixed', why: 'the only source set in this version' },
        rules: ['dose.combined-above', 'dose.combined-near'],
        reference: 'REFERENCE.md 3.2, 10 item 2',
      },
      {
        name: 'doseWarnFraction',
        label: 'Dose warning from',
        meaning:
          'The combined fraction of the maximum dose (planned plus the last 24 h) at which the near-limit warning starts; above 1.0 is critical.',
        kind: num('of the maximum', false),
        rules: ['dose.combined-near'],
        reference: 'REFERENCE.md 3.3, 10 item 3',
      },
      {
        name: 'weightBasis',
        label: 'Weight basis',
        meaning: 'Which body weight the per-kilogram limits are multiplied by.',
        kind: { type: 'fixed', why: 'the only weight basis in this version' },
        rules: ['dose.combined-above', 'dose.combined-near'],
        reference: 'REFERENCE.md 10 item 2',
      },
      {
        name: 'weightMaxAgeDays',
        label: 'Weight usable for',
        meaning: 'A weight older than this many days is not used; the dose is then checked against absolute caps only.',
        kind: num('days', true),
        rules: ['missing.weight', 'dose.combined-above', 'dose.combined-near'],
        reference: 'SCREENING.md section 3',
      },
    ],
  },
  {
    title: 'Corticosteroids',
    fields: [
      {
        name: 'steroidMinIntervalDays',
        label: 'Steroid interval',
        meaning: 'A steroid planned within this many days of the last one is a warning.',
        kind: num('days', true),
        rules: ['steroid.interval'],
        reference: 'REFERENCE.md 3.5, 10 item 4',
      },
      {
        name: 'steroidMaxSessionsPer12Months',
        label: 'Steroid sessions per 12 months',
        meaning: 'This many steroid sessions (on distinct days) in the last 365 days makes another one a warning.',
        kind: num('sessions', true),
        rules: ['steroid.frequency'],
        reference: 'REFERENCE.md 3.5, 10 item 4',
      },
    ],
  },
  {
    title: 'Pregnancy',
    fields: [
      {
        name: 'pregnancyStatusMaxAgeDays',
        label: 'Pregnancy status valid for',
        meaning: 'A recorded pregnancy status answered pregnant within this many days is a warning.',
        kind: num('days', true),
        rules: ['pregnancy.status'],
        reference: 'REFERENCE.md 2.1',
      },
    ],
  },
  {
    title: 'Pneumothorax',
    fields: [
      {
        name: 'pneumothoraxWarningRisks',
        label: 'Warning for pleural risk',
        meaning: 'A planned muscle with one of these pleural risks gives a pneumothorax warning.',
        kind: { type: 'risks' },
        rules: ['pneumothorax.site'],
        reference: 'REFERENCE.md 2.1 (unsafe sites), 4.1',
      },
      {
        name: 'pneumothoraxInfoRisks',
        label: 'Information for pleural risk',
        meaning: 'These pleural risks give an information card. A risk is a warning or information, not both.',
        kind: { type: 'risks' },
        rules: ['pneumothorax.site'],
        reference: 'REFERENCE.md 2.1 (unsafe sites), 4.1',
      },
    ],
  },
];

export const POLICY_FIELDS: readonly PolicyField[] = POLICY_GROUPS.flatMap((g) => g.fields);

/** The sources (REFERENCE.md Appendix A keys) of the rules that read a field, in order, once each. */
export function sourcesOf(field: PolicyField): string[] {
  const rules: readonly { id: string; sources: readonly string[] }[] = RULES;
  return [...new Set(rules.filter((r) => field.rules.includes(r.id)).flatMap((r) => r.sources))];
}

/** The contract's default for a field (catalogue.json defaultPolicy). */
export function defaultOf(name: string): unknown {
  return (DEFAULT_POLICY_VALUES as unknown as Record<string, unknown>)[name];
}

export { INDICATORS, PLEURAL_RISKS };
export const PLEURAL_RISK_LABEL: Record<(typeof PLEURAL_RISKS)[number], string> = {
  none: 'None',
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  'very-high': 'Very high',
};
export const INDICATOR_LABEL: Record<(typeof INDICATORS)[number], string> = {
  info: 'Information',
  warning: 'Warning',
  critical: 'Critical (blocks signing until overridden)',
};

/** A value as the page shows it: a list of risks in words, a number as it is. */
export function valueInWords(field: PolicyField, value: unknown): string {
  if (Array.isArray(value)) {
    return value.length === 0
      ? 'none'
      : value.map((v) => PLEURAL_RISK_LABEL[v as keyof typeof PLEURAL_RISK_LABEL] ?? String(v)).join(', ');
  }
  if (field.kind.type === 'indicator') return INDICATOR_LABEL[value as keyof typeof INDICATOR_LABEL] ?? String(value);
  if (field.kind.type === 'number') return `${String(value)} ${field.kind.unit}`;
  return String(value);
}
