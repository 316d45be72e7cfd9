// @vitest-environment jsdom
// The observation timer: started when the procedure ends, counting down in minutes and seconds,
// saying in words when it ends; kept across steps for the visit.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ObservationTimer } from './ObservationTimer';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.sessionStorage.clear();
});

it('counts the clinic’s minutes down from the end of the procedure and says when it is complete', () => {
  vi.useFakeTimers();
  let now = Date.UTC(2026, 10, 27, 10, 0, 0);
  const clock = () => now;
  const { unmount } = render(<ObservationTimer visitId="v1" minutes={20} clock={clock} />);
  expect(screen.queryByRole('timer')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Procedure ended: start observation' }));
  expect(screen.getByRole('timer', { name: 'Observation time left' }).textContent).toBe('20:00');

  act(() => {
    now += 61_000;
    vi.advanceTimersByTime(1000);
  });
  expect(screen.getByRole('timer').textContent).toBe('18:59');
  expect(screen.getByRole('status').textContent).toMatch(/^Observing since \d\d:\d\d; ends at \d\d:\d\d\.$/);

  // Leaving the step and coming back does not restart it.
  unmount();
  render(<ObservationTimer visitId="v1" minutes={20} clock={clock} />);
  expect(screen.getByRole('timer').textContent).toBe('18:59');
  act(() => {
    now += 20 * 60_000;
    vi.advanceTimersByTime(1000);
  });
  expect(screen.getByRole('timer').textContent).toBe('0:00');
  expect(screen.getByRole('status').textContent).toContain('Observation complete: 20 minutes have passed');
});
