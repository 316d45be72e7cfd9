// HCPCS drug lines of one session. REFERENCE.md 4.3: corticosteroids are billed by HCPCS code and
// units (hcpcs-table.ts) with mg = mL x the catalogue injectate's mg/mL, summed per product over the
// session before rounding up [HCPCS_SRC]. The LA used by the operating physician is part of the
// procedure and has no line (J2001 is lidocaine for IV infusion) [AAPC_LIDO][LCD_L34211]; saline has
// no drug code either. A note says so. Whether anything was injected decides 20552/20553 against
// 20560/20561 (REFERENCE.md 3.6), so unreadable volumes leave that undecided rather than guessed.
import type { CatalogueData, Injectate } from '../catalogue/catalogue.js';
import type { CodingDrug, CodingIssue, CodingLine, CodingNote } from './coding-types.js';
import { HCPCS_RULE_LIST, HCPCS_SYSTEM, hcpcsRuleFor, packUnits, type HcpcsRule } from './hcpcs-table.js';

export interface DrugCoding {
  readonly lines: readonly CodingLine[];
  readonly notes: readonly CodingNote[];
  readonly issues: readonly CodingIssue[];
  /** true: some volume was given; false: none (needling only); undefined: a volume was unreadable. */
  readonly injected: boolean | undefined;
}

interface Given {
  readonly index: number;
  readonly product: Injectate;
  readonly volumeMl: number;
}

/** 12.000000000000002 -> "12"; 0.3 -> "0.3". */
export function formatAmount(x: number): string {
  return String(Number(x.toFixed(6)));
}

const LA_CLASSES: ReadonlySet<string> = new Set(['amide-local-anesthetic', 'ester-local-anesthetic']);

function givenList(given: readonly Given[]): string {
  return given.map((g) => `${g.product.display} ${formatAmount(g.volumeMl)} mL`).join('; ');
}

function ruleLines(rule: HcpcsRule, given: readonly Given[], diagnoses: readonly string[]): CodingLine[] {
  let mg = 0;
  for (const g of given) mg += g.volumeMl * (g.product.mgPerMl ?? 0);
  const amounts = given.map((g) => `${formatAmount(g.volumeMl)} mL of ${formatAmount(g.product.mgPerMl ?? 0)} mg/mL`);
  const dose = `${rule.drug} ${formatAmount(mg)} mg (${amounts.join(' + ')})`;
  const packs = packUnits(mg, rule.strengths);
  const single = rule.strengths.length === 1 ? rule.strengths[0] : undefined;
  const billing = single
    ? `billed per ${formatAmount(single.mg)} mg${rule.unitNote ? ` ${rule.unitNote}` : ''}, rounded up`
    : `billed as ${packs.map((p) => `${p.strength.code} x${p.units}`).join(' + ')}, the ` +
      `${rule.strengths.map((s) => formatAmount(s.mg)).join('/')} mg codes covering the dose with the least excess`;
  return packs.map((p) => ({
    system: HCPCS_SYSTEM,
    code: p.strength.code,
    display: p.strength.display,
    units: p.units,
    reason: `${p.strength.code} x${p.units}: ${dose}, ${billing}`,
    sources: rule.sources,
    diagnoses,
  }));
}

export function codeDrugs(drugs: readonly CodingDrug[], data: CatalogueData, diagnoses: readonly string[]): DrugCoding {
  const injectates = new Map<string, Injectate>(data.injectates.map((i) => [i.code, i]));
  const issues: CodingIssue[] = [];
  const given: Given[] = [];
  let positive = false;
  let unreadable = false;
  drugs.forEach((drug, index) => {
    const product = injectates.get(drug.injectate);
    const volumeMl = drug.volumeMl;
    if (!product) {
      issues.push({
        code: 'unknown-injectate',
        path: `drugs[${index}].injectate`,
        message: `"${String(drug.injectate)}" is not a catalogue injectate; it has no drug line`,
      });
    }
    if (typeof volumeMl !== 'number' || !Number.isFinite(volumeMl) || volumeMl < 0) {
      unreadable = true;
      issues.push({
        code: 'invalid-volume',
        path: `drugs[${index}].volumeMl`,
        message: `volume must be a finite number of mL, zero or more, not ${String(volumeMl)}; the line is not coded`,
      });
    } else if (volumeMl === 0) {
      issues.push({
        code: 'zero-volume',
        path: `drugs[${index}].volumeMl`,
        message: `0 mL of ${product?.display ?? String(drug.injectate)}: the line counts as nothing injected`,
      });
    } else {
      positive = true;
      if (product) given.push({ index, product, volumeMl });
    }
  });

  const byRule = new Map<HcpcsRule, Given[]>();
  const anaesthetics: Given[] = [];
  const saline: Given[] = [];
  for (const g of given) {
    const rule = hcpcsRuleFor(g.product.code);
    const cls = data.ingredients[g.product.ingredient]?.class;
    if (rule && g.product.mgPerMl !== null) byRule.set(rule, [...(byRule.get(rule) ?? []), g]);
    else if (cls && LA_CLASSES.has(cls)) anaesthetics.push(g);
    else if (g.product.ingredient === 'sodium-chloride') saline.push(g);
    else {
      issues.push({
        code: 'no-hcpcs-code',
        path: `drugs[${g.index}].injectate`,
        message:
          `${g.product.display}: Knotwork has no HCPCS rule or no mg/mL for it; code it by hand ` +
          `(an unclassified drug such as J3490 needs its name and dose on the claim)`,
      });
    }
  }

  const lines = HCPCS_RULE_LIST.flatMap((rule) => {
    const lineGiven = byRule.get(rule);
    return lineGiven ? ruleLines(rule, lineGiven, diagnoses) : [];
  });
  const notes: CodingNote[] = [];
  if (anaesthetics.length > 0) {
    notes.push({
      code: 'local-anaesthetic-included',
      message:
        `No HCPCS line for ${givenList(anaesthetics)}: the local anaesthetic used by the operating physician ` +
        `is part of the procedure, and J2001 is lidocaine for IV infusion only`,
      sources: ['AAPC_LIDO', 'LCD_L34211'],
    });
  }
  if (saline.length > 0) {
    notes.push({
      code: 'saline-not-billed',
      message: `No HCPCS line for ${givenList(saline)}: saline has no drug code of its own and is part of the procedure`,
      sources: [],
    });
  }
  if (lines.length > 0) {
    notes.push({
      code: 'discard-modifier',
      message:
        'No JW/JZ modifier is set: whether a single-dose container was used and how much was discarded ' +
        'is not recorded here',
      sources: ['HCPCS_SRC'],
    });
  }
  return { lines, notes, issues, injected: positive ? true : unreadable ? undefined : false };
}
