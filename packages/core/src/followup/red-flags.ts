// What the patient's follow-up form asks (issue 6 item 3) and what a "yes" means: the side effects,
// the red-flag questions chosen by this procedure's sites and drugs, and for each red flag the
// urgency and advice of reference.json's escalation section (REFERENCE.md 5.3), sources cited.
// - Chest pain or breathlessness only after a thoracic site: catalogue pleuralRisk moderate or
//   higher (as the consent and the discharge sheet) [PTCARE][CASE_PTX_BILAT].
// - Numb mouth, metallic taste, ringing ears only when a local anaesthetic was given
//   [MEDSCAPE_LA][ASRA_LAST2020].
// - Throat swelling or hives, fainting, new weakness or numbness, bowel or bladder change: always
//   (the last two say why when a paraspinal or gluteal site makes them likelier [CASE_SCI]).
// - Fever, or redness/warmth/drainage, among the side effects is the escalation's "contact clinic
//   same day" (infection-signs) [PTCARE].
// Urgency: "emergency" where the reference says emergency or LAST protocol, "urgent" for immediate
// care or urgent evaluation, "soon" for same-day contact.
import { catalogue, pleuralRiskRank, type Muscle, type Side } from '../catalogue/catalogue.js';
import { drugKind } from '../consent/consent-form.js';
import { referenceData } from '../reference/reference-data.js';

export const FOLLOW_UP_URGENCIES = ['emergency', 'urgent', 'soon'] as const;
export type FollowUpUrgency = (typeof FOLLOW_UP_URGENCIES)[number];

export interface SideEffectQuestion {
  readonly id: string;
  readonly text: string;
}

export interface RedFlagQuestion {
  readonly id: string;
  readonly text: string;
  readonly why: string;
}

export interface RedFlagAdvice {
  readonly id: string;
  /** The question the patient answered yes to, in its words (for the clinic's task). */
  readonly text: string;
  readonly urgency: FollowUpUrgency;
  readonly advice: string;
  /** The reference's escalation line, as written there (trigger and action). */
  readonly reference: { readonly trigger: string; readonly action: string };
  readonly sources: readonly string[];
}

export const SIDE_EFFECTS: readonly SideEffectQuestion[] = [
  { id: 'soreness-or-flare', text: 'Soreness or a flare of pain where you were injected' },
  { id: 'bruising', text: 'Bruising' },
  { id: 'swelling', text: 'Swelling' },
  { id: 'redness-warmth-drainage', text: 'Redness, warmth or fluid coming from an injection site' },
  { id: 'fever', text: 'Fever or chills' },
];

type Escalation = (typeof referenceData.escalation)[number];
const escalation = (startsWith: string): Escalation => {
  const found = referenceData.escalation.find((e) => e.trigger.startsWith(startsWith));
  if (!found) throw new Error(`reference.json escalation has no trigger starting "${startsWith}"`);
  return found;
};

interface RedFlagDefinition {
  readonly id: string;
  readonly text: string;
  readonly urgency: FollowUpUrgency;
  readonly advice: string;
  readonly escalation: Escalation;
}

const DEFINITIONS: readonly RedFlagDefinition[] = [
  {
    id: 'chest-pain-or-breathless',
    text: 'Chest pain, shortness of breath or a fast heartbeat',
    urgency: 'emergency',
    advice:
      'This is an emergency: call an ambulance or go to the nearest emergency department now, and say you had an injection near the chest (a collapsed lung must be ruled out).',
    escalation: escalation('chest pain'),
  },
  {
    id: 'throat-swelling-or-hives',
    text: 'Swelling of the mouth, throat or face, wheezing, trouble breathing or spreading hives',
    urgency: 'emergency',
    advice:
      'This is an emergency: call an ambulance now (a serious allergic reaction, anaphylaxis). Use an adrenaline auto-injector if you have one.',
    escalation: escalation('mouth/throat swelling'),
  },
  {
    id: 'fainting',
    text: 'Feeling faint, weak or dizzy, or fainting',
    urgency: 'urgent',
    advice:
      'Get care straight away: lie down with your legs raised, do not drive, and call the clinic now or, if it does not pass quickly, emergency services.',
    escalation: escalation('feeling faint'),
  },
  {
    id: 'last-symptoms',
    text: 'Numbness around the mouth or tongue, a metallic taste or ringing in the ears',
    urgency: 'emergency',
    advice:
      'This is an emergency: call an ambulance now and say you had a local anaesthetic injection (the local anaesthetic may have reached the bloodstream).',
    escalation: escalation('perioral numbness'),
  },
  {
    id: 'new-weakness-or-numbness',
    text: 'New weakness or numbness in an arm or leg, or numbness that is spreading',
    urgency: 'urgent',
    advice:
      'Get an urgent medical check today: call the clinic now, or go to an emergency department if you cannot reach it (a nerve injury or a bleed pressing on a nerve must be ruled out).',
    escalation: escalation('new limb weakness'),
  },
  {
    id: 'bowel-or-bladder-change',
    text: 'New trouble controlling your bladder or bowels',
    urgency: 'urgent',
    advice:
      'Get an urgent medical check today: go to an emergency department or call the clinic now (the spinal cord or nerves must be checked).',
    escalation: escalation('new limb weakness'),
  },
];

