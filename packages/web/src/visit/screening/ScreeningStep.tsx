// Step 4, screening: the cards of the latest screen of the saved plan, the verdict in words at the
// top, each card with why; a critical card blocks signing until a clinician overrides it with one
// of the contract's reasons. The plan step's screen is shown when it is still the saved plan's
// (no second screen); after a reload the saved plan's stored screen is read back with its
// overrides; a plan never screened is screened here.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { useVisitPlanningApi, type VisitPlanningEndpoints } from '../../api/visit-planning-endpoints';
import type { OverrideInput } from '../../api/visit-planning-types';
import { useSession } from '../../session/session-context';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { StepProps } from '../step-props';
import { isNotFound } from '../indication/issues';
import { IndicatorIcon, VERDICT } from './indicator';
import { ScreenCardView } from './ScreenCardView';
import { keepOverride, keepScreen, keptScreen, onScreenKept } from './screen-store';

export function ScreeningStep(props: StepProps) {
  const api = useVisitPlanningApi(props.visit.id);
  const { session } = useSession();
  const me = session.user;
  return (
    <ScreeningView
      {...props}
      api={api}
      canOverride={me.role === 'clinician'}
      nameOf={(userId) => (userId === me.id ? me.displayName : 'another clinician')}
    />
  );
}

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'no-plan' }
  | { readonly status: 'ready' }
  | { readonly status: 'failed'; readonly problem: ApiProblem };

export function ScreeningView({
  visit,
  next,
  api,
  canOverride,
  nameOf,
}: StepProps & {
  readonly api: VisitPlanningEndpoints;
  readonly canOverride: boolean;
  readonly nameOf: (userId: string) => string;
}) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const kept = useSyncExternalStore(onScreenKept, () => keptScreen(visit.id));

  useEffect(() => {
    let live = true;
    const controller = new AbortController();
    (async () => {
      const plan = await api.readPlan(visit.id);
      const have = keptScreen(visit.id);
      if (!have || have.result.screenId !== plan.screenId) {
        if (plan.screenId === null) keepScreen(visit.id, await api.screenPlan(visit.id, controller.signal));
        else {
          // The saved plan's screen exists (a reload): show it with its overrides, never a new screen.
          const { overrides, ...result } = await api.readScreen(plan.screenId);
          keepScreen(visit.id, result);
          for (const o of overrides) keepOverride(visit.id, o);
        }
      }
      if (live) setState({ status: 'ready' });
    })().catch((error: unknown) => {
      if (!live) return;
      if (isNotFound(error)) setState({ status: 'no-plan' });
      else if (error instanceof ApiProblem) setState({ status: 'failed', problem: error });
      else throw error;
    });
    return () => {
      live = false;
      controller.abort();
    };
  }, [api, visit.id]);

  const override = useCallback(
    async (input: OverrideInput) => {
      if (!kept) return undefined;
      try {
        keepOverride(visit.id, await api.overrideCard(kept.result.screenId, input));
        return undefined;
      } catch (error) {
        if (error instanceof ApiProblem) return error;
        throw error;
      }
    },
    [api, kept, visit.id],
  );

  if (state.status === 'failed') return <ProblemAlert problem={state.problem} />;
  if (state.status === 'no-plan') {
    return (
      <p className="review-status review-status-warning">
        <strong>No plan saved yet.</strong> <Link to={`/visits/${visit.id}/plan`}>Plan the sites and products</Link>{' '}
        first; the screen follows the saved plan.
      </p>
    );
  }
  if (state.status === 'loading' || !kept) return <Loading label="Screening the plan" />;

  const { result, overrides } = kept;
  const verdict = VERDICT[result.verdict];
  const overridden = new Map(overrides.map((o) => [o.cardUuid, o]));
  const blocking = result.cards.filter((c) => c.indicator === 'critical' && !overridden.has(c.uuid));
  const counts = (['critical', 'warning', 'info'] as const)
    .map((i) => [i, result.cards.filter((c) => c.indicator === i).length] as const)
    .filter(([, n]) => n > 0)
    .map(([i, n]) => `${n} ${i}`)
    .join(', ');

  return (
    <div className="screening-step">
      <div className={`verdict indicator-${verdict.tone}`} role="status">
        <p className="verdict-word">
          <IndicatorIcon indicator={verdict.tone} /> {verdict.word}
        </p>
        <p>
          {result.cards.length === 0
            ? 'No findings for this plan.'
            : `${result.cards.length} ${result.cards.length === 1 ? 'card' : 'cards'}: ${counts}.`}
        </p>
      </div>
      {blocking.length > 0 ? (
        <p className="blocking-note review-status review-status-warning">
          <strong>
            {blocking.length === 1
              ? '1 critical card blocks signing'
              : `${blocking.length} critical cards block signing`}
          </strong>{' '}
          until {canOverride ? 'you override it with a reason' : 'a clinician overrides it with a reason'}, or the plan
          changes.
        </p>
      ) : (
        result.cards.some((c) => c.indicator === 'critical') && (
          <p className="blocking-note review-status review-status-ok">Every critical card is overridden.</p>
        )
      )}
      {result.cards.length > 0 && (
        <ul className="screen-cards" aria-label="Screening cards">
          {result.cards.map((card) => (
            <ScreenCardView
              key={card.uuid}
              card={card}
              rules={result.trace.rules}
              policyVersion={result.policyVersion}
              override={overridden.get(card.uuid)}
              canOverride={canOverride}
              onOverride={override}
              nameOf={nameOf}
            />
          ))}
        </ul>
      )}
      {next && (
        <div className="step-actions plan-actions">
          <Button variant="primary" onClick={next}>
            Continue to consent
          </Button>
        </div>
      )}
    </div>
  );
}
