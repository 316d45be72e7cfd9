// @vitest-environment jsdom
// The plan's saving: a typed edit waits for its quiet moment, a click (saveNextAtOnce) is saved at
// once, which is what lets a click on the body map reach the plan, the meter and the screen within
// 100 ms (issue 4, item 7; measured by `BENCH_ONLY=web npm run bench`).
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Plan, PlanInput, ScreenResult } from '../../api/visit-planning-types';
import { usePlanSync } from './use-plan-sync';

afterEach(cleanup);

const FINDINGS = { tautBand: false, localTwitch: false, referredPain: false, jumpSign: false };
const plan = (...muscles: string[]): PlanInput => ({
  sites: muscles.map((muscle) => ({ muscle, side: 'left', findings: FINDINGS })),
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 5 }],
});
const screenResult: ScreenResult = {
  screenId: 's1',
  verdict: 'proceed',
  policyVersion: 'p',
  trace: { asOf: '', policyVersion: 'p', rules: [] },
  cards: [],
};

function fakeApi() {
  const api = {
    savePlan: vi.fn((visitId: string, input: PlanInput, previous: number | undefined): Promise<Plan> =>
      Promise.resolve({
        ...input,
        id: 'plan',
        visitId,
        patientId: 'p1',
        revision: (previous ?? 0) + 1,
        screenId: null,
      }),
    ),
    screenPlan: vi.fn(() => Promise.resolve(screenResult)),
    saveAndScreenPlan: vi.fn(async (visitId: string, input: PlanInput, previous: number | undefined) => ({
      plan: await api.savePlan(visitId, input, previous),
      screen: screenResult,
    })),
  };
  return api;
}

/** A visit id of its own per test: the screen store is kept per visit for the page's life. */
function sync(visitId: string, api: ReturnType<typeof fakeApi>) {
  const loaded = { revision: 1, input: plan('trapezius-upper') };
  return renderHook(
    ({ input }: { input: PlanInput }) => usePlanSync({ api, visitId, input, loaded, debounceMs: 60_000 }),
    { initialProps: { input: plan('trapezius-upper') } },
  );
}

describe('usePlanSync', () => {
  it('waits for a quiet moment after a typed edit', async () => {
    const api = fakeApi();
    const { result, rerender } = sync('typed', api);
    rerender({ input: plan('trapezius-upper', 'rhomboids') });
    await waitFor(() => expect(result.current.status).toBe('waiting'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.savePlan).not.toHaveBeenCalled();
  });

  it('saves and screens a click at once, then says saved at the next revision', async () => {
    const api = fakeApi();
    const { result, rerender } = sync('clicked', api);
    act(() => result.current.saveNextAtOnce());
    rerender({ input: plan('trapezius-upper', 'rhomboids') });
    await waitFor(() => expect(result.current.status).toBe('saved'));
    expect(api.saveAndScreenPlan).toHaveBeenCalledTimes(1);
    expect(api.saveAndScreenPlan.mock.calls[0]?.[2]).toBe(1);
    expect(result.current.revision).toBe(2);
    expect(result.current.screen).toEqual(screenResult);

    // Only the next change: a typed one after it waits again.
    rerender({ input: plan('trapezius-upper') });
    await waitFor(() => expect(result.current.status).toBe('waiting'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.savePlan).toHaveBeenCalledTimes(1);
  });
});
