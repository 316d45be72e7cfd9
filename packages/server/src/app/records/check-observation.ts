// An observation's value checked against the catalogue before it is stored (GUIDE.md habit 6: an
// unknown unit is refused, not guessed): the LOINC code names the kind (weight, temperature, INR,
// platelets, pain NRS, pregnancy status); a quantity's unit must be one the screen reads for that
// kind, and its number plausible in that unit; pregnancy status is a coded answer.
import { catalogue, INR_UNITS, type ObservationKind } from '@knotwork/core';
import type { ChartObservation } from '../../fhir/chart.js';
import { compiledCatalogue } from './compiled-catalogue.js';

/** The catalogue's observation LOINC codes, the only ones recorded here. */
export const OBSERVATION_LOINC = [...compiledCatalogue.observationKindByLoinc.keys()] as [string, ...string[]];

/**
 * Pain NRS (0-10) has no unit in the catalogue (the screen does not read it); UCUM writes a score
 * as the annotation {score}, or 1.
 */
const PAIN_UNITS: ReadonlySet<string> = new Set(['{score}', '1']);

/** Coded answers come from SNOMED CT or LOINC answer lists, as the catalogue's pregnant answers do. */
export const ANSWER_SYSTEMS = [catalogue.systems.snomed, catalogue.systems.loinc] as const;

export interface ValueIssue {
  /** Below the observation: ['value', 'unit']. */
  readonly path: readonly string[];
  readonly message: string;
}

const o = catalogue.observations;

/** A kind's units and what a plausible number is in each (in the kind's own unit, after conversion). */
function quantityIssue(kind: Exclude<ObservationKind, 'pregnancyStatus'>, quantity: number, unit: string) {
  const units = (list: Iterable<string>) => `expected one of ${[...list].join(', ')}`;
  const unitIssue = (list: Iterable<string>): ValueIssue => ({ path: ['value', 'unit'], message: units(list) });
  const numberIssue = (message: string): ValueIssue => ({ path: ['value', 'quantity'], message });
  switch (kind) {
    case 'bodyWeight': {
      const factor = (o.bodyWeight.units as Readonly<Record<string, number>>)[unit];
      if (factor === undefined) return unitIssue(Object.keys(o.bodyWeight.units));
      const kg = quantity * factor;
      return kg > 0 && kg <= 700 ? undefined : numberIssue(`${quantity} ${unit} is not a body weight`);
    }
    case 'bodyTemperature': {
      const scale = (o.bodyTemperature.units as Readonly<Record<string, string>>)[unit];
      if (scale === undefined) return unitIssue(Object.keys(o.bodyTemperature.units));
      const celsius = scale === 'fahrenheit' ? ((quantity - 32) * 5) / 9 : quantity;
      // Outside 25-45 °C the number was most likely written in the other scale.
      return celsius >= 25 && celsius <= 45 ? undefined : numberIssue(`${quantity} ${unit} is not a body temperature`);
    }
    case 'inr':
      if (!INR_UNITS.has(unit)) return unitIssue(INR_UNITS);
      return quantity > 0 && quantity <= 20 ? undefined : numberIssue(`${quantity} is not an INR`);
    case 'platelets': {
      const factor = (o.platelets.units as Readonly<Record<string, number>>)[unit];
      if (factor === undefined) return unitIssue(Object.keys(o.platelets.units));
      return quantity >= 0 ? undefined : numberIssue('a platelet count is not negative');
    }
    case 'painNrs':
      if (!PAIN_UNITS.has(unit)) return unitIssue(PAIN_UNITS);
      return Number.isInteger(quantity) && quantity >= 0 && quantity <= 10
        ? undefined
        : numberIssue('a pain score is a whole number from 0 to 10');
  }
}

/** What is wrong with the observation's value for its LOINC code; none when it can be stored. */
export function observationValueIssues(observation: Pick<ChartObservation, 'loinc' | 'value'>): ValueIssue[] {
  const kind = compiledCatalogue.observationKindByLoinc.get(observation.loinc);
  if (kind === undefined) return [{ path: ['loinc'], message: 'not an observation code of the catalogue' }];
  const { value } = observation;
  if (kind === 'pregnancyStatus') {
    return 'quantity' in value
      ? [{ path: ['value'], message: 'pregnancy status is a coded answer: { system, code }' }]
      : [];
  }
  if (!('quantity' in value)) return [{ path: ['value'], message: 'expected a quantity: { quantity, unit }' }];
  const issue = quantityIssue(kind, value.quantity, value.unit);
  return issue ? [issue] : [];
}
