// A clinic's own repeat-eligibility pack from untrusted input (an API body, a stored row), checked
// like the other clinic settings: every bad field named by its path (`criteria[1].minDays`), none
// thrown (settings/setting-issue.ts). Sources are reference source ids (REFERENCE.md Appendix A)
// or CLINIC for the clinic's own policy.
import { sourcesData } from '../catalogue/sources-data.js';
import type { SettingIssue, SettingResult } from '../settings/setting-issue.js';
import {
  CRITERION_KINDS,
  INTERVAL_SCOPES,
  SESSION_SCOPES,
  type CriterionKind,
  type EligibilityCriterion,
  type EligibilityPack,
} from './outcome-types.js';

export const CLINIC_SOURCE = 'CLINIC';
export const ELIGIBILITY_CRITERIA_MAX = 12;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_MAX = 60;
const NAME_MAX = 120;
const PACK_FIELDS = ['id', 'version', 'name', 'sources', 'criteria', 'notChecked'];
const KIND_FIELDS: Record<CriterionKind, readonly string[]> = {
  'relief-duration': ['kind', 'id', 'minReliefPct', 'minDays', 'sources'],
  'functional-improvement': ['kind', 'id', 'minImprovementPct', 'sources'],
  'min-interval': ['kind', 'id', 'scope', 'minDays', 'minMonths', 'sources'],
  'max-sessions': ['kind', 'id', 'scope', 'max', 'windowMonths', 'sources'],
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const knownSource = (s: string) => s === CLINIC_SOURCE || Object.hasOwn(sourcesData, s);

class Checker {
  readonly issues: SettingIssue[] = [];
  add(code: SettingIssue['code'], path: string, message: string) {
    this.issues.push({ code, path, message });
  }
  fields(value: Record<string, unknown>, allowed: readonly string[], path: string, what: string) {
    for (const f of Object.keys(value)) {
      if (!allowed.includes(f))
        this.add('unknown-field', path ? `${path}.${f}` : f, `${path ? `${path}.${f}` : f} is not ${what} field`);
    }
  }
  int(value: unknown, path: string, min: number, max: number, required = true): number | undefined {
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(
        value === undefined ? 'missing' : 'wrong-type',
        path,
        `${path} must be a whole number from ${min} to ${max}`,
      );
      return undefined;
    }
    if (value < min || value > max) {
      this.add('out-of-range', path, `${path} must be from ${min} to ${max}, not ${value}`);
      return undefined;
    }
    return value;
  }
  text(value: unknown, path: string, max: number, pattern?: RegExp): string | undefined {
    if (typeof value !== 'string') {
      this.add(value === undefined ? 'missing' : 'wrong-type', path, `${path} must be text`);
      return undefined;
    }
    if (value.trim() !== value || value.length === 0 || value.length > max || (pattern && !pattern.test(value))) {
      this.add(
        'not-allowed',
        path,
        pattern
          ? `${path} must be lower-case letters and digits joined by single hyphens, at most ${max} characters, not ${JSON.stringify(value)}`
          : `${path} must be 1 to ${max} characters without leading or trailing spaces`,
      );
      return undefined;
    }
    return value;
  }
  sources(value: unknown, path: string): string[] | undefined {
    if (!Array.isArray(value) || value.length === 0) {
      this.add(
        value === undefined ? 'missing' : 'wrong-type',
        path,
        `${path} must list at least one source id (a reference source or ${CLINIC_SOURCE})`,
      );
      return undefined;
    }
    const before = this.issues.length;
    value.forEach((s: unknown, i) => {
      if (typeof s !== 'string' || !knownSource(s)) {
        this.add(
          'not-allowed',
          `${path}[${i}]`,
          `${path}[${i}] must be a reference source id (e.g. LCD_L34211) or ${CLINIC_SOURCE}, not ${JSON.stringify(s)}`,
        );
      }
    });
    return this.issues.length > before ? undefined : (value as string[]);
  }
  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T | undefined {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.add(
        value === undefined ? 'missing' : 'not-allowed',
        path,
        `${path} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`,
      );
      return undefined;
    }
    return value as T;
  }
}

