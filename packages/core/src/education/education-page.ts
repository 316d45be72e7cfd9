// The patient's education page (issue 6 item 1): what a trigger point injection is, who it helps,
// when it is avoided, its side effects (the flare reaction among them), what happens after, and
// aftercare, in plain words, then the parts for this patient's own sites and drugs. The wording is
// ours, from the reference (REFERENCE.md 2.1, 5.1, 5.3, 6.2, 6.3, 9) and its generated copy
// (reference-data.ts: complications, consent, aftercare, escalation); each item cites its sources.
// The aftercare and the warning signs are the discharge sheet's own (aftercare/discharge-sheet.ts),
// so that the page and the sheet never disagree.
import { catalogue, pleuralRiskRank, type Muscle } from '../catalogue/catalogue.js';
import { dischargeSheet, type WarningSign } from '../aftercare/discharge-sheet.js';
import { drugKind, type DrugKind } from '../consent/consent-form.js';
import { referenceData } from '../reference/reference-data.js';

export interface EducationItem {
  readonly id: string;
  readonly text: string;
  readonly sources: readonly string[];
}

export interface EducationSection {
  readonly id: 'what' | 'who' | 'avoided' | 'side-effects' | 'after' | 'aftercare' | 'your-treatment';
  readonly title: string;
  readonly items: readonly EducationItem[];
}

export interface EducationInput {
  /** Catalogue muscle codes of the patient's sites (none: the general page). */
  readonly muscles: readonly string[];
  /** Catalogue injectate codes given or planned. */
  readonly injectates: readonly string[];
}

export interface EducationPage {
  readonly sites: readonly { readonly muscle: string; readonly name: string }[];
  readonly injectates: readonly {
    readonly injectate: string;
    readonly name: string;
    readonly kind: DrugKind;
  }[];
  /** Codes asked for that the catalogue does not know: named, never silently dropped. */
  readonly unknown: { readonly muscles: readonly string[]; readonly injectates: readonly string[] };
  readonly sections: readonly EducationSection[];
  /** When to get help, most urgent first, for these sites and drugs. */
  readonly warningSigns: readonly WarningSign[];
}

const soreness = referenceData.complications.find((c) => c.id === 'post_injection_soreness');
// A generated copy of reference.json: a missing entry is a broken sync, not a patient's problem.
if (!soreness) throw new Error('reference-data.ts has no post_injection_soreness complication');

const GENERAL: readonly EducationSection[] = [
  {
    id: 'what',
    title: 'What a trigger point injection is',
    items: [
      {
        id: 'needle',
        text: 'A fine needle is put into one or more tender knots in a muscle (trigger points). Usually a local anaesthetic is injected; sometimes salt water (saline), and sometimes a steroid is added. Several points and muscles can be treated in one visit.',
        sources: ['MEDSCAPE', 'SEED'],
      },
      {
        id: 'trigger-point',
        text: 'A trigger point is a tender spot in a tight band of muscle. Pressing it hurts, and the pain can spread to other places (referred pain).',
        sources: ['MEDSCAPE'],
      },
      {
        id: 'short',
        text: 'It takes a few minutes. You stay for a short while afterwards so the team can check you are well before you go home.',
        sources: ['MEDSCAPE_LA', 'VVR'],
      },
    ],
  },
  {
    id: 'who',
    title: 'Who it can help',
    items: [
      {
        id: 'benefit',
        text: 'People whose pain comes from muscle trigger points. It can ease the pain in the muscle and the pain it sends elsewhere, sometimes straight away, and make it easier to move, stretch and do your exercises.',
        sources: ['MEDSCAPE', 'HONG1994'],
      },
      {
        id: 'limits',
        text: 'Relief may not last, and some people need more than one session. Studies are mixed: no medicine injected has been shown to work better than another, or better than saline.',
        sources: ['AAFP2023', 'ROLDAN2020'],
      },
      {
        id: 'programme',
        text: 'It works best as one part of a plan with stretching, exercise or physical therapy, not on its own.',
        sources: ['AAFP2023', 'LCD_L34211'],
      },
    ],
  },
  {
    id: 'avoided',
    title: 'When it is not done, or done with extra care',
    items: [
      {
        id: 'infection',
        text: 'Not into skin that is infected, broken or inflamed, and not while you have a fever or feel generally unwell.',
        sources: ['SEED', 'FPN', 'ETG'],
      },
      {
        id: 'allergy',
        text: 'Not with a medicine you are allergic to. Tell the team about any reaction to a local anaesthetic, parabens or sulfites.',
        sources: ['SEED', 'CCF2001', 'MACY2002'],
      },
      {
        id: 'bleeding',
        text: 'With care, or not at all, if you bleed easily or take a blood thinner: tell the team about every medicine you take.',
        sources: ['FPN', 'SIR2019'],
      },
      {
        id: 'other',
        text: 'Tell the team if you might be pregnant, have diabetes or a weak immune system, have had steroid injections before, faint easily or are very afraid of needles.',
        sources: ['ROBBINS2014', 'GLU', 'FPN', 'LABEL_MPA', 'VVR'],
      },
      {
        id: 'not-muscle',
        text: 'Not when the pain may have another cause that needs to be found first.',
        sources: ['FPN', 'MEDSCAPE'],
      },
    ],
  },
  {
    id: 'side-effects',
    title: 'Side effects',
    items: [
      {
        id: 'flare',
        text: 'Soreness at the injection sites is common. It usually starts 2 to 8 hours after the injection and settles in about 1 to 4 days. Your usual pain can briefly get worse (a "flare") before it gets better. In one study about 4 in 10 people had soreness after a lidocaine injection.',
        sources: soreness.source,
      },
      {
        id: 'bruising',
        text: 'A bruise at a site, more likely if you take a blood thinner.',
        sources: ['CASE_CLOPI', 'MEDSCAPE'],
      },
      {
        id: 'numbness',
        text: 'The muscle may feel numb or weak for up to about an hour.',
        sources: ['CLINIC_PAGES'],
      },
      {
        id: 'faint',
        text: 'Feeling light-headed or fainting, during or just after: about 2 to 3 in 100 people in injection studies. Lying down helps.',
        sources: ['VVR'],
      },
      {
        id: 'rare',
        text: 'Rare but serious: infection, a larger bleed, a collapsed lung (after injections near the chest, upper back, shoulder or lower neck), a severe allergic reaction, a reaction to the local anaesthetic, nerve injury, or a broken needle.',
        sources: ['PTCARE', 'CASE_PTX_BILAT', 'CCF2001', 'ELBOGHDADLY2018', 'CASE_SCI', 'CASE_PTX_NEEDLE'],
      },
    ],
  },
  {
    id: 'after',
    title: 'What happens after',
    items: [
      {
        id: 'immediate',
        text: 'Many people feel some relief within minutes, while the local anaesthetic works.',
        sources: ['HONG1994'],
      },
      {
        id: 'soreness',
        text: 'Soreness may come that evening and last a day or a few days.',
        sources: ['HONG1994', 'PTCARE'],
      },
      {
        id: 'relief',
        text: 'Most relief is usually felt 1 to 3 days after the injection.',
        sources: ['CLINIC_PAGES'],
      },
      {
        id: 'follow-up',
        text: 'The clinic will send you short questions about your pain over the next weeks, on the same 0 to 10 scale as before the injection. Your answers show whether it helped and whether another injection makes sense.',
        sources: ['LCD_L34211'],
      },
    ],
  },
];

