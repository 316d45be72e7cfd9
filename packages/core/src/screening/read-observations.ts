// Observations as SCREENING.md section 4 reads them: status final, amended or corrected; a time
// (effective[x], else issued); only valueQuantity (and valueCodeableConcept for pregnancy status),
// in the catalogue's units, converted to one unit per kind.
import type { CompiledCatalogue, ObservationKind } from '../catalogue/compile-catalogue.js';
import { bundleEntries, codings, num, obj, str, type Json } from '../fhir/read-fhir.js';
import { parseFhirTime } from '../util/fhir-time.js';
import type { PrefetchKey } from './read-request.js';

export interface Reading {
  readonly path: string;
  readonly kind: ObservationKind;
  readonly time: number;
  /** kg, degrees Celsius, INR ratio, 10^9/L, or 1 (pregnant) / 0 (not) for pregnancy status. */
  readonly value: number;
  /** What was written, for the card: "101.2 [degF]". */
  readonly written: string;
}

const USED_STATUS = new Set(['final', 'amended', 'corrected']);
/** INR is a ratio: the catalogue lists no units for it; these (or none) are read. */
export const INR_UNITS: ReadonlySet<string> = new Set(['{INR}', '1', 'INR', 'ratio']);

function observationTime(r: Json): number | undefined {
  return (
    parseFhirTime(r['effectiveDateTime']) ??
    parseFhirTime(r['effectiveInstant']) ??
    parseFhirTime(obj(r['effectivePeriod'])?.['start']) ??
    parseFhirTime(r['issued'])
  );
}

/**
 * The Quantity's unit (its code when the catalogue knows it, else its unit) and what the catalogue's
 * unit table says of it; an unknown unit is refused, not guessed.
 */
function knownUnit<V>(q: Json, units: Readonly<Record<string, V>>): { unit: string; meaning: V } | undefined {
  const code = str(q['code']);
  const unit = code !== undefined && Object.hasOwn(units, code) ? code : (str(q['unit']) ?? code);
  return unit !== undefined && Object.hasOwn(units, unit) ? { unit, meaning: units[unit] as V } : undefined;
}

/** The value in the kind's unit, or undefined when no usable value or unit was given. */
function valueOf(c: CompiledCatalogue, kind: ObservationKind, r: Json): { value: number; written: string } | undefined {
  const obs = c.data.observations;
  if (kind === 'pregnancyStatus') {
    const answer = codings(r['valueCodeableConcept']).filter((k) => k.code !== undefined);
    if (answer.length === 0) return undefined;
    const pregnant = answer.some((k) =>
      obs.pregnancyStatus.pregnantAnswers.some((p) => p.system === k.system && p.code === k.code),
    );
    return {
      value: pregnant ? 1 : 0,
      written: pregnant ? 'pregnant' : (answer[0]?.display ?? answer[0]?.code ?? 'answered'),
    };
  }
  const q = obj(r['valueQuantity']);
  const raw = num(q?.['value']);
  if (!q || raw === undefined) return undefined;
  switch (kind) {
    case 'bodyWeight': {
      const u = knownUnit<number>(q, obs.bodyWeight.units);
      return u && raw > 0 ? { value: raw * u.meaning, written: `${raw} ${u.unit}` } : undefined;
    }
    case 'bodyTemperature': {
      const u = knownUnit<string>(q, obs.bodyTemperature.units);
      if (u?.meaning === 'celsius') return { value: raw, written: `${raw} ${u.unit}` };
      if (u?.meaning === 'fahrenheit') return { value: ((raw - 32) * 5) / 9, written: `${raw} ${u.unit}` };
      return undefined;
    }
    case 'inr': {
      const unit = str(q['code']) ?? str(q['unit']);
      const unitText = str(q['unit']);
      const ok = unit === undefined || INR_UNITS.has(unit) || (unitText !== undefined && INR_UNITS.has(unitText));
      return ok && raw >= 0 ? { value: raw, written: `${raw}` } : undefined;
    }
    case 'platelets': {
      const u = knownUnit<number>(q, obs.platelets.units);
      return u && raw >= 0 ? { value: raw * u.meaning, written: `${raw} ${u.unit}` } : undefined;
    }
    case 'painNrs':
      return undefined;
  }
}

/** Usable readings that are not dated after as-of, grouped by kind. */
export function readObservations(
  c: CompiledCatalogue,
  prefetch: ReadonlyMap<PrefetchKey, unknown>,
  asOf: number,
): Map<ObservationKind, Reading[]> {
  const byKind = new Map<ObservationKind, Reading[]>();
  for (const e of bundleEntries(prefetch.get('observations'), '$.prefetch.observations')) {
    const r = e.resource;
    if (r['resourceType'] !== 'Observation' || !USED_STATUS.has(str(r['status']) ?? '')) continue;
    let kind: ObservationKind | undefined;
    for (const k of codings(r['code'])) {
      if (k.system === c.data.systems.loinc && k.code !== undefined) kind ??= c.observationKindByLoinc.get(k.code);
    }
    if (kind === undefined || kind === 'painNrs') continue;
    const time = observationTime(r);
    if (time === undefined || time > asOf) continue;
    const v = valueOf(c, kind, r);
    if (!v) continue;
    const list = byKind.get(kind) ?? [];
    list.push({ path: e.path, kind, time, value: v.value, written: v.written });
    byKind.set(kind, list);
  }
  return byKind;
}

/**
 * The newest usable reading no older than `spanMs`; two at the same time: the more severe, as
 * `worse(a, b)` says (SCREENING.md section 4).
 */
export function latestWithin(
  readings: readonly Reading[] | undefined,
  asOf: number,
  spanMs: number,
  worse: (a: number, b: number) => boolean,
): Reading | undefined {
  let best: Reading | undefined;
  for (const r of readings ?? []) {
    if (r.time < asOf - spanMs) continue;
    if (!best || r.time > best.time || (r.time === best.time && worse(r.value, best.value))) best = r;
  }
  return best;
}
