// The consent form for a planned TPI (issue 4 item 3; REFERENCE.md 9 "Consent content", whose
// wording is ours): what is done, at which sites, with which drugs, the benefits and their limits,
// the risks, the alternatives and what the patient must declare. The risks follow the plan:
// a collapsed lung only when a planned site is thoracic (catalogue notes.thoracicSite: pleuralRisk
// moderate or higher), local anaesthetic toxicity only when a local anaesthetic is planned, the
// steroid risks only when a corticosteroid is planned. Each risk names its sources and, when the
// plan caused it, why. The form carries a version (its wording version and a hash of its content),
// so a signed consent says exactly what was shown.
import { catalogue, pleuralRiskRank, type Injectate, type Muscle, type Side } from '../catalogue/catalogue.js';
import { canonicalJson, hashHex128 } from '../util/hash.js';

/** Bumped whenever the wording below changes: signed consents keep the version they showed. */
export const CONSENT_WORDING_VERSION = 'tpi-consent-wording-1';

export interface ConsentPlanInput {
  readonly sites: readonly { readonly muscle: string; readonly side: Side }[];
  readonly products: readonly { readonly injectate: string; readonly volumeMl: number }[];
}

export type DrugKind = 'local-anaesthetic' | 'corticosteroid' | 'saline';

export interface ConsentSite {
  readonly muscle: string;
  readonly display: string;
  readonly side: Side;
  /** Pleural risk moderate or higher: the collapsed-lung risk is explained for it. */
  readonly thoracic: boolean;
}

export interface ConsentDrug {
  readonly injectate: string;
  readonly display: string;
  readonly kind: DrugKind;
  readonly volumeMl: number;
}

export type RiskGroup = 'common' | 'serious' | 'steroid';

export interface ConsentRisk {
  readonly id: string;
  readonly group: RiskGroup;
  readonly text: string;
  /** Why this plan shows it, when the plan decided (the thoracic sites, the steroid). */
  readonly because?: string;
  readonly sources: readonly string[];
}

export interface ConsentForm {
  /** `consent-<hash>` of the whole form: what a signature refers to. */
  readonly version: string;
  readonly wordingVersion: string;
  readonly procedure: string;
  readonly sites: readonly ConsentSite[];
  readonly drugs: readonly ConsentDrug[];
  readonly benefits: readonly string[];
  readonly limitations: readonly string[];
  readonly risks: readonly ConsentRisk[];
  readonly alternatives: readonly string[];
  readonly declarations: readonly string[];
  readonly sources: readonly string[];
}

export type ConsentFormResult =
  | { readonly ok: true; readonly form: ConsentForm }
  | { readonly ok: false; readonly issues: readonly { readonly path: string; readonly message: string }[] };

const SIDE_WORDS: Record<Side, string> = { left: 'left', right: 'right', both: 'both sides' };

export function drugKind(product: Injectate): DrugKind {
  if (product.ingredient === 'sodium-chloride') return 'saline';
  const cls = catalogue.ingredients[product.ingredient].class;
  return cls === 'corticosteroid' ? 'corticosteroid' : 'local-anaesthetic';
}

const isThoracic = (m: Muscle): boolean => pleuralRiskRank(m.pleuralRisk) >= pleuralRiskRank('moderate');

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

const BENEFITS = [
  'Less pain in the muscle and in the area it refers pain to, sometimes straight away.',
  'Easier movement, so that stretching, exercise and physical therapy can work better.',
  'If the pain settles, it helps confirm where the pain comes from.',
] as const;

const LIMITATIONS = [
  'Relief may last only for a while, and more sessions may be needed.',
  'Research is mixed: no injected drug has been shown to work better than another, or better than salt water, in every study.',
] as const;

const ALTERNATIVES = [
  'No treatment, waiting to see if the pain settles.',
  'Stretching and home exercise, heat and massage.',
  'Physical therapy, spray-and-stretch, manual or osteopathic therapy.',
  'Dry needling or acupuncture, where offered.',
  'Medicines: pain relievers, anti-inflammatories, muscle relaxants or creams.',
  'Working on posture, work set-up, sleep and stress.',
] as const;

const DECLARATIONS = [
  'All the medicines you take, especially blood thinners (anticoagulants or antiplatelets).',
  'Any allergy, especially to anaesthetics, parabens (preservatives) or sulfites.',
  'Whether you are or could be pregnant.',
  'Diabetes or a weakened immune system.',
  'The dates of any steroid injections you have had.',
  'Any history of fainting, or fear of needles.',
] as const;

