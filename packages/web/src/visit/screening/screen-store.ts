// The latest screen of each visit's saved plan, kept for this page's life: the plan step screens as
// the plan changes, the screening step shows that same screen (and the overrides recorded on it)
// instead of screening again, as long as it is the saved plan's screen (plan.screenId). After a
// reload the step reads the stored screen and its overrides back (GET /api/screens/:id).
import type { Override, ScreenResult } from '../../api/visit-planning-types';

export interface KeptScreen {
  readonly result: ScreenResult;
  readonly overrides: readonly Override[];
}

const kept = new Map<string, KeptScreen>();
const listeners = new Set<() => void>();

export function keptScreen(visitId: string): KeptScreen | undefined {
  return kept.get(visitId);
}

export function keepScreen(visitId: string, result: ScreenResult): void {
  const previous = kept.get(visitId);
  const overrides = previous?.result.screenId === result.screenId ? previous.overrides : [];
  kept.set(visitId, { result, overrides });
  for (const listener of listeners) listener();
}

export function keepOverride(visitId: string, override: Override): void {
  const previous = kept.get(visitId);
  if (!previous || previous.result.screenId !== override.screenId) return;
  kept.set(visitId, { ...previous, overrides: [...previous.overrides, override] });
  for (const listener of listeners) listener();
}

export function onScreenKept(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
