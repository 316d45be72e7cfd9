// The clinic's screening policy: the contract's defaultPolicy, overridden field by field by a
// clinic (SCREENING.md section 3). Sources disagree on these thresholds (REFERENCE.md section 10),
// which is why they are settings and not constants. A policy is validated (a bad value is refused
// with its field named) and versioned by a hash of its values, and every screen reports the version.
import { catalogue, INDICATORS, PLEURAL_RISKS, type Indicator, type PleuralRisk } from '../catalogue/catalogue.js';
import { canonicalJson, hashHex128 } from '../util/hash.js';

export interface ScreeningPolicyValues {
  readonly feverCelsius: number;
  readonly feverLookbackHours: number;
  readonly inrCriticalAbove: number;
  readonly plateletsCriticalBelow: number;
  readonly plateletsWarningBelow: number;
  readonly labLookbackDays: number;
  readonly warfarinInrMaxAgeDays: number;
  readonly anticoagulantIndicator: Indicator;
  readonly laMaxSource: 'olson';
  readonly doseWarnFraction: number;
  readonly weightBasis: 'actual';
  readonly weightMaxAgeDays: number;
  readonly steroidMinIntervalDays: number;
  readonly steroidMaxSessionsPer12Months: number;
  readonly pregnancyStatusMaxAgeDays: number;
  readonly pneumothoraxWarningRisks: readonly PleuralRisk[];
  readonly pneumothoraxInfoRisks: readonly PleuralRisk[];
}

export interface ScreeningPolicy {
  /** Reported on every screen: `default-…` for the contract's defaults, `clinic-…` otherwise. */
  readonly version: string;
  readonly values: ScreeningPolicyValues;
}

export interface PolicyIssue {
  readonly code: 'unknown-field' | 'wrong-type' | 'out-of-range' | 'not-allowed' | 'inconsistent';
  /** The field, e.g. `feverCelsius` or `pneumothoraxInfoRisks[1]`. */
  readonly path: string;
  readonly message: string;
}

export type PolicyResult = { ok: true; policy: ScreeningPolicy } | { ok: false; issues: PolicyIssue[] };

type FieldCheck = (value: unknown, path: string) => PolicyIssue | PolicyIssue[] | undefined;

function numberIn(min: number, max: number, opts: { integer?: boolean; minExclusive?: boolean } = {}): FieldCheck {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return { code: 'wrong-type', path, message: `${path} must be a number` };
    }
    if (opts.integer && !Number.isInteger(value)) {
      return { code: 'wrong-type', path, message: `${path} must be a whole number` };
    }
    const belowMin = opts.minExclusive ? value <= min : value < min;
    if (belowMin || value > max) {
      const lower = opts.minExclusive ? `more than ${min}` : `at least ${min}`;
      return { code: 'out-of-range', path, message: `${path} must be ${lower} and at most ${max}, not ${value}` };
    }
    return undefined;
  };
}

function oneOf(allowed: readonly string[], why?: string): FieldCheck {
  return (value, path) =>
    typeof value === 'string' && allowed.includes(value)
      ? undefined
      : {
          code: typeof value === 'string' ? 'not-allowed' : 'wrong-type',
          path,
          message: `${path} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}${why ? ` (${why})` : ''}, not ${JSON.stringify(value)}`,
        };
}

const riskList: FieldCheck = (value, path) => {
  if (!Array.isArray(value)) return { code: 'wrong-type', path, message: `${path} must be a list of pleural risks` };
  const issues: PolicyIssue[] = [];
  value.forEach((v, i) => {
    const issue = oneOf(PLEURAL_RISKS)(v, `${path}[${i}]`);
    if (issue) issues.push(issue as PolicyIssue);
  });
  return issues;
};

