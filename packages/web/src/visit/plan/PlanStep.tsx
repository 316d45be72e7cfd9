// Step 3, the plan: sites on the body map (a click or tap toggles that side of a muscle) and in
// the keyboard site list (the same state), trigger-point findings per site, products with volumes.
// Beside the map, the live dose meter (the server's numbers for the products as typed) and the
// screen of the saved plan, which is saved and screened again as it changes.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MuscleCode } from '@knotwork/core';
import { BodyMap, SiteList, toggleSite, type BodySide, type PlanSite } from '../../body-map';
import { ApiProblem } from '../../api/problem';
import { useVisitPlanningApi, type VisitPlanningEndpoints } from '../../api/visit-planning-endpoints';
import type { Findings, Plan, PlannedSite } from '../../api/visit-planning-types';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { StepProps } from '../step-props';
import { isNotFound, issuesUnder } from '../indication/issues';
import { DoseMeter } from './DoseMeter';
import { planInput, plannedProducts, rowsOf, withFindings, type ProductRow } from './plan-state';
import { ProductsEditor } from './ProductsEditor';
import { ScreenSummary } from './ScreenSummary';
import { SiteFindings } from './SiteFindings';
import { useDoseCheck } from './use-dose-check';
import { usePlanSync } from './use-plan-sync';
import './plan.css';

export function PlanStep(props: StepProps) {
  const api = useVisitPlanningApi(props.visit.id);
  return <PlanLoader {...props} api={api} />;
}

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly plan: Plan | undefined }
  | { readonly status: 'failed'; readonly problem: ApiProblem };

export function PlanLoader(props: StepProps & { readonly api: VisitPlanningEndpoints }) {
  const { api, visit } = props;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    api.readPlan(visit.id).then(
      (plan) => live && setLoaded({ status: 'ready', plan }),
      (error: unknown) => {
        if (!live) return;
        if (isNotFound(error)) setLoaded({ status: 'ready', plan: undefined });
        else if (error instanceof ApiProblem) setLoaded({ status: 'failed', problem: error });
        else throw error;
      },
    );
    return () => {
      live = false;
    };
  }, [api, visit.id]);
  if (loaded.status === 'loading') return <Loading label="Reading the plan" />;
  if (loaded.status === 'failed') return <ProblemAlert problem={loaded.problem} />;
  return <PlanEditor {...props} plan={loaded.plan} />;
}

export function PlanEditor({
  api,
  visit,
  next,
  plan,
}: StepProps & { readonly api: VisitPlanningEndpoints; readonly plan: Plan | undefined }) {
  const [sites, setSites] = useState<PlannedSite[]>(() => [...(plan?.sites ?? [])]);
  const [rows, setRows] = useState<ProductRow[]>(() => rowsOf(plan));
  const [loadedPlan] = useState(() => ({
    revision: plan?.revision,
    input: plan ? { sites: plan.sites, products: plan.products } : undefined,
  }));

  const products = useMemo(() => plannedProducts(rows), [rows]);
  const input = useMemo(() => planInput(sites, rows), [sites, rows]);
  const dose = useDoseCheck(api, visit.id, products);
  const sync = usePlanSync({ api, visitId: visit.id, input, loaded: loadedPlan });

  // The map and the list are two views of one state; findings follow their muscle. Each is a
  // click (or a key), not typing: saved at once.
  const { saveNextAtOnce } = sync;
  const onToggle = useCallback(
    (muscle: MuscleCode, side: BodySide) => {
      saveNextAtOnce();
      setSites((before) => withFindings(toggleSite(before, muscle, side), before));
    },
    [saveNextAtOnce],
  );
  const onListChange = useCallback(
    (edited: PlanSite[]) => {
      saveNextAtOnce();
      setSites((before) => withFindings(edited, before));
    },
    [saveNextAtOnce],
  );
  const onFindings = useCallback(
    (muscle: string, findings: Findings) => {
      saveNextAtOnce();
      setSites((before) => before.map((s) => (s.muscle === muscle ? { ...s, findings } : s)));
    },
    [saveNextAtOnce],
  );

  const problem = sync.problem;
  return (
    <div className="plan-step">
      <ProblemAlert problem={problem} focus={false} />
      <div className="plan-layout">
        <div className="plan-main">
          <BodyMap sites={sites} onToggle={onToggle} />
          <SiteList sites={sites} onChange={onListChange} />
          <SiteFindings sites={sites} onChange={onFindings} />
        </div>
        <aside className="plan-aside" aria-label="Products, dose and screen">
          <ProductsEditor
            rows={rows}
            onChange={setRows}
            issuesAt={(index) => issuesUnder(problem, `$.products[${index}]`)}
          />
          <DoseMeter check={dose.check} pending={dose.pending} problem={dose.problem} />
          <ScreenSummary
            screen={sync.screen}
            status={sync.status}
            revision={sync.revision}
            screeningHref={`/visits/${visit.id}/screening`}
          />
        </aside>
      </div>
      {next && (
        <div className="step-actions plan-actions">
          <Button variant="primary" onClick={next} disabled={sync.status !== 'saved' && sync.status !== 'idle'}>
            Continue to screening
          </Button>
        </div>
      )}
    </div>
  );
}
