// The plan as the step edits it: sites with their trigger-point findings, product rows as typed
// (a volume is text until it is a positive number), and what of it can be sent.
import { catalogue } from '@knotwork/core';
import type { PlanSite } from '../../body-map';
import type { Findings, Plan, PlanInput, PlannedProduct, PlannedSite } from '../../api/visit-planning-types';

export const NO_FINDINGS: Findings = { tautBand: false, localTwitch: false, referredPain: false, jumpSign: false };

export const FINDING_LABELS: readonly { readonly key: keyof Findings; readonly label: string }[] = [
  { key: 'tautBand', label: 'Taut band' },
  { key: 'localTwitch', label: 'Local twitch' },
  { key: 'referredPain', label: 'Referred pain' },
  { key: 'jumpSign', label: 'Jump sign' },
];

export interface ProductRow {
  readonly key: number;
  readonly injectate: string;
  readonly volume: string;
}

export const INJECTATE_CHOICES = catalogue.injectates.map((i) => ({ code: i.code, label: i.display }));

const muscleNames = new Map<string, string>(catalogue.muscles.map((m) => [m.code, m.display]));
export const muscleName = (code: string): string => muscleNames.get(code) ?? code;

/** The sites after a map or list edit, each keeping the findings it had. */
export function withFindings(edited: readonly PlanSite[], before: readonly PlannedSite[]): PlannedSite[] {
  const findings = new Map(before.map((s) => [s.muscle, s.findings]));
  return edited.map((s) => ({ muscle: s.muscle, side: s.side, findings: findings.get(s.muscle) ?? NO_FINDINGS }));
}

/** A typed volume as a number of mL, or undefined while it is not a positive number. */
export function volumeOf(text: string): number | undefined {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The rows that name a product and a volume: what the dose meter and the plan can be sent. */
export function plannedProducts(rows: readonly ProductRow[]): PlannedProduct[] {
  return rows.flatMap((row) => {
    const volumeMl = volumeOf(row.volume);
    return row.injectate !== '' && volumeMl !== undefined ? [{ injectate: row.injectate, volumeMl }] : [];
  });
}

/** What can be saved: at least one site and one product with its volume (the API's minimum). */
export function planInput(sites: readonly PlannedSite[], rows: readonly ProductRow[]): PlanInput | undefined {
  const products = plannedProducts(rows);
  return sites.length > 0 && products.length > 0 ? { sites, products } : undefined;
}

export function rowsOf(plan: Pick<Plan, 'products'> | undefined): ProductRow[] {
  const products = plan?.products ?? [];
  if (products.length === 0) return [{ key: 0, injectate: '', volume: '' }];
  return products.map((p, key) => ({ key, injectate: p.injectate, volume: String(p.volumeMl) }));
}
