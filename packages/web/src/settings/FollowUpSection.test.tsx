// @vitest-environment jsdom
// The follow-up schedule: offsets in words; a point added (its id made from its label), one
// removed, one edited; sent in time order as ISO 8601 durations with If-Match; the server's issue
// shown at the point's field.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FollowUpSection } from './FollowUpSection';
import { ADMIN, fakeServer, invalid, renderSection, type Handler } from './test-api';

afterEach(cleanup);

const point = (id: string, label: string, after: string, afterMinutes: number, asksPeg = false) => ({
  id,
  label,
  after,
  afterMinutes,
  asksPeg,
});

const schedule = {
  settingsVersion: 4,
  changedAt: '2026-11-27T09:00:00.000Z',
  changedBy: ADMIN.id,
  reason: 'observation time',
  isDefault: true,
  points: [
    point('same-evening', 'This evening', 'PT6H', 360),
    point('day-1', 'Day 1', 'P1D', 1440),
    point('day-3', 'Day 3', 'P3D', 4320),
    point('week-2', 'Week 2', 'P2W', 20160, true),
  ],
};

function server(put: Handler) {
  return fakeServer({
    'GET /api/users': () => ({ body: { items: [ADMIN] } }),
    'GET /api/settings/follow-up-schedule': () => ({ body: schedule }),
    'PUT /api/settings/follow-up-schedule': put,
  });
}

const pointGroup = (name: RegExp) => screen.getByRole('group', { name });

describe('the follow-up schedule', () => {
  it('shows each offset in words and which contacts ask the PEG', async () => {
    const { api } = server(() => ({ body: schedule }));
    renderSection(api, <FollowUpSection />);
    expect((await screen.findByTestId('follow-up-summary')).textContent).toBe(
      'In force: This evening (6 hours); Day 1 (1 day); Day 3 (3 days); Week 2 (2 weeks, PEG).',
    );
    const week2 = pointGroup(/Week 2: 2 weeks after signing/);
    expect(within(week2).getByLabelText<HTMLInputElement>('After').value).toBe('2');
    expect(within(week2).getByLabelText<HTMLSelectElement>('Unit').value).toBe('weeks');
    expect(within(week2).getByLabelText<HTMLInputElement>('Asks the PEG').checked).toBe(true);
    expect(screen.getByTestId('setting-version').textContent).toContain('Clinic settings version 4');
  });

  it('adds, removes and edits points, and sends them in time order with If-Match', async () => {
    const { api, sent } = server(() => ({ body: { ...schedule, settingsVersion: 5 } }));
    renderSection(api, <FollowUpSection />);
    await screen.findByTestId('follow-up-summary');
    await userEvent.click(screen.getByRole('button', { name: 'Remove Day 3' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a point' }));
    const added = pointGroup(/Point 4/);
    await waitFor(() => expect(document.activeElement).toBe(within(added).getByLabelText('Label')));
    await userEvent.type(within(added).getByLabelText('Label'), 'Week 1');
    expect(within(added).getByLabelText<HTMLInputElement>(/^ID/).value).toBe('week-1');
    await userEvent.type(within(added).getByLabelText('After'), '1');
    expect(added.textContent).toContain('Week 1: 1 week after signing');
    const evening = pointGroup(/This evening/);
    await userEvent.clear(within(evening).getByLabelText('After'));
    await userEvent.type(within(evening).getByLabelText('After'), '8');
    await userEvent.click(screen.getByRole('button', { name: 'Save follow-up schedule' }));
    await screen.findByText('Saved: 4 follow-up points, clinic settings version 5.');
    const put = sent.find((r) => r.method === 'PUT');
    expect(put?.ifMatch).toBe('"4"');
    expect(put?.body).toEqual({
      points: [
        { id: 'same-evening', label: 'This evening', after: 'PT8H', asksPeg: false },
        { id: 'day-1', label: 'Day 1', after: 'P1D', asksPeg: false },
        { id: 'week-1', label: 'Week 1', after: 'P1W', asksPeg: false },
        { id: 'week-2', label: 'Week 2', after: 'P2W', asksPeg: true },
      ],
    });
  });

  it('shows the server’s issue at the point’s field', async () => {
    const { api } = server(() =>
      invalid([{ path: '$.points[1].label', message: 'points[1].label must be 1 to 80 characters' }]),
    );
    renderSection(api, <FollowUpSection />);
    await screen.findByTestId('follow-up-summary');
    const day1 = pointGroup(/Day 1/);
    await userEvent.clear(within(day1).getByLabelText('Label'));
    await userEvent.click(screen.getByRole('button', { name: 'Save follow-up schedule' }));
    const label = within(pointGroup(/Point 2/)).getByLabelText('Label');
    await waitFor(() => expect(label.getAttribute('aria-invalid')).toBe('true'));
    expect(pointGroup(/Point 2/).textContent).toContain('points[1].label must be 1 to 80 characters');
    expect(
      within(pointGroup(/This evening/))
        .getByLabelText('Label')
        .getAttribute('aria-invalid'),
    ).toBeNull();
  });
});
