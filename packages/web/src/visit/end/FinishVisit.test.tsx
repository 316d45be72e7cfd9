// @vitest-environment jsdom
// Finishing a visit at discharge: disabled (saying why) until the checklist is done; then it ends
// the visit as completed with If-Match its revision; the server's 409 (note not signed) is shown.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import type { Visit } from '../../api/types';
import { ApiProblem } from '../../api/problem';
import { VISIT } from '../procedure/record-test-support';
import { withApi } from './end-test-support';
import { FinishVisit } from './FinishVisit';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const FINISHED: Visit = { ...VISIT, status: 'finished', endedAt: '2026-11-27T10:30:00Z', revision: 2 };

it('waits for the checklist, then finishes the visit', async () => {
  const user = userEvent.setup();
  const endVisit = vi.fn(() => Promise.resolve(FINISHED));
  const onEnded = vi.fn();
  const { rerender } = render(
    withApi({ endVisit }, <FinishVisit visit={VISIT} checklistDone={false} onEnded={onEnded} />),
  );
  const button = screen.getByRole('button', { name: 'Finish the visit' });
  expect(button).toHaveProperty('disabled', true);
  expect(button.getAttribute('aria-describedby')).toBe('finish-visit-why');
  rerender(withApi({ endVisit }, <FinishVisit visit={VISIT} checklistDone onEnded={onEnded} />));
  await user.click(screen.getByRole('button', { name: 'Finish the visit' }));
  expect(endVisit).toHaveBeenCalledWith(VISIT, { outcome: 'completed' });
  expect(onEnded).toHaveBeenCalledWith(FINISHED);
});

it('says why the server refuses (the note is not signed)', async () => {
  const user = userEvent.setup();
  const refusal = new ApiProblem({
    title: 'Conflict',
    status: 409,
    code: 'conflict',
    detail: 'visit v1 has a procedure note not yet signed: sign the note before finishing the visit',
  });
  const endVisit = vi.fn(() => Promise.reject(refusal));
  const onEnded = vi.fn();
  render(withApi({ endVisit }, <FinishVisit visit={VISIT} checklistDone onEnded={onEnded} />));
  await user.click(screen.getByRole('button', { name: 'Finish the visit' }));
  expect(await screen.findByText(/not yet signed/)).toBeTruthy();
  expect(onEnded).not.toHaveBeenCalled();
});
