// @vitest-environment jsdom
// Entered in error from the chart: a reason and a confirmation, sent with the entry's revision;
// entries already entered in error hidden until asked for, then struck through and said in words;
// a 412 (the entry changed meanwhile) explained and the chart read again.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import { ApiProblem } from '../api/problem';
import type { Condition, Observation } from '../api/types';
import { SessionContext, type SessionContextValue } from '../session/session-context';
import { ChartActionsContext } from './chart-actions';
import { ObservationsCard } from './ObservationsCard';
import { ProblemsCard } from './ProblemsCard';

afterEach(cleanup);

const myalgia: Condition = {
  id: 'c1',
  icd10: 'M79.18',
  display: 'Myalgia, other site',
  clinicalStatus: 'active',
  verificationStatus: 'confirmed',
  revision: 3,
};
const wrong: Condition = {
  ...myalgia,
  id: 'c2',
  display: 'Fibromyalgia',
  icd10: 'M79.7',
  verificationStatus: 'entered-in-error',
};

function rig(enterInError: (...args: unknown[]) => Promise<unknown>) {
  const api = { enterInError: vi.fn(enterInError) };
  const saved = vi.fn(() => Promise.resolve());
  const session = { api, now: () => new Date('2026-11-27T10:00:00Z') } as unknown as SessionContextValue;
  const wrap = (children: React.ReactNode) => (
    <SessionContext.Provider value={session}>
      <ChartActionsContext.Provider value={{ patientId: 'p1', saved }}>{children}</ChartActionsContext.Provider>
    </SessionContext.Provider>
  );
  return { api, saved, wrap };
}

it('asks for a reason and a confirmation, then sends it with the revision', async () => {
  const user = userEvent.setup();
  const { api, saved, wrap } = rig(() => Promise.resolve({}));
  render(wrap(<ProblemsCard conditions={[myalgia]} />));
  await user.click(screen.getByRole('button', { name: 'Mark Myalgia, other site entered in error' }));
  const dialog = screen.getByRole('dialog', { name: 'Mark “Myalgia, other site” entered in error?' });
  const confirm = within(dialog).getByRole('button', { name: 'Mark entered in error' });
  expect((confirm as HTMLButtonElement).disabled).toBe(true);
  await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Recorded on the wrong patient');
  await user.click(confirm);
  expect(api.enterInError).toHaveBeenCalledWith('p1', 'conditions', 'c1', 3, 'Recorded on the wrong patient');
  expect(saved).toHaveBeenCalledWith('Myalgia, other site: marked entered in error');
});

it('hides entries entered in error until asked, then strikes them through and says so', async () => {
  const user = userEvent.setup();
  const { wrap } = rig(() => Promise.resolve({}));
  render(wrap(<ProblemsCard conditions={[myalgia, wrong]} />));
  expect(screen.queryByText('Fibromyalgia')).toBeNull();
  const toggle = screen.getByRole('button', { name: 'Show entered in error (1)' });
  expect(toggle.getAttribute('aria-pressed')).toBe('false');
  await user.click(toggle);
  const struck = screen.getByText('Fibromyalgia').closest('s');
  expect(struck).toBeTruthy();
  expect(screen.getByText('Entered in error')).toBeTruthy();
  // No action on an entry already entered in error: it is final.
  expect(screen.queryByRole('button', { name: 'Mark Fibromyalgia entered in error' })).toBeNull();
  expect(screen.getByRole('button', { name: 'Hide entered in error' }).getAttribute('aria-pressed')).toBe('true');
});

it('explains a 412 and reads the chart again', async () => {
  const user = userEvent.setup();
  const stale = new ApiProblem({
    status: 412,
    code: 'precondition-failed',
    title: 'The record has changed',
    detail: 'observation o1 is at revision 2, not revision 1: read it again',
  });
  const { saved, wrap } = rig(() => Promise.reject(stale));
  const weight: Observation = {
    id: 'o1',
    loinc: '29463-7',
    value: { quantity: 70, unit: 'kg' },
    at: '2026-11-27T09:00:00Z',
    status: 'final',
    revision: 1,
  };
  render(wrap(<ObservationsCard observations={[weight]} />));
  await user.click(screen.getByRole('button', { name: /^Mark Weight 70 kg of .* entered in error$/ }));
  await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Wrong scale');
  await user.click(screen.getByRole('button', { name: 'Mark entered in error' }));
  expect(await screen.findByText(/Someone changed this entry after you opened the chart/)).toBeTruthy();
  expect(screen.getByRole('alert').textContent).toContain('The record has changed');
  expect(saved).toHaveBeenCalledWith('The chart was read again: the entry had changed');
});
