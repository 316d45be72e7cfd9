// What a patient leaves with, and what the clinic checks before they go (issue 4 item 3
// "Discharge"; REFERENCE.md 5.3, 6.1-6.3): the observation time, a pre-discharge checklist, the
// aftercare instructions and the warning signs with what to do, each for this visit's sites and
// drugs. The wording is ours, from the reference (paraphrased there too); every item cites its
// sources and, when the plan put it there, says why.
// - Breathing and chest pain are checked, and the collapsed-lung warning given, only after a
//   thoracic site: catalogue notes.thoracicSite, pleuralRisk moderate or higher [CASE_PTX_BILAT].
// - LAST signs only when a local anaesthetic was given [MEDSCAPE_LA][ASRA_LAST2020].
// - New weakness, numbness or bowel/bladder change after a paraspinal or gluteal site
//   [CASE_SCI][CASE_CLOPI].
// - Glucose checks for days 1-3 only for a patient with diabetes who had a steroid [GLU].
import { catalogue, pleuralRiskRank, type Muscle, type Side } from '../catalogue/catalogue.js';
import { drugKind } from '../consent/consent-form.js';

export interface DischargeInput {
  readonly sites: readonly { readonly muscle: string; readonly side: Side }[];
  /** Catalogue injectate codes given (or planned). */
  readonly drugs: readonly string[];
  /** The patient has diabetes (an active condition in the catalogue's diabetes ICD-10 set). */
  readonly diabetic: boolean;
  /** The clinic's observation time setting, in minutes. */
  readonly observationMinutes: number;
}

export const DISCHARGE_URGENCIES = ['emergency', 'urgent', 'same-day', 'routine'] as const;
export type Urgency = (typeof DISCHARGE_URGENCIES)[number];

export interface SheetItem {
  readonly id: string;
  readonly text: string;
  /** Why this visit has it, when the sites or drugs put it there. */
  readonly because?: string;
  readonly sources: readonly string[];
}

export interface WarningSign extends SheetItem {
  /** What to do, in plain words. */
  readonly action: string;
  readonly urgency: Urgency;
}

export interface DischargeSheet {
  readonly observationMinutes: number;
  /** Checked by the nurse or clinician before the patient leaves. */
  readonly checklist: readonly SheetItem[];
  readonly aftercare: readonly SheetItem[];
  readonly warningSigns: readonly WarningSign[];
  readonly expect: readonly SheetItem[];
}

const PARASPINAL_OR_GLUTEAL_REGIONS = new Set(['lower-back', 'buttock']);
const isParaspinalOrGluteal = (m: Muscle) =>
  m.code.endsWith('paraspinals') || m.regions.some((r) => PARASPINAL_OR_GLUTEAL_REGIONS.has(r));
const isThoracic = (m: Muscle) => pleuralRiskRank(m.pleuralRisk) >= pleuralRiskRank('moderate');

function names(muscles: readonly Muscle[]): string {
  return [...new Set(muscles.map((m) => m.display))].join(', ');
}

