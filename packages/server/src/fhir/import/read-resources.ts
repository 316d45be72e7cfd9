// One EHR resource as a chart entry (issue 5, item 3): what each field becomes, and an issue with
// its location for each field that is missing, malformed or outside its required value set. Codes
// Knotwork does not know are kept: the entry holds what its columns can (ICD-10-CM, RxNorm, LOINC,
// the words), and `sourceCode` keeps the CodeableConcept as sent. Pure: no clock, no storage.
import { catalogue, parseFhirTime, readFhir } from '@knotwork/core';
import type { AllergySubstance } from '../chart.js';
import { SYSTEMS } from '../fhir-systems.js';
import type { ImportedEntry, ImportIssue } from './import-types.js';
import {
  CONDITION_SYSTEMS,
  identifierKey,
  MEDICINE_SYSTEMS,
  primaryCode,
  stableKey,
  SUBSTANCE_SYSTEMS,
} from './match-keys.js';

const { codings, conceptLabel, num, obj, str, statusCode } = readFhir;
type Json = readFhir.Json;

export interface ReadContext {
  readonly path: string;
  readonly issue: (issue: ImportIssue) => void;
  /** The index of the Bundle's Patient a reference names; undefined (after an issue) when none. */
  readonly patientOf: (reference: unknown, expression: string) => number | undefined;
}

/** FHIR date and dateTime (http://hl7.org/fhir/R4/datatypes.html#dateTime). */
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_TIME =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;

export const isFhirDate = (v: string) => DATE.test(v);
export const isFhirDateTime = (v: string) => DATE_TIME.test(v);

function oneOfCodes<T extends string>(
  ctx: ReadContext,
  field: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: { readonly required: true } | { readonly default: T },
): T | undefined {
  if (value === undefined) {
    if ('default' in fallback) return fallback.default;
    ctx.issue({ expression: `${ctx.path}.${field}`, code: 'required', message: `${field} is required` });
    return undefined;
  }
  if ((allowed as readonly string[]).includes(value)) return value as T;
  ctx.issue({
    expression: `${ctx.path}.${field}`,
    code: 'value',
    message: `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`,
  });
  return undefined;
}

/** A CodeableConcept with at least one coding (system and code) or a text; an issue otherwise. */
function concept(ctx: ReadContext, resource: Json, field: string): Json | undefined {
  const value = obj(resource[field]);
  const expression = `${ctx.path}.${field}`;
  if (value === undefined) {
    ctx.issue({ expression, code: 'required', message: `${field} is required (a CodeableConcept)` });
    return undefined;
  }
  const all = codings(value);
  all.forEach((c, i) => {
    if (!c.system || !c.code) {
      ctx.issue({
        expression: `${expression}.coding[${i}]`,
        code: 'required',
        message: 'a coding needs a system and a code',
      });
    }
  });
  if (all.length === 0 && !str(value['text'])?.trim()) {
    ctx.issue({ expression, code: 'required', message: `${field} has neither a coding nor a text` });
    return undefined;
  }
  return all.every((c) => c.system && c.code) ? value : undefined;
}

function dateTimeField(ctx: ReadContext, resource: Json, field: string): string | undefined {
  const raw = resource[field];
  if (raw === undefined) return undefined;
  const value = str(raw);
  if (value === undefined || !isFhirDateTime(value)) {
    ctx.issue({
      expression: `${ctx.path}.${field}`,
      code: 'value',
      message: `${JSON.stringify(raw)} is not a FHIR dateTime`,
    });
    return undefined;
  }
  return value;
}

/** A point in time for a timestamp column: an ISO instant in UTC (a date alone is its start, in UTC). */
const instant = (value: string): string => new Date(parseFhirTime(value) ?? Number.NaN).toISOString();

function codeIn(concept: Json, system: string): { code: string; display: string | undefined } | undefined {
  const c = codings(concept).find((x) => x.system === system && x.code);
  return c?.code ? { code: c.code, display: c.display } : undefined;
}

function label(concept: Json): string {
  return str(concept['text'])?.trim() || conceptLabel(concept);
}

