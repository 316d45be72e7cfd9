// @vitest-environment jsdom
// The observation time: shown with its default and why; saved with If-Match on the version read; the
// server's issue at the field; a stale version (412) explained and the current one shown again.
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ObservationTimeSection } from './ObservationTimeSection';
import { ADMIN, fakeServer, invalid, renderSection, stale, type Handler } from './test-api';

afterEach(cleanup);

const setting = (settingsVersion: number, minutes: number) => ({
  settingsVersion,
  changedAt: settingsVersion === 0 ? null : '2026-11-27T09:00:00.000Z',
  changedBy: settingsVersion === 0 ? null : ADMIN.id,
  reason: null,
  minutes,
  isDefault: minutes === 30,
});

function server(put: Handler, versions = [setting(0, 30)]) {
  let current = 0;
  return fakeServer({
    'GET /api/users': () => ({ body: { items: [ADMIN] } }),
    'GET /api/settings/observation-time': () => ({ body: versions[Math.min(current++, versions.length - 1)] }),
    'PUT /api/settings/observation-time': put,
  });
}

describe('the observation time', () => {
  it('shows the minutes in force, the default and its sources', async () => {
    const { api } = server(() => ({ body: setting(1, 45) }));
    renderSection(api, <ObservationTimeSection />);
    const field = await screen.findByLabelText('Observation time (minutes)');
    expect((field as HTMLInputElement).value).toBe('30');
    const region = screen.getByRole('region', { name: 'Observation time' });
    expect(region.textContent).toContain('Default: 30 minutes.');
    expect(region.textContent).toContain('REFERENCE.md 6.1, 10 item 11');
    expect(region.textContent).toContain('[MEDSCAPE_LA]');
    expect(screen.getByTestId('setting-version').textContent).toContain('Knotwork’s defaults, never changed');
  });

  it('saves with If-Match on the version read and says which version it made', async () => {
    const { api, sent } = server(() => ({ body: setting(1, 45) }), [setting(0, 30), setting(1, 45)]);
    renderSection(api, <ObservationTimeSection />);
    const field = await screen.findByLabelText('Observation time (minutes)');
    await userEvent.clear(field);
    await userEvent.type(field, '45');
    await userEvent.type(screen.getByLabelText(/Reason for the change/), 'LAST can come late{Enter}');
    await screen.findByText('Saved: 45 minutes of observation, clinic settings version 1.');
    const put = sent.find((r) => r.method === 'PUT');
    expect(put).toEqual({
      method: 'PUT',
      path: '/api/settings/observation-time',
      ifMatch: '"0"',
      body: { minutes: 45, reason: 'LAST can come late' },
    });
    await waitFor(() => expect(screen.getByTestId('setting-version').textContent).toContain('by Ada Admin'));
  });

  it('shows the server’s issue at the field', async () => {
    const { api } = server(() =>
      invalid([{ path: '$.minutes', message: 'minutes must be at least 0 and at most 240, not 500' }]),
    );
    renderSection(api, <ObservationTimeSection />);
    const field = await screen.findByLabelText('Observation time (minutes)');
    await userEvent.clear(field);
    await userEvent.type(field, '500{Enter}');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const described = (field.getAttribute('aria-describedby') ?? '').split(' ');
    const error = described.map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(error).toContain('not 500');
    expect(screen.getByRole('link', { name: /not 500/ }).getAttribute('href')).toBe(`#${field.id}`);
  });

  it('explains a stale version and shows the current one again', async () => {
    const { api } = server(
      () => stale('the clinic’s settings are at version 2, not 0: read them again'),
      [setting(0, 30), setting(2, 20)],
    );
    renderSection(api, <ObservationTimeSection />);
    const field = await screen.findByLabelText('Observation time (minutes)');
    await userEvent.clear(field);
    await userEvent.type(field, '45{Enter}');
    await screen.findByText('Not saved: the clinic’s settings changed meanwhile');
    await waitFor(() => expect((field as HTMLInputElement).value).toBe('20'));
    expect(screen.getByTestId('setting-version').textContent).toContain('Clinic settings version 2');
  });
});
