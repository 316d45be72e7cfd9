// Everything the rules read, extracted once per screen from the request: the plan, the record,
// the weight and the dose. Rules then only compare; they never walk the request themselves.
import type { Icd10SetName, IngredientId } from '../catalogue/catalogue.js';
import type { CompiledCatalogue, ObservationKind } from '../catalogue/compile-catalogue.js';
import { calculateDose, type DoseLineInput, type DoseResult } from '../dose/dose.js';
import type { ScreeningPolicyValues } from '../policy/policy.js';
import { DAY_MS, HOUR_MS, isWithin } from '../util/fhir-time.js';
import {
  readAdministrations,
  readAllergies,
  readConditions,
  readMedicines,
  type AdministrationFact,
  type AllergyFact,
  type ConditionFact,
  type MedicineFact,
} from './read-record.js';
import { latestWithin, readObservations, type Reading } from './read-observations.js';
import type { PlannedLine, PlannedSite, PrefetchKey, ReadRequest } from './read-request.js';

export interface ScreenFacts {
  readonly catalogue: CompiledCatalogue;
  readonly policy: ScreeningPolicyValues;
  readonly asOf: number;
  readonly request: ReadRequest;
  known(key: PrefetchKey): boolean;
  readonly sites: readonly PlannedSite[];
  readonly recognisedSites: readonly PlannedSite[];
  readonly lines: readonly PlannedLine[];
  readonly plannedIngredients: ReadonlySet<IngredientId>;
  readonly plannedExcipients: ReadonlySet<string>;
  readonly localAnestheticPlanned: boolean;
  readonly corticosteroidPlanned: boolean;
  /** Planned lines with a local anaesthetic product and a readable volume. */
  readonly dosedLines: readonly PlannedLine[];
  readonly conditions: readonly ConditionFact[];
  readonly allergies: readonly AllergyFact[];
  readonly medicines: readonly MedicineFact[];
  readonly administrations: readonly AdministrationFact[];
  readonly readings: ReadonlyMap<ObservationKind, readonly Reading[]>;
  /** Usable body weight within the policy's maximum age. */
  readonly weight: Reading | undefined;
  /** Earlier local anaesthetic administrations that add to the plan's dose (24 h before as-of). */
  readonly earlierLocalAnesthetic: readonly AdministrationFact[];
  /** Present when a local anaesthetic is planned. */
  readonly dose: DoseResult | undefined;
  activeIn(set: Icd10SetName): ConditionFact[];
}

const EARLIER_LA_WINDOW_MS = 24 * HOUR_MS; // SCREENING.md section 3, dose-limit: the 24 h before as-of

function isLocalAnesthetic(c: CompiledCatalogue, id: IngredientId): boolean {
  const cls = c.data.ingredients[id].class;
  return cls === 'amide-local-anesthetic' || cls === 'ester-local-anesthetic';
}

export function buildScreenFacts(options: {
  catalogue: CompiledCatalogue;
  policy: ScreeningPolicyValues;
  asOf: number;
  request: ReadRequest;
}): ScreenFacts {
  const { catalogue: c, policy, asOf, request } = options;
  const { prefetch } = request;
  const plannedIngredients = new Set<IngredientId>();
  const plannedExcipients = new Set<string>();
  for (const line of request.lines) {
    line.ingredients.forEach((i) => plannedIngredients.add(i));
    line.product?.excipients.forEach((e) => plannedExcipients.add(e));
  }
  const ingredients = [...plannedIngredients];
  const localAnestheticPlanned = ingredients.some((i) => isLocalAnesthetic(c, i));
  const corticosteroidPlanned = ingredients.some((i) => c.data.ingredients[i].class === 'corticosteroid');
  const dosedLines = request.lines.filter(
    (l) => l.product !== undefined && l.volumeMl !== undefined && isLocalAnesthetic(c, l.product.ingredient),
  );

  const readings = readObservations(c, prefetch, asOf);
  const weight = latestWithin(readings.get('bodyWeight'), asOf, policy.weightMaxAgeDays * DAY_MS, (a, b) => a < b);
  const administrations = readAdministrations(c, prefetch, request.medications, asOf);
  const earlierLocalAnesthetic = administrations.filter(
    (a) =>
      a.product !== undefined &&
      isLocalAnesthetic(c, a.product.ingredient) &&
      a.volumeMl !== undefined &&
      a.time !== undefined &&
      isWithin(a.time, asOf, EARLIER_LA_WINDOW_MS),
  );
  let dose: DoseResult | undefined;
  if (localAnestheticPlanned) {
    const inputs: DoseLineInput[] = [];
    for (const l of dosedLines)
      if (l.product && l.volumeMl !== undefined) inputs.push({ key: l.path, product: l.product, volumeMl: l.volumeMl });
    for (const a of earlierLocalAnesthetic)
      if (a.product && a.volumeMl !== undefined) inputs.push({ key: a.path, product: a.product, volumeMl: a.volumeMl });
    dose = calculateDose({ lines: inputs, weightKg: weight?.value, data: c.data });
  }
  const conditions = readConditions(c, prefetch, asOf);
  return {
    catalogue: c,
    policy,
    asOf,
    request,
    known: (key) => prefetch.has(key),
    sites: request.sites,
    recognisedSites: request.sites.filter((s) => s.muscle !== undefined),
    lines: request.lines,
    plannedIngredients,
    plannedExcipients,
    localAnestheticPlanned,
    corticosteroidPlanned,
    dosedLines,
    conditions,
    allergies: readAllergies(c, prefetch, asOf),
    medicines: readMedicines(c, prefetch, request.medications, asOf),
    administrations,
    readings,
    weight,
    earlierLocalAnesthetic,
    dose,
    activeIn: (set) => conditions.filter((cond) => cond.active && cond.sets.includes(set)),
  };
}
