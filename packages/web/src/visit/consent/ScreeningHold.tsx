// Before the patient signs: what the saved plan's screen still holds open, as the server stored it
// (its critical cards without an override, or no screen at all), linked to the screening step. The
// consent is not refused here (the override is often decided with the patient while consenting),
// but nobody should ask for a signature without seeing that the note cannot be signed yet.
import { Link } from 'react-router';
import { useVisitPlanningApi } from '../../api/visit-planning-endpoints';
import type { ScreenCard } from '../../api/visit-planning-types';
import { useLoad } from '../../ui/use-load';
import { isNotFound } from '../indication/issues';

type Hold =
  | { readonly kind: 'none' }
  | { readonly kind: 'not-screened' }
  | { readonly kind: 'critical'; readonly cards: readonly ScreenCard[] };

export function ScreeningHold({ visitId }: { readonly visitId: string }) {
  const api = useVisitPlanningApi(visitId);
  const [loaded] = useLoad(async (): Promise<Hold> => {
    const plan = await api.readPlan(visitId).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (!plan) return { kind: 'none' };
    if (plan.screenId === null) return { kind: 'not-screened' };
    const { cards, overrides } = await api.readScreen(plan.screenId);
    const overridden = new Set(overrides.map((o) => o.cardUuid));
    const open = cards.filter((c) => c.indicator === 'critical' && !overridden.has(c.uuid));
    return open.length > 0 ? { kind: 'critical', cards: open } : { kind: 'none' };
  }, [api, visitId]);

  const hold = loaded.value;
  if (!hold || hold.kind === 'none') return null;
  const screening = <Link to={`/visits/${visitId}/screening`}>Go to Screening</Link>;
  if (hold.kind === 'not-screened') {
    return (
      <div className="alert alert-info" role="status">
        <p className="alert-title">The plan is not screened yet</p>
        <p>The note cannot be signed until the current plan is screened. {screening}.</p>
      </div>
    );
  }
  const n = hold.cards.length;
  return (
    <div className="alert alert-danger" role="status">
      <p className="alert-title">
        Screening: {n === 1 ? 'a critical card has' : `${n} critical cards have`} no override
      </p>
      <ul className="blocker-list">
        {hold.cards.map((c) => (
          <li key={c.uuid}>{c.summary}</li>
        ))}
      </ul>
      <p>
        The note cannot be signed until a clinician overrides {n === 1 ? 'it' : 'them'} with a reason or the plan
        changes. Settle this before the patient signs. {screening}.
      </p>
    </div>
  );
}
