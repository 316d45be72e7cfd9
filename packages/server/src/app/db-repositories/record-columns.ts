// The chart's entries as record-table columns, for writeChart (whole charts) and the record store
// (one entry at a time). An update sets every content column, so nothing of the previous version
// lingers (a quantity replaced by a coded answer leaves no unit behind).
import type { RecordInput } from '../records/record-ports.js';
import { lateralityOf } from './chart-rows.js';
import { dateFromIso } from './rows.js';

export function conditionColumns(c: RecordInput<'condition'>) {
  return {
    code: c.icd10,
    display: c.display,
    clinicalStatus: c.clinicalStatus,
    verificationStatus: c.verificationStatus,
    onset: c.onset ?? null,
    bodySiteMuscle: c.bodySite?.muscle ?? null,
    bodySiteRegion: c.bodySite?.region ?? null,
    laterality: c.bodySite?.side === undefined ? null : lateralityOf(c.bodySite.side),
  };
}

export function allergyColumns(a: RecordInput<'allergy'>) {
  const s = a.substance;
  return {
    ...(s.kind === 'text'
      ? { substanceKind: 'text' as const, substanceCode: null, substanceText: s.text }
      : { substanceKind: s.kind, substanceCode: s.code, substanceText: s.text }),
    type: a.type,
    criticality: a.criticality ?? null,
    clinicalStatus: a.clinicalStatus,
    verificationStatus: a.verificationStatus,
  };
}

/** A medicine as the patient reports it (a statement); the display is the text as written. */
export function medicineColumns(m: RecordInput<'medicine'>) {
  return {
    rxnormCode: m.rxnorm ?? null,
    rxnormDisplay: null,
    text: m.display,
    status: m.status,
    assertedAt: m.assertedAt === undefined ? null : dateFromIso(m.assertedAt, 'medicine assertedAt'),
  };
}

export function observationColumns(o: RecordInput<'observation'>) {
  const v = o.value;
  const value =
    'quantity' in v
      ? { valueNumber: v.quantity, unit: v.unit, valueSystem: null, valueCode: null, valueText: null }
      : { valueNumber: null, unit: null, valueSystem: v.system, valueCode: v.code, valueText: v.display ?? null };
  return {
    loincCode: o.loinc,
    display: o.display ?? null,
    ...value,
    effectiveAt: dateFromIso(o.at, 'observation at'),
    status: o.status,
  };
}

/** Only injections that were given are kept (completed), or their retraction (entered-in-error). */
export function earlierAdministrationColumns(a: RecordInput<'earlier-administration'>) {
  if (a.status !== 'completed' && a.status !== 'entered-in-error') {
    throw new RangeError(`an injection given elsewhere is kept as given, not ${a.status}`);
  }
  return {
    productCode: a.injectate ?? null,
    text: a.text ?? '',
    doseMl: a.volumeMl ?? null,
    administeredOn: a.at,
    status: a.status,
    ...(a.source === undefined ? {} : { source: a.source }),
  };
}
