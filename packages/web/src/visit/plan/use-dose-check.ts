// The live dose meter: asks the server for the products as they are typed (150 ms after the last
// change), cancels the question a newer one replaces, and keeps showing the last answer meanwhile.
import { useEffect, useState } from 'react';
import { ApiProblem } from '../../api/problem';
import type { VisitPlanningEndpoints } from '../../api/visit-planning-endpoints';
import type { DoseCheck, PlannedProduct } from '../../api/visit-planning-types';

export interface DoseState {
  readonly check: DoseCheck | undefined;
  /** A newer answer is on its way (the last one is shown meanwhile). */
  readonly pending: boolean;
  readonly problem: ApiProblem | undefined;
}

export const DOSE_DEBOUNCE_MS = 150;

interface Answer {
  readonly key: string;
  readonly check: DoseCheck | undefined;
  readonly problem: ApiProblem | undefined;
}

export function useDoseCheck(
  api: Pick<VisitPlanningEndpoints, 'checkDose'>,
  visitId: string,
  products: readonly PlannedProduct[],
): DoseState {
  const key = products.length === 0 ? '' : JSON.stringify(products);
  const [answer, setAnswer] = useState<Answer>({ key: '', check: undefined, problem: undefined });
  useEffect(() => {
    if (key === '') return;
    const asked = JSON.parse(key) as PlannedProduct[];
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.checkDose(visitId, asked, controller.signal).then(
        (check) => {
          if (!controller.signal.aborted) setAnswer({ key, check, problem: undefined });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (error instanceof ApiProblem) setAnswer((a) => ({ key, check: a.check, problem: error }));
          else throw error;
        },
      );
    }, DOSE_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, visitId, key]);
  if (key === '') return { check: undefined, pending: false, problem: undefined };
  return { check: answer.check, pending: answer.key !== key, problem: answer.problem };
}
