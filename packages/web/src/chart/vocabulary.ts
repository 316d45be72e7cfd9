// The words the chart's forms offer, from the shared catalogue (@knotwork/core): the codes the API
// accepts for substances, products and observations, with the catalogue's names. Vocabulary only:
// no clinical rule is evaluated here; the server decides and says why.
import { catalogue } from '@knotwork/core';

export interface Choice {
  readonly code: string;
  readonly label: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const INGREDIENTS: readonly Choice[] = Object.entries(catalogue.ingredients)
  .map(([code, i]) => ({ code, label: capitalise(i.names[0] ?? code) }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** Substance classes, excipients (parabens, sulfites ...) included. */
export const SUBSTANCE_CLASSES: readonly Choice[] = catalogue.substanceClasses.map((c) => ({
  code: c.code,
  label: c.display,
}));

export const INJECTATES: readonly Choice[] = catalogue.injectates.map((i) => ({ code: i.code, label: i.display }));

const injectateNames = new Map(INJECTATES.map((i) => [i.code, i.label]));
export const injectateLabel = (code: string | undefined): string | undefined =>
  code === undefined ? undefined : (injectateNames.get(code) ?? code);

export type ObservationKindId = 'bodyWeight' | 'bodyTemperature' | 'inr' | 'platelets' | 'painNrs';

export interface ObservationKind {
  readonly id: ObservationKindId;
  readonly label: string;
  readonly loinc: string;
  readonly display: string;
  /** Units the API accepts for it, the usual one first, with how each reads. */
  readonly units: readonly Choice[];
  readonly step: string;
}

const UNIT_LABELS: Readonly<Record<string, string>> = {
  kg: 'kg',
  '[lb_av]': 'lb',
  Cel: '°C',
  '[degF]': '°F',
  '{INR}': 'INR',
  '10*9/L': '× 10⁹/L',
  '10*3/uL': '× 10³/µL',
  '{score}': '/ 10',
};

export const unitLabel = (unit: string): string => UNIT_LABELS[unit] ?? unit;

const first = (codes: readonly string[]) => codes[0] ?? '';
const o = catalogue.observations;

export const OBSERVATION_KINDS: readonly ObservationKind[] = [
  {
    id: 'bodyWeight',
    label: 'Weight',
    loinc: first(o.bodyWeight.loinc),
    display: 'Body weight',
    units: ['kg', '[lb_av]'].map((u) => ({ code: u, label: unitLabel(u) })),
    step: '0.1',
  },
  {
    id: 'bodyTemperature',
    label: 'Temperature',
    loinc: first(o.bodyTemperature.loinc),
    display: 'Body temperature',
    units: ['Cel', '[degF]'].map((u) => ({ code: u, label: unitLabel(u) })),
    step: '0.1',
  },
  {
    id: 'inr',
    label: 'INR',
    loinc: first(o.inr.loinc),
    display: 'INR in Platelet poor plasma by Coagulation assay',
    units: [{ code: '{INR}', label: 'INR' }],
    step: '0.1',
  },
  {
    id: 'platelets',
    label: 'Platelets',
    loinc: first(o.platelets.loinc),
    display: 'Platelets [#/volume] in Blood',
    units: ['10*9/L', '10*3/uL'].map((u) => ({ code: u, label: unitLabel(u) })),
    step: '1',
  },
  {
    id: 'painNrs',
    label: 'Pain (NRS 0–10)',
    loinc: first(o.painNrs.loinc),
    display: 'Pain severity 0-10',
    units: [{ code: '{score}', label: '/ 10' }],
    step: '1',
  },
];

const KIND_BY_LOINC = new Map<string, { id: string; label: string }>([
  ...OBSERVATION_KINDS.flatMap((k) => {
    const codes = (o[k.id] as { loinc: readonly string[] }).loinc;
    return codes.map((code) => [code, { id: k.id, label: k.label }] as const);
  }),
  ...o.pregnancyStatus.loinc.map((code) => [code, { id: 'pregnancyStatus', label: 'Pregnancy status' }] as const),
]);

/** The kind an observation's LOINC code is, as the catalogue lists it. */
export function observationKindOf(loinc: string): { id: string; label: string } | undefined {
  return KIND_BY_LOINC.get(loinc);
}
