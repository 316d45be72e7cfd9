// @vitest-environment jsdom
// The plan step's wiring: a click on the map and the keyboard list edit the same sites (with
// their findings), the dose meter asks the server as products change, and each saved change is
// screened, its cards summarised beside the map.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VisitPlanningEndpoints } from '../../api/visit-planning-endpoints';
import type { DoseCheck, Plan, PlanInput, ScreenResult } from '../../api/visit-planning-types';
import type { Chart, Visit } from '../../api/types';
import { VISIT_STEPS } from '../steps';
import { PlanEditor } from './PlanStep';

afterEach(cleanup);

const visit: Visit = {
  id: 'v1',
  patientId: 'p1',
  startedAt: '2026-11-27T10:00:00Z',
  startedBy: 'u1',
  status: 'in-progress',
  endedAt: null,
  endReason: null,
  revision: 1,
};
const chart = {} as Chart;

const dose: DoseCheck = {
  weightKg: 68,
  weightAt: null,
  lines: [],
  combinedFraction: 0.1,
  warnFraction: 0.8,
  level: 'within',
  available: [{ injectate: 'lidocaine-1pct', display: 'Lidocaine 1%', ml: 27 }],
  words: '10% of this patient’s combined local anaesthetic maximum (68 kg).',
  sources: [],
};

const screenResult: ScreenResult = {
  screenId: 's1',
  verdict: 'do-not-proceed',
  policyVersion: 'p',
  trace: { asOf: '', policyVersion: 'p', rules: [] },
  cards: [
    { uuid: 'a', indicator: 'critical', summary: 'Allergy to lidocaine', source: { label: 'K' } },
    { uuid: 'b', indicator: 'info', summary: 'Pleural risk moderate', source: { label: 'K' } },
  ],
};

function fakeApi() {
  let revision = 0;
  return {
    readBaseline: vi.fn(),
    saveBaseline: vi.fn(),
    readPlan: vi.fn(),
    savePlan: vi.fn((visitId: string, input: PlanInput, previous: number | undefined): Promise<Plan> => {
      revision = (previous ?? 0) + 1;
      return Promise.resolve({ ...input, id: 'plan', visitId, patientId: 'p1', revision, screenId: null });
    }),
    checkDose: vi.fn(() => Promise.resolve(dose)),
    screenPlan: vi.fn(() => Promise.resolve(screenResult)),
    saveAndScreenPlan: vi.fn((visitId: string, input: PlanInput, previous: number | undefined) => {
      revision = (previous ?? 0) + 1;
      return Promise.resolve({
        plan: { ...input, id: 'plan', visitId, patientId: 'p1', revision, screenId: 's1' },
        screen: screenResult,
      });
    }),
    readScreen: vi.fn(() => Promise.resolve({ ...screenResult, overrides: [] })),
    overrideCard: vi.fn(),
  } satisfies VisitPlanningEndpoints;
}

function open(api: VisitPlanningEndpoints) {
  return render(
    <MemoryRouter>
      <PlanEditor visit={visit} chart={chart} step={VISIT_STEPS[2]} api={api} plan={undefined} />
    </MemoryRouter>,
  );
}

const front = () => screen.getByRole('group', { name: 'Front of the body' });
const back = () => screen.getByRole('group', { name: 'Back of the body' });
const siteList = () => screen.getByRole('region', { name: 'Planned sites' });

describe('PlanEditor', () => {
  it('adds a site from the map and one from the keyboard list to the same plan', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    open(api);
    await user.click(within(back()).getByRole('checkbox', { name: /^Trapezius, upper fibres, left/ }));
    expect(siteList().textContent).toContain('Trapezius, upper fibres');
    expect(screen.getByRole('group', { name: 'Trapezius, upper fibres (left)' })).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Muscle'), 'Levator scapulae');
    await user.click(screen.getByRole('button', { name: 'Add site' }));
    expect(siteList().textContent).toContain('Levator scapulae');
    // The map shows the list's site too.
    expect(
      within(back())
        .getByRole('checkbox', { name: /^Levator scapulae, right/ })
        .getAttribute('aria-checked'),
    ).toBe('true');
    expect(within(front()).queryAllByRole('checkbox', { checked: true }).length).toBeGreaterThanOrEqual(0);

    // Findings stay with their muscle when another site changes.
    await user.click(
      within(screen.getByRole('group', { name: 'Trapezius, upper fibres (left)' })).getByLabelText('Taut band'),
    );
    await user.click(screen.getByRole('button', { name: 'Remove Levator scapulae' }));
    const trapezius = screen.getByRole('group', { name: 'Trapezius, upper fibres (left)' });
    expect(within(trapezius).getByRole<HTMLInputElement>('checkbox', { name: 'Taut band' }).checked).toBe(true);
  });

  it('asks the dose meter as products change, then saves and screens the plan', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    open(api);
    await user.click(within(back()).getByRole('checkbox', { name: /^Trapezius, upper fibres, left/ }));
    await user.selectOptions(screen.getByLabelText('Product 1'), 'lidocaine-1pct');
    await user.type(screen.getByLabelText('Volume 1 (mL)'), '3');

    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Dose meter' }).textContent).toContain('27 mL still available'),
    );
    expect(api.checkDose).toHaveBeenLastCalledWith(
      'v1',
      [{ injectate: 'lidocaine-1pct', volumeMl: 3 }],
      expect.any(AbortSignal),
    );

    await waitFor(() => expect(api.saveAndScreenPlan).toHaveBeenCalled());
    const [, saved, revision] = api.saveAndScreenPlan.mock.calls[0]!;
    expect(revision).toBeUndefined(); // the first save: If-None-Match: *
    expect(saved).toEqual({
      sites: [
        {
          muscle: 'trapezius-upper',
          side: 'left',
          findings: { tautBand: false, localTwitch: false, referredPain: false, jumpSign: false },
        },
      ],
      products: [{ injectate: 'lidocaine-1pct', volumeMl: 3 }],
    });
    const summary = screen.getByRole('region', { name: 'Screen' });
    await waitFor(() => expect(summary.textContent).toContain('Do not proceed'));
    expect(within(summary).getByRole('list', { name: 'Cards by indicator' }).textContent).toContain('Critical: 1');
    expect(within(summary).getByRole('list', { name: 'Critical cards' }).textContent).toBe('Allergy to lidocaine');

    // The next change is saved on the revision the server gave.
    await user.click(within(back()).getByRole('checkbox', { name: /^Trapezius, upper fibres, right/ }));
    await waitFor(() => expect(api.saveAndScreenPlan).toHaveBeenCalledTimes(2));
    expect(api.saveAndScreenPlan.mock.calls[1]![2]).toBe(1);
  });

  it('saves an edit still waiting for its quiet moment when the step closes', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    const { unmount } = open(api);
    await user.selectOptions(screen.getByLabelText('Product 1'), 'lidocaine-1pct');
    await user.click(within(back()).getByRole('checkbox', { name: /^Trapezius, upper fibres, left/ }));
    // Typed last: a typed edit waits for its quiet moment (a click alone is saved at once).
    await user.type(screen.getByLabelText('Volume 1 (mL)'), '2');
    unmount();
    await waitFor(() => expect(api.saveAndScreenPlan).toHaveBeenCalledTimes(1));
    expect(api.saveAndScreenPlan.mock.calls[0]![1].sites.map((s) => s.muscle)).toEqual(['trapezius-upper']);
  });
});
