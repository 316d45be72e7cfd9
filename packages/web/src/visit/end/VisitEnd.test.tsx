// @vitest-environment jsdom
// An ended visit read-only: the header's status (finished, or stopped with the reason) and the
// chart's list of ended visits (GET /api/patients/:id/visits), in-progress visits left out.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { VisitSummary } from '../../api/types';
import { VISIT } from '../procedure/record-test-support';
import { EndedVisits } from './EndedVisits';
import { withApi } from './end-test-support';
import { VisitEndStatus } from './VisitEndStatus';

afterEach(cleanup);

const STOPPED: VisitSummary = {
  ...VISIT,
  id: 'v2',
  status: 'cancelled',
  endedAt: '2026-11-27T09:20:00Z',
  endReason: 'Critical allergy card not overridden',
  revision: 2,
  note: null,
};
const FINISHED: VisitSummary = {
  ...VISIT,
  id: 'v3',
  status: 'finished',
  endedAt: '2026-11-26T11:00:00Z',
  revision: 2,
  note: null,
};

it('says in the header how the visit ended, and nothing while it is in progress', () => {
  const { rerender, container } = render(<VisitEndStatus visit={VISIT} />);
  expect(container.textContent).toBe('');
  rerender(<VisitEndStatus visit={STOPPED} />);
  expect(screen.getByRole('status').textContent).toMatch(/Visit stopped .*: Critical allergy card not overridden/);
  rerender(<VisitEndStatus visit={FINISHED} />);
  expect(screen.getByRole('status').textContent).toMatch(/Visit finished \(discharged\)/);
});

it('lists the patient’s ended visits with their status and reason', async () => {
  const listVisits = vi.fn(() => Promise.resolve({ items: [{ ...VISIT, note: null }, STOPPED, FINISHED] }));
  render(withApi({ listVisits }, <EndedVisits patientId="p1" />));
  const list = await screen.findByRole('region', { name: 'Ended visits' });
  expect(listVisits).toHaveBeenCalledWith('p1');
  const items = list.querySelectorAll('li');
  expect([...items].map((li) => li.textContent)).toEqual([
    expect.stringMatching(/Stopped.*Reason: Critical allergy card not overridden/),
    expect.stringMatching(/Finished.*Ended/),
  ]);
});
