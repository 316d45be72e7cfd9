// Local anaesthetic dose arithmetic. REFERENCE.md 3.2 [OLSON]: a patient's maximum for an agent is
// min(mg/kg x weight, absolute cap), with the epinephrine limits for epinephrine products.
// REFERENCE.md 3.3 [LABEL_MEPI][LA_MIX]: toxic effects are additive, so each product line's
// fraction of its maximum is summed, and the sum is compared with 1.0 (or a stricter fraction).
import {
  catalogue,
  isLocalAnestheticAgent,
  type CatalogueData,
  type Injectate,
  type LocalAnestheticAgent,
} from '../catalogue/catalogue.js';

/** Fractions computed from decimals land on their boundary within this tolerance (SCREENING.md 4). */
export const DOSE_TOLERANCE = 1e-9;

export interface DoseLineInput {
  /** Who the line is, for the caller: an order id, a JSON path. */
  readonly key: string;
  readonly product: Injectate;
  readonly volumeMl: number;
}

export interface DoseLimit {
  readonly mgPerKg: number;
  readonly maxMg: number;
}

export interface DoseLine {
  readonly key: string;
  readonly product: Injectate;
  readonly agent: LocalAnestheticAgent;
  readonly withEpinephrine: boolean;
  readonly volumeMl: number;
  readonly mg: number;
  readonly limit: DoseLimit;
  /** This patient's maximum for the line's agent and form. */
  readonly maxMg: number;
  /** 'weight' when mg/kg x weight set the maximum, 'cap' when the absolute cap did. */
  readonly maxBy: 'weight' | 'cap';
  readonly fraction: number;
}

export interface DoseResult {
  readonly weightKg: number | undefined;
  readonly lines: readonly DoseLine[];
  readonly combinedFraction: number;
}

export function limitFor(product: Injectate, data: CatalogueData = catalogue): DoseLimit | undefined {
  if (!isLocalAnestheticAgent(product.ingredient)) return undefined;
  const agent = data.localAnestheticMaxDose.agents[product.ingredient];
  return product.epinephrine ? agent.withEpinephrine : agent.plain;
}

/** The patient's maximum mg of a product's agent; without a weight, the absolute cap alone. */
export function maxMgFor(product: Injectate, weightKg: number | undefined, data: CatalogueData = catalogue) {
  const limit = limitFor(product, data);
  if (!limit) return undefined;
  if (weightKg !== undefined && !(weightKg > 0)) throw new RangeError(`weight must be positive, not ${weightKg} kg`);
  const byWeight = weightKg === undefined ? Infinity : limit.mgPerKg * weightKg;
  return byWeight < limit.maxMg
    ? { maxMg: byWeight, maxBy: 'weight' as const, limit }
    : { maxMg: limit.maxMg, maxBy: 'cap' as const, limit };
}

/** Lines whose product is not a dosed local anaesthetic (steroid, saline) are left out. */
export function calculateDose(options: {
  readonly lines: readonly DoseLineInput[];
  readonly weightKg: number | undefined;
  readonly data?: CatalogueData;
}): DoseResult {
  const { weightKg, data = catalogue } = options;
  const lines: DoseLine[] = [];
  for (const input of options.lines) {
    const { product, volumeMl } = input;
    if (!(volumeMl >= 0)) throw new RangeError(`volume must be zero or more, not ${volumeMl} mL`);
    const max = maxMgFor(product, weightKg, data);
    if (!max || product.mgPerMl === null || !isLocalAnestheticAgent(product.ingredient)) continue;
    const mg = volumeMl * product.mgPerMl;
    lines.push({
      key: input.key,
      product,
      agent: product.ingredient,
      withEpinephrine: product.epinephrine !== null,
      volumeMl,
      mg,
      limit: max.limit,
      maxMg: max.maxMg,
      maxBy: max.maxBy,
      fraction: mg / max.maxMg,
    });
  }
  return { weightKg, lines, combinedFraction: lines.reduce((sum, l) => sum + l.fraction, 0) };
}

/**
 * mL of `product` that can still be added before the combined fraction reaches `ceiling` (1.0 by
 * default); null when the product has no local anaesthetic limit (steroid, saline).
 */
export function remainingMl(options: {
  readonly dose: DoseResult;
  readonly product: Injectate;
  readonly ceiling?: number;
  readonly data?: CatalogueData;
}): number | null {
  const { dose, product, ceiling = 1, data = catalogue } = options;
  const max = maxMgFor(product, dose.weightKg, data);
  if (!max || product.mgPerMl === null || product.mgPerMl <= 0) return null;
  const room = ceiling - dose.combinedFraction;
  if (room <= DOSE_TOLERANCE) return 0;
  return (room * max.maxMg) / product.mgPerMl;
}