const isThoracic = (m: Muscle) => pleuralRiskRank(m.pleuralRisk) >= pleuralRiskRank('moderate');

/** The page for these sites and drugs; with none, the general page. Order and repeats do not matter. */
export function educationPage(input: EducationInput): EducationPage {
  const muscleCodes = [...new Set(input.muscles)];
  const injectateCodes = [...new Set(input.injectates)];
  const muscles = muscleCodes
    .map((code) => catalogue.muscles.find((m) => m.code === code))
    .filter((m): m is Muscle => m !== undefined);
  const products = injectateCodes
    .map((code) => catalogue.injectates.find((i) => i.code === code))
    .filter((p) => p !== undefined);
  const unknown = {
    muscles: muscleCodes.filter((c) => !muscles.some((m) => m.code === c)),
    injectates: injectateCodes.filter((c) => !products.some((p) => p.code === c)),
  };
  const sheet = dischargeSheet({
    sites: muscles.map((m) => ({ muscle: m.code, side: 'both' })),
    drugs: products.map((p) => p.code),
    diabetic: false,
    observationMinutes: 0,
  });
  const steroid = products.filter((p) => drugKind(p) === 'corticosteroid');
  const anaesthetic = products.filter((p) => drugKind(p) === 'local-anaesthetic');

  const yours: EducationItem[] = [];
  const thoracic = muscles.filter(isThoracic);
  if (thoracic.length > 0) {
    yours.push({
      id: 'lung',
      text: `${thoracic.map((m) => m.display).join(', ')}: ${thoracic.length > 1 ? 'these muscles lie' : 'this muscle lies'} over the lung. A collapsed lung is rare, but chest pain or shortness of breath in the hours after needs emergency care.`,
      sources: ['CASE_PTX_BILAT', 'CASE_PTX_SA', 'PTCARE'],
    });
  }
  if (anaesthetic.length > 0) {
    yours.push({
      id: 'local-anaesthetic',
      text: `${anaesthetic.map((p) => p.display).join(', ')}: a local anaesthetic. The area may be numb for up to about an hour. Numb lips, a metallic taste or ringing ears soon after are a rare reaction that needs help at once.`,
      sources: ['CLINIC_PAGES', 'MEDSCAPE_LA', 'ASRA_LAST2020'],
    });
  }
  if (steroid.length > 0) {
    yours.push(
      {
        id: 'steroid',
        text: `${steroid.map((p) => p.display).join(', ')}: a steroid. It can thin the skin, leave a small dent or change the skin colour at the site, and repeated steroid injections add up.`,
        sources: ['LABEL_MPA', 'LABEL_BETA', 'BENZON2024'],
      },
      {
        id: 'steroid-diabetes',
        text: 'If you have diabetes: a steroid can raise your blood sugar for 1 to 3 days. Check it more often and follow your diabetes plan if it runs high.',
        sources: ['GLU'],
      },
    );
  }

  const sections: EducationSection[] = [
    ...GENERAL,
    {
      id: 'aftercare',
      title: 'Looking after yourself afterwards',
      items: sheet.aftercare.map(({ id, text, sources }) => ({ id, text, sources })),
    },
  ];
  if (yours.length > 0) sections.push({ id: 'your-treatment', title: 'About your treatment', items: yours });

  return {
    sites: muscles.map((m) => ({ muscle: m.code, name: m.display })),
    injectates: products.map((p) => ({ injectate: p.code, name: p.display, kind: drugKind(p) })),
    unknown,
    sections,
    warningSigns: sheet.warningSigns,
  };
}
