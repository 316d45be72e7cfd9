// Record rows as the chart's entries (fhir/chart.ts). Where the table holds more states than the
// chart knows, the mapping is chosen so the screen errs on the side of showing a risk.
import type { Side } from '@knotwork/core';
import type { schema } from '../../db/index.js';
import type {
  AllergySubstance,
  ChartAdministration,
  ChartAllergy,
  ChartBodySite,
  ChartMedicine,
  ChartObservation,
} from '../../fhir/chart.js';
import type { StoredEntry } from '../records/record-ports.js';
import { present } from './rows.js';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

// The columns each mapper reads (property names): the chart selects only these, and the mappers'
// types let them read nothing else.
export const CONDITION_COLUMNS = [
  'id',
  'code',
  'display',
  'clinicalStatus',
  'verificationStatus',
  'onset',
  'recordedAt',
  'bodySiteMuscle',
  'bodySiteRegion',
  'laterality',
  'revision',
] as const;
export const ALLERGY_COLUMNS = [
  'id',
  'substanceKind',
  'substanceCode',
  'substanceText',
  'type',
  'criticality',
  'clinicalStatus',
  'verificationStatus',
  'recordedAt',
  'revision',
] as const;
export const MEDICINE_COLUMNS = [
  'id',
  'rxnormCode',
  'rxnormDisplay',
  'text',
  'status',
  'assertedAt',
  'authoredAt',
  'revision',
] as const;
export const OBSERVATION_COLUMNS = [
  'id',
  'loincCode',
  'display',
  'valueSystem',
  'valueCode',
  'valueText',
  'valueNumber',
  'unit',
  'effectiveAt',
  'status',
  'revision',
] as const;
export const EARLIER_ADMINISTRATION_COLUMNS = [
  'id',
  'productCode',
  'text',
  'doseMl',
  'administeredOn',
  'status',
  'revision',
] as const;
export const OWN_ADMINISTRATION_COLUMNS = ['id', 'productCode', 'productText', 'volumeMl', 'administeredAt'] as const;

type Picked<T extends { $inferSelect: unknown }, K extends readonly (keyof Row<T>)[]> = Pick<Row<T>, K[number]>;
type Laterality = NonNullable<Row<typeof schema.conditions>['laterality']>;

export const lateralityOf = (side: Side): Laterality => (side === 'both' ? 'bilateral' : side);
const sideOf = (laterality: Laterality): Side => (laterality === 'bilateral' ? 'both' : laterality);

export function conditionOf(r: Picked<typeof schema.conditions, typeof CONDITION_COLUMNS>): StoredEntry<'condition'> {
  const site: ChartBodySite = {
    ...present('muscle', r.bodySiteMuscle),
    ...present('region', r.bodySiteRegion),
    ...present('side', r.laterality === null ? null : sideOf(r.laterality)),
  };
  return {
    id: r.id,
    icd10: r.code,
    display: r.display,
    clinicalStatus: r.clinicalStatus,
    verificationStatus: r.verificationStatus,
    ...present('onset', r.onset),
    recordedAt: r.recordedAt.toISOString(),
    ...(Object.keys(site).length > 0 ? { bodySite: site } : {}),
    revision: r.revision,
  };
}

function substanceOf(r: Picked<typeof schema.allergies, typeof ALLERGY_COLUMNS>): AllergySubstance {
  const text = r.substanceText;
  const code = r.substanceCode ?? '';
  switch (r.substanceKind) {
    case 'text':
      return { kind: 'text', text };
    // Excipients (paraben, sulfite ...) are substance classes in the catalogue's code system.
    case 'class':
    case 'excipient':
      return { kind: 'class', code, text };
    case 'ingredient':
    case 'injectate':
    case 'rxnorm':
      return { kind: r.substanceKind, code, text };
  }
}

/** 'presumed' and an unstated verification read as unconfirmed: the allergy is still shown. */
function allergyVerificationOf(
  v: Row<typeof schema.allergies>['verificationStatus'],
): ChartAllergy['verificationStatus'] {
  return v === 'confirmed' || v === 'refuted' || v === 'entered-in-error' ? v : 'unconfirmed';
}