export function readCondition(resource: Json, ctx: ReadContext): ImportedEntry | undefined {
  const patient = ctx.patientOf(resource['subject'], `${ctx.path}.subject`);
  const code = concept(ctx, resource, 'code');
  const clinicalStatus = oneOfCodes(
    ctx,
    'clinicalStatus',
    statusCode(resource['clinicalStatus']),
    ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'] as const,
    { required: true },
  );
  // An EHR that does not say whether a diagnosis is confirmed: 'unconfirmed', never a guessed
  // 'confirmed' (the screen counts both; the record tells the truth about the source).
  const verificationStatus = oneOfCodes(
    ctx,
    'verificationStatus',
    statusCode(resource['verificationStatus']),
    ['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error'] as const,
    { default: 'unconfirmed' },
  );
  const onset = dateTimeField(ctx, resource, 'onsetDateTime');
  if (patient === undefined || !code || !clinicalStatus || !verificationStatus) return undefined;
  // A condition with no ICD-10-CM code keeps an empty one: its words and the EHR's codes are kept.
  const icd10 = codeIn(code, SYSTEMS.icd10cm);
  const content = {
    icd10: icd10?.code ?? '',
    display: icd10?.display?.trim() || label(code),
    clinicalStatus,
    verificationStatus,
    ...(onset ? { onset } : {}),
  };
  return {
    kind: 'condition',
    path: ctx.path,
    patient,
    matchKey:
      identifierKey(resource['identifier']) ?? stableKey(['condition', primaryCode(code, CONDITION_SYSTEMS), onset]),
    content,
    sourceCode: code,
    datedAt: onset ? { expression: `${ctx.path}.onsetDateTime`, value: onset } : undefined,
  };
}

/** The catalogue's ingredients by their RxNorm codes: an allergy to one is one the screen knows by id. */
const INGREDIENT_BY_RXNORM = new Map(
  Object.entries(catalogue.ingredients as Readonly<Record<string, { readonly rxnorm: readonly string[] }>>).flatMap(
    ([id, ingredient]) => ingredient.rxnorm.map((rx) => [rx, id] as const),
  ),
);

function substanceOf(code: Json): AllergySubstance {
  const text = label(code);
  const rx = codeIn(code, SYSTEMS.rxnorm);
  const ingredient = rx && INGREDIENT_BY_RXNORM.get(rx.code);
  if (ingredient) return { kind: 'ingredient', code: ingredient, text };
  if (rx) return { kind: 'rxnorm', code: rx.code, text };
  const injectate = codeIn(code, SYSTEMS.injectate);
  if (injectate) return { kind: 'injectate', code: injectate.code, text };
  const cls = codeIn(code, SYSTEMS.substanceClass);
  if (cls) return { kind: 'class', code: cls.code, text };
  return { kind: 'text', text };
}

export function readAllergy(resource: Json, ctx: ReadContext): ImportedEntry | undefined {
  const patient = ctx.patientOf(resource['patient'], `${ctx.path}.patient`);
  const code = concept(ctx, resource, 'code');
  // An allergy whose status the EHR does not give is taken as active and unconfirmed: the screen
  // then still warns about it (SCREENING.md), and the record does not claim it was confirmed.
  const clinicalStatus = oneOfCodes(
    ctx,
    'clinicalStatus',
    statusCode(resource['clinicalStatus']),
    ['active', 'inactive', 'resolved'] as const,
    { default: 'active' },
  );
  const verificationStatus = oneOfCodes(
    ctx,
    'verificationStatus',
    statusCode(resource['verificationStatus']),
    ['unconfirmed', 'confirmed', 'refuted', 'entered-in-error'] as const,
    { default: 'unconfirmed' },
  );
  const type = oneOfCodes(ctx, 'type', str(resource['type']), ['allergy', 'intolerance'] as const, {
    default: 'allergy',
  });
  const criticality =
    resource['criticality'] === undefined
      ? undefined
      : oneOfCodes(
          ctx,
          'criticality',
          str(resource['criticality']) ?? '',
          ['low', 'high', 'unable-to-assess'] as const,
          {
            required: true,
          },
        );
  if (resource['criticality'] !== undefined && !criticality) return undefined;
  if (patient === undefined || !code || !clinicalStatus || !verificationStatus || !type) return undefined;
  return {
    kind: 'allergy',
    path: ctx.path,
    patient,
    matchKey: identifierKey(resource['identifier']) ?? stableKey(['allergy', primaryCode(code, SUBSTANCE_SYSTEMS)]),
    content: {
      substance: substanceOf(code),
      type,
      clinicalStatus,
      verificationStatus,
      ...(criticality ? { criticality } : {}),
    },
    sourceCode: code,
  };
}