/** Builds the form for a plan; unknown muscles or products are named, never skipped. */
export function consentForm(plan: ConsentPlanInput): ConsentFormResult {
  const issues: { path: string; message: string }[] = [];
  const muscles = new Map<string, Muscle>(catalogue.muscles.map((m) => [m.code, m]));
  const injectates = new Map<string, Injectate>(catalogue.injectates.map((i) => [i.code, i]));
  if (plan.sites.length === 0) issues.push({ path: 'sites', message: 'the plan has no site to consent to' });
  const sites: ConsentSite[] = [];
  plan.sites.forEach((s, i) => {
    const m = muscles.get(s.muscle);
    if (!m) issues.push({ path: `sites[${i}].muscle`, message: `"${s.muscle}" is not a catalogue muscle` });
    else sites.push({ muscle: m.code, display: m.display, side: s.side, thoracic: isThoracic(m) });
  });
  const drugs: ConsentDrug[] = [];
  plan.products.forEach((p, i) => {
    const product = injectates.get(p.injectate);
    if (!product)
      issues.push({ path: `products[${i}].injectate`, message: `"${p.injectate}" is not a catalogue injectate` });
    else
      drugs.push({ injectate: product.code, display: product.display, kind: drugKind(product), volumeMl: p.volumeMl });
  });
  if (issues.length > 0) return { ok: false, issues };

  const siteWords = (list: readonly ConsentSite[]) => list.map((s) => `${s.display} (${SIDE_WORDS[s.side]})`);
  const thoracic = sites.filter((s) => s.thoracic);
  const steroids = drugs.filter((d) => d.kind === 'corticosteroid');
  const anaesthetics = drugs.filter((d) => d.kind === 'local-anaesthetic');

  const risks: ConsentRisk[] = [
    {
      id: 'soreness-flare',
      group: 'common',
      text: 'Soreness at the injection sites for about 1 to 4 days; the pain can flare for a day or two before it settles.',
      sources: ['HONG1994', 'PTCARE'],
    },
    { id: 'bruising', group: 'common', text: 'Bruising where the needle went in.', sources: ['PTCARE'] },
    {
      id: 'numbness-weakness',
      group: 'common',
      text: 'Brief numbness or weakness of the injected muscle, usually gone within an hour.',
      sources: ['CLINIC_PAGES'],
    },
    {
      id: 'fainting',
      group: 'common',
      text: 'Feeling light-headed or fainting, in about 2 to 3 of every 100 people having injections.',
      sources: ['VVR'],
    },
    { id: 'infection', group: 'serious', text: 'Infection at an injection site.', sources: ['PTCARE', 'FPN'] },
    {
      id: 'bleeding',
      group: 'serious',
      text: 'Bleeding or a collection of blood under the skin (haematoma), more likely if you take blood thinners.',
      sources: ['CASE_CLOPI', 'PTCARE'],
    },
  ];
  if (thoracic.length > 0) {
    risks.push({
      id: 'pneumothorax',
      group: 'serious',
      text:
        'A collapsed lung (pneumothorax), because some planned sites lie over the lung; it may need a chest drain. ' +
        'Get emergency help for chest pain or breathlessness after the injection.',
      because: `planned over the lung: ${listInWords(siteWords(thoracic))}`,
      sources: ['CASE_PTX_BILAT', 'CASE_PTX_SA', 'CASE_PTX_NEEDLE', 'PTCARE'],
    });
  }
  risks.push({
    id: 'allergic-reaction',
    group: 'serious',
    text: 'An allergic reaction to a drug or a preservative; very rarely a severe one (anaphylaxis).',
    sources: ['CCF2001', 'MACY2002', 'PTCARE'],
  });
  if (anaesthetics.length > 0) {
    risks.push({
      id: 'local-anaesthetic-toxicity',
      group: 'serious',
      text: 'Local anaesthetic toxicity: numb lips, a metallic taste or ringing ears; rarely seizures or heart-rhythm problems.',
      because: `local anaesthetic planned: ${listInWords(anaesthetics.map((d) => d.display))}`,
      sources: ['ELBOGHDADLY2018', 'MEDSCAPE_LA'],
    });
  }
  risks.push(
    {
      id: 'nerve-vessel-injury',
      group: 'serious',
      text: 'Injury to a nerve or a blood vessel, or very rarely to the spinal cord.',
      sources: ['CASE_SCI'],
    },
    {
      id: 'needle-breakage',
      group: 'serious',
      text: 'A needle breaking and staying in the body (very rare).',
      sources: ['CASE_PTX_NEEDLE', 'MEDSCAPE'],
    },
  );
  if (steroids.length > 0) {
    const because = `steroid planned: ${listInWords(steroids.map((d) => d.display))}`;
    risks.push(
      {
        id: 'steroid-blood-sugar',
        group: 'steroid',
        text: 'Raised blood sugar for 1 to 3 days, which matters if you have diabetes.',
        because,
        sources: ['GLU'],
      },
      {
        id: 'steroid-skin',
        group: 'steroid',
        text: 'Thinning, dimpling or a change of colour of the skin at the site.',
        because,
        sources: ['LABEL_MPA', 'LABEL_BETA'],
      },
      {
        id: 'steroid-repeated',
        group: 'steroid',
        text: 'Other steroid effects that add up when injections are repeated.',
        because,
        sources: ['BENZON2024', 'FPN'],
      },
    );
  }

  const drugWords = drugs.length > 0 ? listInWords(drugs.map((d) => d.display)) : 'the planned medicine';
  const content = {
    wordingVersion: CONSENT_WORDING_VERSION,
    procedure:
      `A fine needle is placed into the tight, tender knots (trigger points) of ${listInWords(siteWords(sites))}, ` +
      `to inject ${drugWords}. Several points in each muscle may be treated in this visit.`,
    sites,
    drugs,
    benefits: [...BENEFITS],
    limitations: [...LIMITATIONS],
    risks,
    alternatives: [...ALTERNATIVES],
    declarations: [...DECLARATIONS],
    sources: [...new Set(['MEDSCAPE', 'AAFP2023', 'ROLDAN2020', ...risks.flatMap((r) => r.sources)])],
  };
  return { ok: true, form: { version: `consent-${hashHex128(canonicalJson(content)).slice(0, 16)}`, ...content } };
}
