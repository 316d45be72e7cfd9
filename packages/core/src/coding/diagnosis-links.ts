// ICD-10-CM indications linked to the claim lines. A visit diagnosis is linked when it falls in the
// catalogue's `indication` set (prefix match, dots ignored, as compileCatalogue().icd10SetsOf).
// REFERENCE.md 1.2 [ICD_SRC]: some prefixes are non-billable headers; a header is reported as needing
// a more specific code instead of being linked. Named headers there: M79.1 (now M79.10-M79.18),
// M54.5 (M54.50-M54.59), G44.2, G44.20, G44.21, G44.22. The same table lists only children as
// billable for G89.2 (G89.29), M62.83 (M62.830, M62.838) and M70.9 (M70.90), and injury codes
// (S16.1XXA) carry a 7th character (A/D/S). No diagnosis is linked on a guess.
import type { CatalogueData } from '../catalogue/catalogue.js';
import { normaliseIcd10 } from '../catalogue/compile-catalogue.js';
import type { CodingIssue } from './coding-types.js';

/** Normalised header code -> the billable codes to choose from. */
export const HEADER_CODES: ReadonlyMap<string, string> = new Map([
  ['M791', 'M79.10, M79.11, M79.12 or M79.18'],
  ['M545', 'M54.50, M54.51 or M54.59'],
  ['G442', 'G44.201-G44.229'],
  ['G4420', 'G44.201 or G44.209'],
  ['G4421', 'G44.211 or G44.219'],
  ['G4422', 'G44.221 or G44.229'],
  ['G892', 'G89.21-G89.29 (e.g. G89.29)'],
  ['M6283', 'M62.830 or M62.838'],
  ['M709', 'M70.90-M70.99'],
]);

const ICD10_SHAPE = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/;

export interface DiagnosisLinks {
  /** Dotted, upper case, in the order given, each once. */
  readonly linked: readonly string[];
  readonly issues: readonly CodingIssue[];
}

export function dotted(norm: string): string {
  return norm.length > 3 ? `${norm.slice(0, 3)}.${norm.slice(3)}` : norm;
}

/** Why a code on the indication list cannot be billed as given, or undefined when it can. */
function headerProblem(norm: string): string | undefined {
  const children = HEADER_CODES.get(norm);
  if (children) return `${dotted(norm)} is a non-billable header; use a more specific code (${children})`;
  if (/^[ST]/.test(norm) && norm.length < 7) {
    return `${dotted(norm)} needs its 7th character (A initial, D subsequent, S sequela), e.g. S16.1XXA`;
  }
  return undefined;
}

export function linkDiagnoses(diagnoses: readonly string[], data: CatalogueData): DiagnosisLinks {
  const prefixes = data.icd10Sets.indication.map(normaliseIcd10);
  const linked: string[] = [];
  const issues: CodingIssue[] = [];
  diagnoses.forEach((raw, i) => {
    const path = `diagnoses[${i}]`;
    const norm = typeof raw === 'string' ? normaliseIcd10(raw) : '';
    if (!ICD10_SHAPE.test(norm)) {
      issues.push({
        code: 'malformed-diagnosis',
        path,
        message: `"${String(raw)}" is not an ICD-10-CM code; not linked`,
      });
      return;
    }
    if (!prefixes.some((p) => norm.startsWith(p))) {
      issues.push({
        code: 'not-indication',
        path,
        message: `${dotted(norm)} is not on the TPI indication list; not linked to the procedure`,
      });
      return;
    }
    const problem = headerProblem(norm);
    if (problem) {
      issues.push({ code: 'header-diagnosis', path, message: `${problem}; not linked` });
      return;
    }
    if (!linked.includes(dotted(norm))) linked.push(dotted(norm));
  });
  if (linked.length === 0) {
    issues.push({
      code: 'no-indication',
      path: 'diagnoses',
      message:
        'no diagnosis links the procedure to a TPI indication (e.g. M79.18, M54.2, G44.209); add one before billing',
    });
  }
  return { linked, issues };
}
