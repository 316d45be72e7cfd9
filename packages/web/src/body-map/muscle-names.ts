// The catalogue's muscles as the body map names them: display name, side, and the pleural-risk
// hint (moderate or higher: the levels at which the screen warns or informs about pneumothorax).
import { catalogue, pleuralRiskRank, type BodyRegion, type Muscle, type MuscleCode } from '@knotwork/core';
import type { BodySide } from './muscle-shapes';

export type Highlight = 'none' | 'caution' | 'critical';

export const MUSCLES: readonly Muscle[] = catalogue.muscles;

const byCode = new Map<string, Muscle>(MUSCLES.map((m) => [m.code, m]));

export function findMuscle(code: string): Muscle | undefined {
  return byCode.get(code);
}

export function hasPleuralRiskHint(muscle: Muscle): boolean {
  return pleuralRiskRank(muscle.pleuralRisk) >= pleuralRiskRank('moderate');
}

export function pleuralRiskWords(muscle: Muscle): string {
  return `pleural risk ${muscle.pleuralRisk.replace('-', ' ')}`;
}

const HIGHLIGHT_WORDS = { none: '', caution: 'screening caution', critical: 'screening critical' } as const;

/** "Trapezius, upper fibres, left (pleural risk moderate)": the accessible name of one shape. */
export function shapeName(code: MuscleCode, side: BodySide, options: { deep?: boolean; highlight?: Highlight } = {}) {
  const muscle = findMuscle(code);
  const notes = [
    muscle !== undefined && hasPleuralRiskHint(muscle) ? pleuralRiskWords(muscle) : '',
    options.deep === true ? 'deep' : '',
    HIGHLIGHT_WORDS[options.highlight ?? 'none'],
  ].filter(Boolean);
  const base = `${muscle?.display ?? code}, ${side}`;
  return notes.length === 0 ? base : `${base} (${notes.join(', ')})`;
}

const REGION_WORDS: Record<BodyRegion, string> = {
  'head-temple': 'Head and face',
  'face-jaw': 'Head and face',
  'neck-anterior': 'Neck',
  'neck-posterior': 'Neck',
  shoulder: 'Shoulder and back',
  'upper-back': 'Shoulder and back',
  'mid-back': 'Shoulder and back',
  'lower-back': 'Lower back and hip',
  flank: 'Lower back and hip',
  'chest-anterior': 'Chest',
  'chest-lateral': 'Chest',
  abdomen: 'Abdomen and groin',
  buttock: 'Lower back and hip',
  'hip-lateral': 'Lower back and hip',
  groin: 'Abdomen and groin',
  'upper-arm': 'Arm',
  forearm: 'Arm',
  thigh: 'Leg',
  leg: 'Leg',
};

/** The muscles grouped by the body area of their first region, in head-to-toe order. */
export function musclesByArea(): { area: string; muscles: Muscle[] }[] {
  const groups = new Map<string, Muscle[]>();
  for (const region of catalogue.bodyRegions) groups.set(REGION_WORDS[region], []);
  for (const muscle of MUSCLES) groups.get(REGION_WORDS[muscle.regions[0]])?.push(muscle);
  return [...groups].filter(([, muscles]) => muscles.length > 0).map(([area, muscles]) => ({ area, muscles }));
}