type MedicineStatus = 'active' | 'on-hold' | 'intended' | 'stopped' | 'completed' | 'entered-in-error';

/** MedicationStatement statuses the chart holds as they are ('unknown' and 'not-taken' it cannot). */
const STATEMENT_STATUSES = ['active', 'on-hold', 'intended', 'stopped', 'completed', 'entered-in-error'] as const;
/** A prescription's status as the chart's medicine status: a cancelled one was stopped, a draft is intended. */
const REQUEST_STATUS: Readonly<Record<string, MedicineStatus>> = {
  active: 'active',
  'on-hold': 'on-hold',
  cancelled: 'stopped',
  completed: 'completed',
  'entered-in-error': 'entered-in-error',
  stopped: 'stopped',
  draft: 'intended',
};

export function readMedicine(resource: Json, ctx: ReadContext): ImportedEntry | undefined {
  const isRequest = resource['resourceType'] === 'MedicationRequest';
  const patient = ctx.patientOf(resource['subject'], `${ctx.path}.subject`);
  if (resource['medicationReference'] !== undefined) {
    ctx.issue({
      expression: `${ctx.path}.medicationReference`,
      code: 'not-supported',
      message: 'send the medicine as medicationCodeableConcept',
    });
    return undefined;
  }
  const code = concept(ctx, resource, 'medicationCodeableConcept');
  const rawStatus = str(resource['status']);
  const status = isRequest
    ? oneOfCodes(
        ctx,
        'status',
        rawStatus === undefined ? undefined : (REQUEST_STATUS[rawStatus] ?? rawStatus),
        Object.values(REQUEST_STATUS),
        {
          required: true,
        },
      )
    : oneOfCodes(ctx, 'status', rawStatus, STATEMENT_STATUSES, { required: true });
  const whenField = isRequest ? 'authoredOn' : 'dateAsserted';
  const asserted = dateTimeField(ctx, resource, whenField);
  const effectiveStart = isRequest ? undefined : dateTimeField(ctx, obj(resource['effectivePeriod']) ?? {}, 'start');
  const effective = isRequest ? undefined : (dateTimeField(ctx, resource, 'effectiveDateTime') ?? effectiveStart);
  if (patient === undefined || !code || !status) return undefined;
  const when = asserted ?? effective;
  const assertedAt = when === undefined ? undefined : instant(when);
  const rx = codeIn(code, SYSTEMS.rxnorm);
  return {
    kind: 'medicine',
    path: ctx.path,
    patient,
    matchKey:
      identifierKey(resource['identifier']) ?? stableKey(['medicine', primaryCode(code, MEDICINE_SYSTEMS), assertedAt]),
    content: {
      ...(rx ? { rxnorm: rx.code } : {}),
      display: label(code),
      status,
      ...(assertedAt ? { assertedAt } : {}),
    },
    sourceCode: code,
    datedAt: when ? { expression: `${ctx.path}.${asserted ? whenField : 'effective'}`, value: when } : undefined,
  };
}

const OBSERVATION_STATUSES = ['final', 'amended', 'corrected', 'preliminary', 'entered-in-error'] as const;

/** Pain NRS codes: a score sent as valueInteger (as Knotwork's export sends it) is kept as {score}. */
const PAIN_NRS: ReadonlySet<string> = new Set(catalogue.observations.painNrs.loinc);

