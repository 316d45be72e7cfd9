// Saves the plan as it changes and screens each saved revision ("the screen re-runs as the plan
// changes"): a quiet moment after the last typed edit, at once after a click (saveNextAtOnce: a
// site toggled on the map, the list or a finding), one save at a time (an edit made during a save
// is saved right after it, the latest version only). Each save is one request that also screens
// the revision it saved (PUT .../plan/screened), so a click costs one round trip, not two.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../api/problem';
import type { VisitPlanningEndpoints } from '../../api/visit-planning-endpoints';
import type { PlanInput, ScreenResult } from '../../api/visit-planning-types';
import { keepScreen, keptScreen } from '../screening/screen-store';

export type SyncStatus = 'incomplete' | 'idle' | 'waiting' | 'saving' | 'saved' | 'failed';

export interface PlanSync {
  readonly status: SyncStatus;
  readonly problem: ApiProblem | undefined;
  readonly revision: number | undefined;
  readonly screen: ScreenResult | undefined;
}

export interface PlanSyncControl extends PlanSync {
  /** Saves the next change without waiting for a quiet moment (a click, not typing). */
  readonly saveNextAtOnce: () => void;
}

export const SAVE_DEBOUNCE_MS = 250;

export function usePlanSync(options: {
  readonly api: Pick<VisitPlanningEndpoints, 'saveAndScreenPlan' | 'screenPlan'>;
  readonly visitId: string;
  /** What to save; undefined while the plan lacks a site or a product. */
  readonly input: PlanInput | undefined;
  /** The revision read when the step opened, and what it held (not saved again). */
  readonly loaded: { readonly revision: number | undefined; readonly input: PlanInput | undefined };
  readonly debounceMs?: number;
}): PlanSyncControl {
  const { api, visitId, input, loaded, debounceMs = SAVE_DEBOUNCE_MS } = options;
  const key = input ? JSON.stringify(input) : '';
  const revision = useRef(loaded.revision);
  const lastSaved = useRef(loaded.input ? JSON.stringify(loaded.input) : '');
  const running = useRef(false);
  const wanted = useRef('');
  const live = useRef(true);
  const atOnce = useRef(false);
  const saveNextAtOnce = useCallback(() => {
    atOnce.current = true;
  }, []);
  const [state, setState] = useState<PlanSync>(() => ({
    status: 'idle',
    problem: undefined,
    revision: loaded.revision,
    screen: keptScreen(visitId)?.result,
  }));

  const flushRef = useRef<() => Promise<void>>(() => Promise.resolve());
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      // Leaving the step with an edit still waiting for its quiet moment: save it now.
      void flushRef.current();
    };
  }, []);

  const flush = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      // Runs to the end even when the step closes: an edit made just before leaving is still saved.
      while (wanted.current !== '' && wanted.current !== lastSaved.current) {
        const body = wanted.current;
        if (live.current) setState((s) => ({ ...s, status: 'saving' }));
        const { plan, screen } = await api.saveAndScreenPlan(visitId, JSON.parse(body) as PlanInput, revision.current);
        revision.current = plan.revision;
        lastSaved.current = body;
        keepScreen(visitId, screen);
        if (live.current) setState((s) => ({ ...s, revision: plan.revision, screen }));
      }
      if (live.current) setState((s) => ({ ...s, status: 'saved', problem: undefined }));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (live.current) setState((s) => ({ ...s, status: 'failed', problem: error }));
    } finally {
      running.current = false;
    }
  }, [api, visitId]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  // A plan saved before (the step reopened) whose screen this page has not kept: screen it once.
  useEffect(() => {
    if (loaded.input === undefined || keptScreen(visitId)) return;
    const controller = new AbortController();
    api.screenPlan(visitId, controller.signal).then(
      (screen) => {
        keepScreen(visitId, screen);
        setState((s) => ({ ...s, screen }));
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiProblem) setState((s) => ({ ...s, problem: error }));
        else throw error;
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the plan the step opened with
  }, []);

  useEffect(() => {
    wanted.current = key;
    const now = atOnce.current;
    atOnce.current = false;
    if (key === '') {
      setState((s) => ({ ...s, status: 'incomplete' }));
      return;
    }
    if (key === lastSaved.current) return;
    setState((s) => ({ ...s, status: 'waiting' }));
    const timer = setTimeout(() => void flush(), now ? 0 : debounceMs);
    return () => clearTimeout(timer);
  }, [key, flush, debounceMs]);

  return { ...state, saveNextAtOnce };
}
