// The complication catalogue (REFERENCE.md 5.1; reference.json `complications`): the types a
// clinician or a patient can record against a visit, each with its label, the ICD-10-CM hints the
// reference gives for coding it, when to escalate, and its sources.
import { referenceData } from './reference-data.js';

type ReferenceComplication = (typeof referenceData.complications)[number];
export type ComplicationType = ReferenceComplication['id'];

export interface ComplicationTypeInfo {
  readonly id: ComplicationType;
  readonly label: string;
  readonly onset: string | null;
  readonly escalateIf: string | null;
  /** ICD-10-CM hints as the reference words them; some are marked "verify" there. */
  readonly icd10Hints: readonly string[];
  readonly sources: readonly string[];
}

const field = (c: ReferenceComplication, key: string): string | null => {
  const value = (c as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
};

export const COMPLICATION_TYPES: readonly ComplicationTypeInfo[] = referenceData.complications.map((c) => ({
  id: c.id,
  label: c.label,
  onset: field(c, 'onset'),
  escalateIf: field(c, 'escalate_if'),
  icd10Hints: 'icd10_hint' in c ? c.icd10_hint : [],
  sources: c.source,
}));

const byId = new Map<string, ComplicationTypeInfo>(COMPLICATION_TYPES.map((c) => [c.id, c]));

export function isComplicationType(id: string): id is ComplicationType {
  return byId.has(id);
}

export function complicationType(id: string): ComplicationTypeInfo | undefined {
  return byId.get(id);
}