const FIELDS: Record<keyof ScreeningPolicyValues, FieldCheck> = {
  feverCelsius: numberIn(37, 40),
  feverLookbackHours: numberIn(1, 168, { integer: true }),
  inrCriticalAbove: numberIn(1, 10, { minExclusive: true }),
  plateletsCriticalBelow: numberIn(0, 1000, { minExclusive: true }),
  plateletsWarningBelow: numberIn(0, 1000, { minExclusive: true }),
  labLookbackDays: numberIn(1, 365, { integer: true }),
  warfarinInrMaxAgeDays: numberIn(1, 90, { integer: true }),
  anticoagulantIndicator: oneOf(INDICATORS),
  laMaxSource: oneOf(['olson'], 'the only source set in this version'),
  doseWarnFraction: numberIn(0, 1, { minExclusive: true }),
  weightBasis: oneOf(['actual'], 'the only weight basis in this version'),
  weightMaxAgeDays: numberIn(1, 3650, { integer: true }),
  steroidMinIntervalDays: numberIn(0, 365, { integer: true }),
  steroidMaxSessionsPer12Months: numberIn(1, 52, { integer: true }),
  pregnancyStatusMaxAgeDays: numberIn(1, 280, { integer: true }),
  pneumothoraxWarningRisks: riskList,
  pneumothoraxInfoRisks: riskList,
};

export const DEFAULT_POLICY_VALUES: ScreeningPolicyValues = catalogue.defaultPolicy;

function versionOf(values: ScreeningPolicyValues, isDefault: boolean): string {
  return `${isDefault ? 'default' : 'clinic'}-${hashHex128(canonicalJson(values)).slice(0, 12)}`;
}

/**
 * Applies a clinic's overrides to the defaults. `overrides` is untrusted input (an API body, a
 * settings file): every field is checked and every problem is reported, none thrown.
 */
export function resolvePolicy(overrides: unknown = {}): PolicyResult {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    return {
      ok: false,
      issues: [{ code: 'wrong-type', path: '$', message: 'a screening policy must be an object of fields' }],
    };
  }
  const issues: PolicyIssue[] = [];
  const merged: Record<string, unknown> = { ...DEFAULT_POLICY_VALUES };
  for (const [field, value] of Object.entries(overrides)) {
    const check = Object.hasOwn(FIELDS, field) ? FIELDS[field as keyof ScreeningPolicyValues] : undefined;
    if (!check) {
      issues.push({ code: 'unknown-field', path: field, message: `${field} is not a screening policy field` });
      continue;
    }
    const found = check(value, field);
    if (found) issues.push(...(Array.isArray(found) ? found : [found]));
    merged[field] = value;
  }
  if (issues.length === 0) {
    const v = merged as unknown as ScreeningPolicyValues;
    if (v.plateletsWarningBelow < v.plateletsCriticalBelow) {
      issues.push({
        code: 'inconsistent',
        path: 'plateletsWarningBelow',
        message: `plateletsWarningBelow (${v.plateletsWarningBelow}) must not be below plateletsCriticalBelow (${v.plateletsCriticalBelow})`,
      });
    }
    const both = v.pneumothoraxWarningRisks.filter((r) => v.pneumothoraxInfoRisks.includes(r));
    if (both.length > 0) {
      issues.push({
        code: 'inconsistent',
        path: 'pneumothoraxInfoRisks',
        message: `pneumothoraxInfoRisks repeats ${both.join(', ')} from pneumothoraxWarningRisks: a risk is a warning or info, not both`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const values = Object.freeze({
    ...(merged as unknown as ScreeningPolicyValues),
    pneumothoraxWarningRisks: Object.freeze([...(merged['pneumothoraxWarningRisks'] as PleuralRisk[])]),
    pneumothoraxInfoRisks: Object.freeze([...(merged['pneumothoraxInfoRisks'] as PleuralRisk[])]),
  });
  const isDefault = canonicalJson(values) === canonicalJson(DEFAULT_POLICY_VALUES);
  return { ok: true, policy: { version: versionOf(values, isDefault), values } };
}

function mustResolve(): ScreeningPolicy {
  const result = resolvePolicy({});
  if (!result.ok) throw new Error(`the contract's default policy is invalid: ${result.issues[0]?.message}`);
  return result.policy;
}

export const DEFAULT_POLICY: ScreeningPolicy = mustResolve();
