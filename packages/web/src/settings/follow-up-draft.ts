// The follow-up schedule as the form edits it: each point's offset as an amount and a unit (shown
// in words), new points' ids made from their labels until typed, and the points sent in time order.
import type { FollowUpPoint, FollowUpPointInput } from '../api/settings-endpoints';
import { amountOf, durationOf, type DurationUnit } from './durations';

export interface DraftPoint {
  /** Stable across edits, for React and focus. */
  readonly key: string;
  readonly id: string;
  readonly label: string;
  readonly amount: string;
  readonly unit: DurationUnit;
  readonly asksPeg: boolean;
  /** Added here: its id can still be chosen (a saved point's id is what outcomes refer to). */
  readonly isNew: boolean;
  /** A new point's id typed by the admin, no longer made from its label. */
  readonly idTyped: boolean;
  /** The offset as the server has it when the form cannot show it as an amount and a unit. */
  readonly rawAfter?: string;
}

let keys = 0;
const nextKey = () => `point-${++keys}`;

export function draftOf(points: readonly Pick<FollowUpPoint, 'id' | 'label' | 'after' | 'asksPeg'>[]): DraftPoint[] {
  return points.map((p) => {
    const a = amountOf(p.after);
    return {
      key: nextKey(),
      id: p.id,
      label: p.label,
      amount: a ? String(a.amount) : '',
      unit: a?.unit ?? 'days',
      asksPeg: p.asksPeg,
      isNew: false,
      idTyped: true,
      ...(a ? {} : { rawAfter: p.after }),
    };
  });
}

export function newPoint(): DraftPoint {
  return { key: nextKey(), id: '', label: '', amount: '', unit: 'weeks', asksPeg: false, isNew: true, idTyped: false };
}

/** "Week 12" -> "week-12": the form the core accepts for an id. */
export function slugOf(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** A whole amount as typed, else undefined. */
export function wholeAmount(text: string): number | undefined {
  return /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : undefined;
}

const UNIT_MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440, weeks: 10080 };

export function afterOf(p: DraftPoint): string {
  const amount = wholeAmount(p.amount);
  if (amount === undefined) return p.rawAfter && p.amount === '' ? p.rawAfter : p.amount.trim();
  return durationOf(amount, p.unit);
}

/** The points in time order (those whose offset cannot be read keep their place at the end). */
export function inTimeOrder(points: readonly DraftPoint[]): DraftPoint[] {
  const minutes = (p: DraftPoint) => {
    const amount = wholeAmount(p.amount);
    return amount === undefined ? Number.POSITIVE_INFINITY : amount * UNIT_MINUTES[p.unit];
  };
  return points
    .map((p, i) => ({ p, i }))
    .sort((a, b) => minutes(a.p) - minutes(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

export function inputOf(points: readonly DraftPoint[]): FollowUpPointInput[] {
  return points.map((p) => ({ id: p.id.trim(), label: p.label.trim(), after: afterOf(p), asksPeg: p.asksPeg }));
}
