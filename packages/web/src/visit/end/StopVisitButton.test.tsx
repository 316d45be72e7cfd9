// @vitest-environment jsdom
// Stopping a visit: the button opens a labelled dialog focused on the reason; Escape closes it
// without stopping; a reason sent with If-Match the visit's revision stops it; a refusal is shown.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import type { Visit } from '../../api/types';
import { ApiProblem } from '../../api/problem';
import { VISIT } from '../procedure/record-test-support';
import { withApi } from './end-test-support';
import { StopVisitButton } from './StopVisitButton';

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

const STOPPED: Visit = {
  ...VISIT,
  status: 'cancelled',
  endedAt: '2026-11-27T10:00:00Z',
  endReason: 'Patient declined',
  revision: 2,
};

it('asks why in a labelled dialog, closes on Escape, and stops the visit with the reason', async () => {
  const user = userEvent.setup();
  const endVisit = vi.fn(() => Promise.resolve(STOPPED));
  const onEnded = vi.fn();
  render(withApi({ endVisit }, <StopVisitButton visit={VISIT} onEnded={onEnded} />));

  await user.click(screen.getByRole('button', { name: 'Stop the visit' }));
  const dialog = screen.getByRole('dialog', { name: 'Stop the visit' });
  const reason = within(dialog).getByLabelText(/Why is the visit stopped/);
  const stop = within(dialog).getByRole('button', { name: 'Stop the visit' });
  expect(stop).toHaveProperty('disabled', true);
  // Escape: the native dialog's cancel event (jsdom does not map the key to it).
  fireEvent(dialog, new Event('cancel', { cancelable: true }));
  expect(dialog.hasAttribute('open')).toBe(false);
  expect(endVisit).not.toHaveBeenCalled();

  await user.click(screen.getByRole('button', { name: 'Stop the visit' }));
  await user.type(reason, 'Patient declined');
  await user.click(stop);
  expect(endVisit).toHaveBeenCalledWith(VISIT, { outcome: 'stopped', reason: 'Patient declined' });
  expect(onEnded).toHaveBeenCalledWith(STOPPED);
  expect(dialog.hasAttribute('open')).toBe(false);
});

it('shows the server’s refusal and keeps the reason typed', async () => {
  const user = userEvent.setup();
  const refusal = new ApiProblem({
    title: 'Precondition failed',
    status: 412,
    code: 'precondition-failed',
    detail: 'visit v1 is at revision 2: read it again',
  });
  const endVisit = vi.fn(() => Promise.reject(refusal));
  const onEnded = vi.fn();
  render(withApi({ endVisit }, <StopVisitButton visit={VISIT} onEnded={onEnded} />));
  await user.click(screen.getByRole('button', { name: 'Stop the visit' }));
  const dialog = screen.getByRole('dialog', { name: 'Stop the visit' });
  await user.type(within(dialog).getByLabelText(/Why is the visit stopped/), 'Patient unwell');
  await user.click(within(dialog).getByRole('button', { name: 'Stop the visit' }));
  expect(await within(dialog).findByText(/revision 2/)).toBeTruthy();
  expect(within(dialog).getByLabelText(/Why is the visit stopped/)).toHaveProperty('value', 'Patient unwell');
  expect(onEnded).not.toHaveBeenCalled();
});

it('offers nothing on an ended visit', () => {
  render(withApi({}, <StopVisitButton visit={STOPPED} onEnded={vi.fn()} />));
  expect(screen.queryByRole('button', { name: 'Stop the visit' })).toBeNull();
});
