// HCPCS Level II drug codes billed with a trigger point injection, keyed by catalogue injectate
// (HCPCS descriptors name the salt, so the product, not the ingredient, decides the code).
// REFERENCE.md 4.3 [HCPCS_SRC]: J3301 triamcinolone acetonide, NOS, per 10 mg (40 mg = 4 units);
// J1100 dexamethasone sodium phosphate per 1 mg; J1030 methylprednisolone acetate 40 mg; J0702
// betamethasone acetate 3 mg and betamethasone sodium phosphate 3 mg. REFERENCE.md Appendix C
// confirms J1020 (20 mg) and J1040 (80 mg) methylprednisolone acetate and the number J0702 against
// the CMS HCPCS file. Local anaesthetics and saline have no entry: the LA used by the operating
// physician is part of the procedure and J2001 is lidocaine for IV infusion [AAPC_LIDO][LCD_L34211].
import type { InjectateCode } from '../catalogue/catalogue.js';
import type { CodingSourceId } from './coding-types.js';

export const HCPCS_SYSTEM = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';

/**
 * Quotients of decimal doses (0.1 + 1.1 + 0.3 mL x 4 mg/mL = 6.000000000000001 mg) land on their
 * whole number within this tolerance before rounding up.
 */
export const UNIT_TOLERANCE = 1e-9;

export interface HcpcsStrength {
  readonly code: string;
  readonly display: string;
  /** mg one unit of this code stands for. */
  readonly mg: number;
}

export interface HcpcsRule {
  /** The drug as named in reasons. */
  readonly drug: string;
  /** Ascending; each mg divides the next, so filling largest-first gives the fewest units. */
  readonly strengths: readonly HcpcsStrength[];
  /** Words after the per-unit amount, e.g. "(3 mg acetate + 3 mg sodium phosphate)". */
  readonly unitNote?: string;
  readonly sources: readonly CodingSourceId[];
}

const TRIAMCINOLONE_ACETONIDE: HcpcsRule = {
  drug: 'triamcinolone',
  strengths: [{ code: 'J3301', display: 'Injection, triamcinolone acetonide, not otherwise specified, 10 mg', mg: 10 }],
  sources: ['HCPCS_SRC'],
};

const DEXAMETHASONE_SODIUM_PHOSPHATE: HcpcsRule = {
  drug: 'dexamethasone sodium phosphate',
  strengths: [{ code: 'J1100', display: 'Injection, dexamethasone sodium phosphate, 1 mg', mg: 1 }],
  sources: ['HCPCS_SRC'],
};

const METHYLPREDNISOLONE_ACETATE: HcpcsRule = {
  drug: 'methylprednisolone acetate',
  strengths: [
    { code: 'J1020', display: 'Injection, methylprednisolone acetate, 20 mg', mg: 20 },
    { code: 'J1030', display: 'Injection, methylprednisolone acetate, 40 mg', mg: 40 },
    { code: 'J1040', display: 'Injection, methylprednisolone acetate, 80 mg', mg: 80 },
  ],
  sources: ['HCPCS_SRC'],
};

const BETAMETHASONE_ACETATE_PHOSPHATE: HcpcsRule = {
  drug: 'betamethasone',
  strengths: [
    {
      code: 'J0702',
      display: 'Injection, betamethasone acetate 3 mg and betamethasone sodium phosphate 3 mg',
      mg: 6,
    },
  ],
  unitNote: '(3 mg acetate + 3 mg sodium phosphate)',
  sources: ['HCPCS_SRC'],
};

/** In this order HCPCS lines are listed. */
export const HCPCS_RULES = {
  'triamcinolone-40': TRIAMCINOLONE_ACETONIDE,
  'methylprednisolone-40': METHYLPREDNISOLONE_ACETATE,
  'dexamethasone-4': DEXAMETHASONE_SODIUM_PHOSPHATE,
  'betamethasone-6': BETAMETHASONE_ACETATE_PHOSPHATE,
} as const satisfies Partial<Record<InjectateCode, HcpcsRule>>;

export const HCPCS_RULE_LIST: readonly HcpcsRule[] = [
  TRIAMCINOLONE_ACETONIDE,
  METHYLPREDNISOLONE_ACETATE,
  DEXAMETHASONE_SODIUM_PHOSPHATE,
  BETAMETHASONE_ACETATE_PHOSPHATE,
];

export function hcpcsRuleFor(injectate: string): HcpcsRule | undefined {
  return Object.hasOwn(HCPCS_RULES, injectate) ? HCPCS_RULES[injectate as keyof typeof HCPCS_RULES] : undefined;
}

export interface HcpcsPack {
  readonly strength: HcpcsStrength;
  readonly units: number;
}

/**
 * The codes and units that cover `mg` with the least excess, then with the fewest units, largest
 * strength first: 60 mg of methylprednisolone acetate is J1030 x1 + J1020 x1, 45 mg of
 * triamcinolone is J3301 x5. Any dose above zero is at least one unit.
 */
export function packUnits(mg: number, strengths: readonly HcpcsStrength[]): HcpcsPack[] {
  if (!(mg >= 0) || !Number.isFinite(mg)) throw new RangeError(`dose must be a finite mg of zero or more, not ${mg}`);
  const smallest = strengths[0];
  if (!smallest) throw new RangeError('an HCPCS rule needs at least one strength');
  strengths.forEach((s, i) => {
    const below = strengths[i - 1];
    if (below && !Number.isInteger(s.mg / below.mg))
      throw new RangeError(`${s.code} is not a multiple of ${below.code}`);
  });
  // Least excess: the dose rounded up to a whole number of the smallest strength.
  let steps = mg > 0 ? Math.max(1, Math.ceil(mg / smallest.mg - UNIT_TOLERANCE)) : 0;
  const packs: HcpcsPack[] = [];
  for (const strength of [...strengths].reverse()) {
    const per = strength.mg / smallest.mg;
    const units = Math.floor(steps / per);
    if (units > 0) packs.push({ strength, units });
    steps -= units * per;
  }
  return packs;
}