function observationValue(resource: Json, ctx: ReadContext, loinc: string | undefined) {
  const integer = resource['valueInteger'];
  if (integer !== undefined) {
    if (typeof integer !== 'number' || !Number.isInteger(integer)) {
      ctx.issue({
        expression: `${ctx.path}.valueInteger`,
        code: 'value',
        message: `${JSON.stringify(integer)} is not an integer`,
      });
      return undefined;
    }
    // A count or score without a unit: UCUM's unity, or {score} for a pain score.
    return { quantity: integer, unit: loinc !== undefined && PAIN_NRS.has(loinc) ? '{score}' : '1' };
  }
  const quantity = obj(resource['valueQuantity']);
  if (quantity) {
    const value = num(quantity['value']);
    const unit = str(quantity['code']) ?? str(quantity['unit']);
    if (value === undefined)
      ctx.issue({
        expression: `${ctx.path}.valueQuantity.value`,
        code: 'required',
        message: 'a quantity needs a number',
      });
    if (unit === undefined)
      ctx.issue({
        expression: `${ctx.path}.valueQuantity.code`,
        code: 'required',
        message: 'a quantity needs a unit (UCUM code)',
      });
    return value === undefined || unit === undefined ? undefined : { quantity: value, unit };
  }
  const coded = obj(resource['valueCodeableConcept']);
  if (coded) {
    const c = codings(coded).find((x) => x.system && x.code);
    if (!c?.system || !c.code) {
      ctx.issue({
        expression: `${ctx.path}.valueCodeableConcept`,
        code: 'required',
        message: 'a coded value needs a coding with a system and a code',
      });
      return undefined;
    }
    return { system: c.system, code: c.code, ...(c.display ? { display: c.display } : {}) };
  }
  const other = Object.keys(resource).find((k) => k.startsWith('value'));
  ctx.issue(
    other
      ? {
          expression: `${ctx.path}.${other}`,
          code: 'not-supported',
          message: 'the chart keeps a quantity or a coded value',
        }
      : {
          expression: `${ctx.path}.value[x]`,
          code: 'required',
          message: 'an observation needs a value (valueQuantity or valueCodeableConcept)',
        },
  );
  return undefined;
}

export function readObservation(resource: Json, ctx: ReadContext): ImportedEntry | undefined {
  const patient = ctx.patientOf(resource['subject'], `${ctx.path}.subject`);
  const code = concept(ctx, resource, 'code');
  const loinc = code ? codeIn(code, SYSTEMS.loinc) : undefined;
  if (code && !loinc) {
    // The chart keys observations by LOINC (the screen reads weight, INR ... by it).
    ctx.issue({
      expression: `${ctx.path}.code`,
      code: 'required',
      message: `an observation needs a LOINC coding (${SYSTEMS.loinc})`,
    });
  }
  const status = oneOfCodes(ctx, 'status', str(resource['status']), OBSERVATION_STATUSES, { required: true });
  const effective =
    dateTimeField(ctx, resource, 'effectiveDateTime') ??
    dateTimeField(ctx, obj(resource['effectivePeriod']) ?? {}, 'start') ??
    (resource['effectiveInstant'] === undefined ? undefined : dateTimeField(ctx, resource, 'effectiveInstant'));
  if (effective === undefined && resource['effectiveDateTime'] === undefined) {
    ctx.issue({
      expression: `${ctx.path}.effective[x]`,
      code: 'required',
      message: 'an observation needs the time it was taken (effectiveDateTime)',
    });
  }
  const value = observationValue(resource, ctx, loinc?.code);
  if (patient === undefined || !code || !loinc || !status || !effective || !value) return undefined;
  const at = instant(effective);
  return {
    kind: 'observation',
    path: ctx.path,
    patient,
    matchKey: identifierKey(resource['identifier']) ?? stableKey(['observation', `${SYSTEMS.loinc}#${loinc.code}`, at]),
    content: { loinc: loinc.code, ...(loinc.display ? { display: loinc.display } : {}), value, at, status },
    sourceCode: code,
    datedAt: { expression: `${ctx.path}.effectiveDateTime`, value: effective },
  };
}