const INFECTION: RedFlagDefinition = {
  id: 'infection-signs',
  text: 'Fever, or redness, warmth or fluid at an injection site',
  urgency: 'soon',
  advice:
    'Contact the clinic today so that the injection site can be checked (a possible infection or bruise under the skin).',
  escalation: escalation('fever, chills'),
};
const INFECTION_SIDE_EFFECTS = new Set(['fever', 'redness-warmth-drainage']);

export const RED_FLAG_QUESTION_IDS = DEFINITIONS.map((d) => d.id);

export interface FollowUpQuestionsInput {
  readonly sites: readonly { readonly muscle: string; readonly side: Side }[];
  /** Catalogue injectate codes given. */
  readonly drugs: readonly string[];
}

const PARASPINAL_OR_GLUTEAL_REGIONS = new Set(['lower-back', 'buttock']);
const isParaspinalOrGluteal = (m: Muscle) =>
  m.code.endsWith('paraspinals') || m.regions.some((r) => PARASPINAL_OR_GLUTEAL_REGIONS.has(r));
const names = (ms: readonly Muscle[]) => [...new Set(ms.map((m) => m.display))].join(', ');

/** The red-flag questions for this procedure, each with why it is asked. */
export function redFlagQuestions(input: FollowUpQuestionsInput): readonly RedFlagQuestion[] {
  const muscles = input.sites
    .map((s) => catalogue.muscles.find((m) => m.code === s.muscle))
    .filter((m): m is Muscle => m !== undefined);
  const products = input.drugs
    .map((code) => catalogue.injectates.find((i) => i.code === code))
    .filter((p) => p !== undefined);
  const thoracic = muscles.filter((m) => pleuralRiskRank(m.pleuralRisk) >= pleuralRiskRank('moderate'));
  const deep = muscles.filter(isParaspinalOrGluteal);
  const anaesthetic = products.some((p) => drugKind(p) === 'local-anaesthetic');
  const why: Record<string, string | undefined> = {
    'chest-pain-or-breathless': thoracic.length ? `you were injected over the lung: ${names(thoracic)}` : undefined,
    'throat-swelling-or-hives': 'any injected medicine can rarely cause an allergic reaction',
    fainting: 'some people feel faint after an injection',
    'last-symptoms': anaesthetic ? 'you were given a local anaesthetic' : undefined,
    'new-weakness-or-numbness': deep.length
      ? `you were injected near the spine or buttock: ${names(deep)}`
      : 'a nerve near an injection site can rarely be affected',
    'bowel-or-bladder-change': deep.length
      ? `you were injected near the spine or buttock: ${names(deep)}`
      : 'a rare sign that nerves need checking',
  };
  return DEFINITIONS.flatMap((d) => {
    const reason = why[d.id];
    return reason === undefined ? [] : [{ id: d.id, text: d.text, why: reason }];
  });
}

const adviceOf = (d: RedFlagDefinition): RedFlagAdvice => ({
  id: d.id,
  text: d.text,
  urgency: d.urgency,
  advice: d.advice,
  reference: { trigger: d.escalation.trigger, action: d.escalation.action },
  sources: [...d.escalation.source],
});

/**
 * What the patient is told for the red flags answered yes (and for fever or redness among the side
 * effects), most urgent first. Unknown ids are ignored (the API refuses them before).
 */
export function redFlagAdvice(redFlags: readonly string[], sideEffects: readonly string[]): readonly RedFlagAdvice[] {
  const yes = new Set(redFlags);
  const out = DEFINITIONS.filter((d) => yes.has(d.id)).map(adviceOf);
  if (sideEffects.some((s) => INFECTION_SIDE_EFFECTS.has(s))) out.push(adviceOf(INFECTION));
  const rank = (u: FollowUpUrgency) => FOLLOW_UP_URGENCIES.indexOf(u);
  return out.sort((a, b) => rank(a.urgency) - rank(b.urgency));
}

/** The most urgent of some advice; undefined for none. */
export function mostUrgent(advice: readonly RedFlagAdvice[]): FollowUpUrgency | undefined {
  return advice
    .map((a) => a.urgency)
    .sort((a, b) => FOLLOW_UP_URGENCIES.indexOf(a) - FOLLOW_UP_URGENCIES.indexOf(b))[0];
}
