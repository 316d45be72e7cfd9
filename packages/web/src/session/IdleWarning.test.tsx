// @vitest-environment jsdom
// The idle warning: shown two minutes before the idle end (allowing a minute of the server's touch
// slack), "Stay signed in" makes a request, a newer request moves the warning out, and what was
// typed on the page behind is never touched.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { IdleWarning, idleEndOf } from './IdleWarning';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-11-27T10:00:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const IDLE = 30 * 60; // the server's default, in seconds
const dialog = () => screen.queryByRole('dialog');
/** Moves the clock in steps, so each timer the component sets after a render also runs. */
function advance(ms: number) {
  for (let left = ms; left > 0; left -= 5_000) act(() => void vi.advanceTimersByTime(Math.min(5_000, left)));
}

it('ends a minute early (the server touches the session at most once a minute)', () => {
  expect(idleEndOf(0, IDLE)).toBe(29 * 60_000);
});

it('warns two minutes before, says how long is left, and stays signed in on request', async () => {
  const start = Date.now();
  const onStay = vi.fn(() => Promise.resolve());
  const page = render(
    <>
      <input aria-label="Note" defaultValue="half a sentence" />
      <IdleWarning idleTimeoutSeconds={IDLE} lastActivity={start} onStay={onStay} onSignOut={vi.fn()} />
    </>,
  );
  expect(dialog()).toBeNull();
  act(() => void vi.advanceTimersByTime(27 * 60_000 - 1));
  expect(dialog()).toBeNull();
  act(() => void vi.advanceTimersByTime(1));
  expect(screen.getByRole('dialog', { name: 'You will be signed out in 2 minutes' })).toBeTruthy();
  advance(75_000);
  expect(screen.getByRole('dialog', { name: 'You will be signed out in 1 minute' })).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
  expect(onStay).toHaveBeenCalledTimes(1);
  // The request answered: the provider reports the new activity, the warning goes.
  page.rerender(
    <>
      <input aria-label="Note" defaultValue="half a sentence" />
      <IdleWarning idleTimeoutSeconds={IDLE} lastActivity={Date.now()} onStay={onStay} onSignOut={vi.fn()} />
    </>,
  );
  await act(() => Promise.resolve());
  expect(dialog()).toBeNull();
  const note = screen.getByRole('textbox', { name: 'Note' });
  expect((note as HTMLInputElement).value).toBe('half a sentence');
});

it('offers to sign out, and closes by itself once the session has ended', () => {
  const onSignOut = vi.fn();
  render(<IdleWarning idleTimeoutSeconds={IDLE} lastActivity={Date.now()} onStay={vi.fn()} onSignOut={onSignOut} />);
  act(() => void vi.advanceTimersByTime(28 * 60_000));
  fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
  expect(onSignOut).toHaveBeenCalled();
  advance(60_000);
  expect(dialog()).toBeNull();
});

it('warns at half of a short idle timeout', () => {
  render(<IdleWarning idleTimeoutSeconds={180} lastActivity={Date.now()} onStay={vi.fn()} onSignOut={vi.fn()} />);
  // Ends at 3 min - 1 min slack = 2 min; warns 90 s before, at 30 s.
  act(() => void vi.advanceTimersByTime(29_999));
  expect(dialog()).toBeNull();
  act(() => void vi.advanceTimersByTime(1));
  expect(dialog()).not.toBeNull();
});
