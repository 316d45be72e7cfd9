// @vitest-environment jsdom
// The LAST checklist: a button opens a dialog with this patient's lipid emulsion doses, the steps
// numbered, the signs and the sources; Escape (the dialog's cancel) and Close close it.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import type { LastChecklist } from '../../api/visit-record-types';
import { answer, stubFetch, withSession } from '../procedure/record-test-support';
import { LastChecklistButton } from './LastChecklistButton';

// jsdom has no modal dialogs: open and close set the attribute as the browser does.
HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
  this.removeAttribute('open');
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CHECKLIST: LastChecklist = {
  weightKg: 68,
  weightAt: '2026-11-20T10:00:00Z',
  recognition: [{ stage: 'Early', signs: ['Perioral numbness', 'Metallic taste'] }],
  steps: ['Stop injecting', 'Call for help', 'Give lipid emulsion'],
  lipid: {
    band: 'up-to-70-kg',
    bolus: '1.5 mL/kg (102 mL) over 2-3 minutes',
    infusion: '0.25 mL/kg/min (17 mL/min)',
    ifUnstable: 'Repeat the bolus once or twice',
    upperLimitMl: 816,
    notes: ['Continue for at least 10 minutes after stability'],
  },
  sources: ['ASRA2020'],
};

it('opens with the patient’s doses, steps and signs, and closes on Escape and Close', async () => {
  const user = userEvent.setup();
  const calls = stubFetch({ 'GET /api/visits/v1/last-checklist': () => answer(200, CHECKLIST) });
  render(withSession(<LastChecklistButton visitId="v1" />));
  const button = screen.getByRole('button', { name: 'LAST checklist' });
  expect(calls).toHaveLength(0);
  await user.click(button);

  const dialog = await screen.findByRole('dialog', { name: /LAST/ });
  await within(dialog).findByText('1.5 mL/kg (102 mL) over 2-3 minutes');
  expect(dialog.textContent).toContain('Weight 68 kg (70 kg or less)');
  expect(dialog.textContent).toContain('816 mL in total');
  const steps = within(dialog).getAllByRole('list')[1];
  expect(steps?.tagName).toBe('OL');
  expect(
    within(steps as HTMLElement)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(CHECKLIST.steps);
  expect(dialog.textContent).toContain('Perioral numbness');
  expect(dialog.textContent).toContain('ASRA2020');

  fireEvent(dialog, new Event('cancel', { cancelable: true }));
  expect(screen.queryByRole('dialog')).toBeNull();

  await user.click(button);
  const again = await screen.findByRole('dialog', { name: /LAST/ });
  await user.click(within(again).getByRole('button', { name: 'Close' }));
  expect(screen.queryByRole('dialog')).toBeNull();
});