function checkCriterion(value: unknown, path: string, ck: Checker): EligibilityCriterion | undefined {
  if (!isObject(value)) {
    ck.add('wrong-type', path, `${path} must be an object with a kind`);
    return undefined;
  }
  const before = ck.issues.length;
  const kind = ck.oneOf(value.kind, CRITERION_KINDS, `${path}.kind`);
  if (!kind) return undefined;
  ck.fields(value, KIND_FIELDS[kind], path, `a ${kind} criterion`);
  const id = ck.text(value.id, `${path}.id`, ID_MAX, ID);
  const sources = ck.sources(value.sources, `${path}.sources`);
  let criterion: EligibilityCriterion | undefined;
  switch (kind) {
    case 'relief-duration': {
      const minReliefPct = ck.int(value.minReliefPct, `${path}.minReliefPct`, 1, 100);
      const minDays = ck.int(value.minDays, `${path}.minDays`, 1, 365);
      if (id && sources && minReliefPct !== undefined && minDays !== undefined)
        criterion = { kind, id, minReliefPct, minDays, sources };
      break;
    }
    case 'functional-improvement': {
      const raw = value.minImprovementPct;
      const minImprovementPct = raw === 'any' ? 'any' : ck.int(raw, `${path}.minImprovementPct`, 1, 100);
      if (id && sources && minImprovementPct !== undefined) criterion = { kind, id, minImprovementPct, sources };
      break;
    }
    case 'min-interval': {
      const scope = ck.oneOf(value.scope, INTERVAL_SCOPES, `${path}.scope`);
      const minDays = ck.int(value.minDays, `${path}.minDays`, 1, 365, false);
      const minMonths = ck.int(value.minMonths, `${path}.minMonths`, 1, 12, false);
      if (value.minDays !== undefined && value.minMonths !== undefined) {
        ck.add('inconsistent', `${path}.minMonths`, `${path} takes minDays or minMonths, not both`);
      } else if (value.minDays === undefined && value.minMonths === undefined) {
        ck.add('missing', `${path}.minDays`, `${path} needs minDays or minMonths`);
      }
      if (id && sources && scope && (minDays !== undefined) !== (minMonths !== undefined))
        criterion = { kind, id, scope, ...(minDays !== undefined ? { minDays } : { minMonths }), sources };
      break;
    }
    case 'max-sessions': {
      const scope = ck.oneOf(value.scope, SESSION_SCOPES, `${path}.scope`);
      const max = ck.int(value.max, `${path}.max`, 1, 52);
      const windowMonths = ck.int(value.windowMonths, `${path}.windowMonths`, 1, 24);
      if (id && sources && scope && max !== undefined && windowMonths !== undefined)
        criterion = { kind, id, scope, max, windowMonths, sources };
      break;
    }
  }
  return ck.issues.length > before ? undefined : criterion;
}

/** A clinic-defined pack: `{ id, version, name, sources, criteria: [...], notChecked? }`. */
export function resolveEligibilityPack(input: unknown): SettingResult<EligibilityPack> {
  if (!isObject(input)) {
    return { ok: false, issues: [{ code: 'wrong-type', path: '$', message: 'an eligibility pack must be an object' }] };
  }
  const ck = new Checker();
  ck.fields(input, PACK_FIELDS, '', 'an eligibility pack');
  const id = ck.text(input.id, 'id', ID_MAX, ID);
  const version = ck.int(input.version, 'version', 1, 1_000_000);
  const name = ck.text(input.name, 'name', NAME_MAX);
  const sources = ck.sources(input.sources, 'sources');
  let notChecked: string[] | undefined;
  if (input.notChecked !== undefined) {
    if (!Array.isArray(input.notChecked)) ck.add('wrong-type', 'notChecked', 'notChecked must be a list of texts');
    else notChecked = input.notChecked.map((t: unknown, i) => ck.text(t, `notChecked[${i}]`, 200) ?? '');
  }
  const { criteria } = input;
  if (!Array.isArray(criteria)) {
    ck.add(criteria === undefined ? 'missing' : 'wrong-type', 'criteria', 'criteria must be a list of criteria');
    return { ok: false, issues: ck.issues };
  }
  if (criteria.length === 0 || criteria.length > ELIGIBILITY_CRITERIA_MAX) {
    ck.add(
      'out-of-range',
      'criteria',
      `criteria must hold 1 to ${ELIGIBILITY_CRITERIA_MAX} criteria, not ${criteria.length}`,
    );
    return { ok: false, issues: ck.issues };
  }
  const checked = criteria.map((c, i) => checkCriterion(c, `criteria[${i}]`, ck));
  const seen = new Set<string>();
  criteria.forEach((c: unknown, i) => {
    const cid = isObject(c) ? c.id : undefined;
    if (typeof cid !== 'string') return;
    if (seen.has(cid))
      ck.add('inconsistent', `criteria[${i}].id`, `criteria[${i}].id repeats "${cid}": ids must be unique`);
    seen.add(cid);
  });
  if (ck.issues.length > 0) return { ok: false, issues: ck.issues };
  return {
    ok: true,
    value: {
      id: id as string,
      version: version as number,
      name: name as string,
      sources: sources as string[],
      criteria: checked as EligibilityCriterion[],
      ...(notChecked ? { notChecked } : {}),
    },
  };
}
