// An ended visit (finished or stopped) takes no more writes of its plan, screen, consent, note
// draft or discharge checklist: the writes that check call this and refuse with a 409 naming why.
import type { UseCaseFailure } from '../actor.js';
import type { Visit } from '../ports.js';

/** The refusal for a write on an ended visit; undefined while the visit is in progress. */
export function endedVisitConflict(visit: Visit, what: string): UseCaseFailure | undefined {
  if (visit.status === 'in-progress') return undefined;
  const how = visit.status === 'finished' ? 'finished (discharged)' : `stopped (${visit.endReason ?? 'no reason'})`;
  return { ok: false, code: 'conflict', detail: `visit ${visit.id} is ${how}: ${what} is no longer possible` };
}