export function dischargeSheet(input: DischargeInput): DischargeSheet {
  const muscles = input.sites
    .map((s) => catalogue.muscles.find((m) => m.code === s.muscle))
    .filter((m): m is Muscle => m !== undefined);
  const products = input.drugs
    .map((code) => catalogue.injectates.find((i) => i.code === code))
    .filter((p) => p !== undefined);
  const thoracic = muscles.filter(isThoracic);
  const deep = muscles.filter(isParaspinalOrGluteal);
  const anaesthetic = products.filter((p) => drugKind(p) === 'local-anaesthetic');
  const steroid = products.filter((p) => drugKind(p) === 'corticosteroid');

  const checklist: SheetItem[] = [];
  if (thoracic.length > 0) {
    checklist.push({
      id: 'breathing-chest',
      text: 'Breathing comfortable, no chest pain, no new breathlessness or fast heartbeat',
      because: `injected over the lung: ${names(thoracic)}`,
      sources: ['CASE_PTX_BILAT', 'CASE_PTX_NEEDLE', 'PTCARE'],
    });
  }
  checklist.push(
    {
      id: 'dizziness',
      text: 'No dizziness, light-headedness or faintness when sitting up and standing',
      sources: ['VVR'],
    },
    {
      id: 'sensation-strength',
      text: 'No new weakness or numbness beyond the injected muscles',
      ...(deep.length > 0 ? { because: `paraspinal or gluteal site: ${names(deep)}` } : {}),
      sources: ['CASE_SCI', 'CLINIC_PAGES'],
    },
  );
  if (anaesthetic.length > 0) {
    checklist.push({
      id: 'last-signs',
      text: 'No numb lips or tongue, metallic taste, ringing ears, confusion or palpitations',
      because: 'a local anaesthetic was given',
      sources: ['MEDSCAPE_LA', 'ASRA_LAST2020'],
    });
  }
  checklist.push({
    id: 'site-check',
    text: 'Injection sites checked: no bleeding, swelling or spreading bruise',
    sources: ['CASE_CLOPI', 'PTCARE'],
  });

  const aftercare: SheetItem[] = [
    {
      id: 'stretch',
      text: 'Gently stretch the treated muscles and move them through their full range several times a day.',
      sources: ['MEDSCAPE', 'PTCARE'],
    },
    {
      id: 'rest',
      text: 'Take it easy for the rest of today and rest the treated area for 1 to 2 days; avoid strenuous activity while it is sore (up to 3 to 4 days), but keep moving it rather than holding it still.',
      sources: ['MEDSCAPE', 'PTCARE'],
    },
    {
      id: 'ice-heat',
      text: 'Ice for 15 to 20 minutes, or heat for 15 minutes, up to once an hour, as your clinician advised.',
      sources: ['PTCARE'],
    },
    { id: 'work', text: 'Most people go back to work the same day or the next day.', sources: ['PTCARE'] },
    {
      id: 'posture-exercise',
      text: 'Keep up your home exercises or physical therapy, and change the postures and activities that bring the pain on.',
      sources: ['MEDSCAPE', 'LCD_L34211'],
    },
  ];
  if (steroid.length > 0 && input.diabetic) {
    aftercare.push({
      id: 'glucose',
      text: 'Check your blood sugar more often for the next 1 to 3 days, and follow your diabetes plan if it runs high.',
      because: `a steroid was given (${steroid.map((p) => p.display).join(', ')}) and you have diabetes`,
      sources: ['GLU'],
    });
  }

  const warningSigns: WarningSign[] = [];
  if (thoracic.length > 0) {
    warningSigns.push({
      id: 'pneumothorax',
      text: 'Chest pain, shortness of breath or a fast heartbeat',
      action: 'Call emergency services now (possible collapsed lung).',
      urgency: 'emergency',
      because: `injected over the lung: ${names(thoracic)}`,
      sources: ['PTCARE', 'CASE_PTX_BILAT'],
    });
  }
  warningSigns.push(
    {
      id: 'anaphylaxis',
      text: 'Swelling of the mouth or throat, wheezing, trouble breathing, spreading hives or a swollen face',
      action: 'Call emergency services now (possible severe allergic reaction).',
      urgency: 'emergency',
      sources: ['PTCARE'],
    },
    {
      id: 'faint',
      text: 'Feeling faint, weak or dizzy',
      action: 'Lie down and get help straight away; in the clinic, tell the staff at once.',
      urgency: 'urgent',
      sources: ['PTCARE', 'VVR'],
    },
  );
  if (anaesthetic.length > 0) {
    warningSigns.push({
      id: 'last',
      text: 'Numb lips or tongue, a metallic taste, ringing ears, confusion, a fit or an irregular heartbeat in the first hour',
      action: 'Get emergency help now (possible reaction to the local anaesthetic).',
      urgency: 'emergency',
      because: 'a local anaesthetic was given',
      sources: ['MEDSCAPE_LA', 'ASRA_LAST2020'],
    });
  }
  if (deep.length > 0) {
    warningSigns.push({
      id: 'neuro',
      text: 'New weakness in a leg or arm, numbness that is spreading, or a change in bowel or bladder control',
      action: 'Get urgent medical care today.',
      urgency: 'urgent',
      because: `paraspinal or gluteal site: ${names(deep)}`,
      sources: ['CASE_SCI', 'CASE_CLOPI'],
    });
  }
  warningSigns.push({
    id: 'infection',
    text: 'Fever or chills, or redness, warmth, swelling or drainage at a site in the first week; pain near a site that gets worse instead of better',
    action: 'Call the clinic the same day.',
    urgency: 'same-day',
    sources: ['PTCARE'],
  });
  if (steroid.length > 0 && input.diabetic) {
    warningSigns.push({
      id: 'glucose',
      text: 'Blood sugar above the level your diabetes plan tells you to act on',
      action: 'Follow your diabetes plan and keep checking for 1 to 3 days.',
      urgency: 'routine',
      because: 'a steroid was given and you have diabetes',
      sources: ['GLU'],
    });
  }

  const expect: SheetItem[] = [
    {
      id: 'numbness',
      text: 'The injected area may feel numb for up to about an hour.',
      sources: ['CLINIC_PAGES', 'HONG1994'],
    },
    {
      id: 'soreness',
      text: 'Soreness usually starts within 2 to 8 hours and settles in about 1 to 4 days; the pain can flare before it eases.',
      sources: ['HONG1994', 'PTCARE'],
    },
    { id: 'relief', text: 'Most relief is usually felt 1 to 3 days after the injection.', sources: ['CLINIC_PAGES'] },
  ];

  return { observationMinutes: input.observationMinutes, checklist, aftercare, warningSigns, expect };
}
