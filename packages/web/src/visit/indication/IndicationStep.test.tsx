// @vitest-environment jsdom
// The indication step sends what was chosen and shows what the server answered: its PEG score and
// whether the diagnosis is a usual TPI indication (never the app's own check); the first save is
// If-None-Match (no revision), the next one If-Match on the revision answered.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../api/problem';
import type { Chart, Visit } from '../../api/types';
import type { VisitPlanningEndpoints } from '../../api/visit-planning-endpoints';
import type { Baseline, BaselineInput } from '../../api/visit-planning-types';
import { VISIT_STEPS } from '../steps';
import { IndicationForm } from './IndicationStep';

afterEach(cleanup);

const noSearch = vi.fn(() => Promise.reject(new Error('no search expected')));

const visit: Visit = {
  id: 'v1',
  patientId: 'p1',
  startedAt: '',
  startedBy: 'u1',
  status: 'in-progress',
  endedAt: null,
  endReason: null,
  revision: 1,
};
const chart = {
  conditions: [
    { id: 'c1', icd10: 'M54.2', display: 'Cervicalgia', clinicalStatus: 'active', verificationStatus: 'confirmed' },
    { id: 'c2', icd10: 'J45.909', display: 'Asthma', clinicalStatus: 'resolved', verificationStatus: 'confirmed' },
  ],
} as unknown as Chart;

function fakeApi(isTpiIndication: boolean) {
  return {
    readBaseline: vi.fn(() =>
      Promise.reject(new ApiProblem({ status: 404, code: 'not-found', title: 'Not found', detail: 'no baseline' })),
    ),
    saveBaseline: vi.fn((_visit: string, input: BaselineInput, revision: number | undefined): Promise<Baseline> =>
      Promise.resolve({
        ...input,
        visitId: 'v1',
        patientId: 'p1',
        pegScore: input.peg ? 4.666666666666667 : null,
        isTpiIndication,
        recordedAt: '2026-11-27T10:00:00.000Z',
        recordedBy: 'u1',
        revision: (revision ?? 0) + 1,
      }),
    ),
  } as unknown as VisitPlanningEndpoints & { saveBaseline: ReturnType<typeof vi.fn> };
}

it('offers only active problems, sends the choice and shows the server’s answer', async () => {
  const user = userEvent.setup();
  const api = fakeApi(false);
  render(<IndicationForm visit={visit} chart={chart} step={VISIT_STEPS[0]} api={api} search={noSearch} />);
  const form = await screen.findByRole('form', { name: 'Indication and baseline' });
  expect(within(form).queryByRole('radio', { name: /Asthma/ })).toBeNull();
  await user.click(within(form).getByRole('radio', { name: /Cervicalgia/ }));
  await user.click(within(screen.getByRole('group', { name: 'Pain now (NRS)' })).getByRole('radio', { name: '7' }));

  // Part of PEG is not sent: all three or none.
  await user.click(within(screen.getByRole('group', { name: 'Average pain' })).getByRole('radio', { name: '6' }));
  await user.click(within(form).getByRole('button', { name: 'Record baseline' }));
  expect(screen.getByText('Answer all three PEG items, or none of them.')).toBeTruthy();
  expect(api.saveBaseline).not.toHaveBeenCalled();

  await user.click(
    within(screen.getByRole('group', { name: 'Interference with enjoyment of life' })).getByRole('radio', {
      name: '4',
    }),
  );
  await user.click(
    within(screen.getByRole('group', { name: 'Interference with general activity' })).getByRole('radio', { name: '4' }),
  );
  await user.click(within(form).getByRole('button', { name: 'Record baseline' }));
  expect(api.saveBaseline).toHaveBeenCalledWith(
    'v1',
    { indication: { icd10: 'M54.2', display: 'Cervicalgia' }, painNrs: 7, peg: { pain: 6, enjoyment: 4, activity: 4 } },
    undefined,
  );
  const status = await screen.findByRole('status');
  expect(status.textContent).toContain('PEG score 4.7/10');
  expect(status.textContent).toContain('Not a usual TPI indication');

  await user.click(within(form).getByRole('button', { name: 'Save changes' }));
  expect(api.saveBaseline.mock.calls[1]![2]).toBe(1);
});

it('says nothing about the indication when the server counts it as usual', async () => {
  const user = userEvent.setup();
  render(<IndicationForm visit={visit} chart={chart} step={VISIT_STEPS[0]} api={fakeApi(true)} search={noSearch} />);
  await user.click(await screen.findByRole('radio', { name: /Cervicalgia/ }));
  await user.click(within(screen.getByRole('group', { name: 'Pain now (NRS)' })).getByRole('radio', { name: '3' }));
  await user.click(screen.getByRole('button', { name: 'Record baseline' }));
  const status = await screen.findByRole('status');
  expect(status.textContent).toContain('Baseline recorded');
  expect(status.textContent).not.toContain('Not a usual TPI indication');
});

it('another diagnosis is searched in ICD-10-CM; a pick fills the code and its words', async () => {
  const user = userEvent.setup();
  const api = fakeApi(true);
  const search = vi.fn(() =>
    Promise.resolve({
      source: { name: 'CMS ICD-10-CM order file', complete: true, codes: 97000 },
      items: [{ code: 'G44.209', title: 'Tension-type headache, unspecified, not intractable', billable: true }],
    }),
  );
  render(<IndicationForm visit={visit} chart={chart} step={VISIT_STEPS[0]} api={api} search={search} />);
  await user.click(await screen.findByRole('radio', { name: /Another diagnosis/ }));
  await user.type(screen.getByRole('combobox', { name: 'ICD-10-CM code' }), 'tension head');
  await user.click(await screen.findByRole('option', { name: /G44\.209/ }));
  expect(search).toHaveBeenCalledWith('tension head', 20, expect.any(AbortSignal));
  await user.click(within(screen.getByRole('group', { name: 'Pain now (NRS)' })).getByRole('radio', { name: '5' }));
  await user.click(screen.getByRole('button', { name: 'Record baseline' }));
  expect(api.saveBaseline.mock.calls[0]![1]).toMatchObject({
    indication: { icd10: 'G44.209', display: 'Tension-type headache, unspecified, not intractable' },
  });
});