export function allergyOf(r: Picked<typeof schema.allergies, typeof ALLERGY_COLUMNS>): StoredEntry<'allergy'> {
  return {
    id: r.id,
    substance: substanceOf(r),
    // FHIR: an unstated type is not an intolerance; treat it as an allergy.
    type: r.type ?? 'allergy',
    ...present('criticality', r.criticality),
    clinicalStatus: r.clinicalStatus,
    verificationStatus: allergyVerificationOf(r.verificationStatus),
    recordedAt: r.recordedAt.toISOString(),
    revision: r.revision,
  };
}

/** Statuses the chart does not have: an unknown status counts as taken, a draft as intended. */
function medicineStatusOf(s: Row<typeof schema.medicines>['status']): ChartMedicine['status'] {
  switch (s) {
    case 'active':
    case 'on-hold':
    case 'intended':
    case 'stopped':
    case 'completed':
    case 'entered-in-error':
      return s;
    case 'unknown':
      return 'active';
    case 'draft':
      return 'intended';
    case 'cancelled':
    case 'not-taken':
      return 'stopped';
  }
}

export function medicineOf(r: Picked<typeof schema.medicines, typeof MEDICINE_COLUMNS>): StoredEntry<'medicine'> {
  return {
    id: r.id,
    ...present('rxnorm', r.rxnormCode),
    display: r.rxnormDisplay ?? r.text,
    status: medicineStatusOf(r.status),
    ...present('assertedAt', (r.assertedAt ?? r.authoredAt)?.toISOString()),
    revision: r.revision,
  };
}

function observationStatusOf(s: Row<typeof schema.observations>['status']): ChartObservation['status'] {
  switch (s) {
    case 'final':
    case 'amended':
    case 'corrected':
    case 'preliminary':
    case 'entered-in-error':
      return s;
    case 'registered':
    case 'unknown':
      return 'preliminary';
    // Never done: nothing the screen should read.
    case 'cancelled':
      return 'entered-in-error';
  }
}

/** Undefined for a free-text result: the chart (and the screen) reads quantities and coded answers. */
export function observationOf(
  r: Picked<typeof schema.observations, typeof OBSERVATION_COLUMNS>,
): StoredEntry<'observation'> | undefined {
  const value: ChartObservation['value'] | undefined =
    r.valueSystem !== null && r.valueCode !== null
      ? { system: r.valueSystem, code: r.valueCode, ...present('display', r.valueText) }
      : r.valueNumber !== null
        ? { quantity: r.valueNumber, unit: r.unit ?? '' }
        : undefined;
  if (value === undefined) return undefined;
  return {
    id: r.id,
    loinc: r.loincCode,
    ...present('display', r.display),
    value,
    at: r.effectiveAt.toISOString(),
    status: observationStatusOf(r.status),
    revision: r.revision,
  };
}

/** An injection given elsewhere, as reported (given, or entered in error since). */
export function earlierAdministrationOf(
  r: Picked<typeof schema.earlierAdministrations, typeof EARLIER_ADMINISTRATION_COLUMNS>,
): StoredEntry<'earlier-administration'> {
  return {
    id: r.id,
    ...present('injectate', r.productCode),
    ...present('text', r.text === '' ? null : r.text),
    ...present('volumeMl', r.doseMl),
    at: r.administeredOn,
    status: r.status,
    revision: r.revision,
  };
}

/** One of our own administrations, from a signed procedure note. */
export function ownAdministrationOf(
  r: Picked<typeof schema.administrations, typeof OWN_ADMINISTRATION_COLUMNS>,
): ChartAdministration {
  return {
    id: r.id,
    ...present('injectate', r.productCode),
    ...present('text', r.productCode === null ? r.productText : null),
    volumeMl: r.volumeMl,
    at: r.administeredAt.toISOString(),
    status: 'completed',
  };
}
