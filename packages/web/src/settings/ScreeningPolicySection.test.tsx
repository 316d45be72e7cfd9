// @vitest-environment jsdom
// The screening policy: every field with its meaning, default and sources; the version cards cite;
// saved as a new version with If-Match, numbers sent as numbers; the server's issues shown at each
// field they name.
import { DEFAULT_POLICY_VALUES } from '@knotwork/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { POLICY_FIELDS } from './policy-fields';
import { ScreeningPolicySection } from './ScreeningPolicySection';
import { ADMIN, fakeServer, invalid, renderSection, type Handler } from './test-api';

afterEach(cleanup);

const policy = (settingsVersion: number, values: Record<string, unknown>, policyVersion: string) => ({
  settingsVersion,
  policyVersion,
  values,
  changedAt: settingsVersion === 0 ? null : '2026-11-27T09:00:00.000Z',
  changedBy: settingsVersion === 0 ? null : ADMIN.id,
  reason: null,
});

const defaults = policy(0, { ...DEFAULT_POLICY_VALUES }, 'default-65ac9533a9cb');

function server(put: Handler, after = defaults) {
  let reads = 0;
  return fakeServer({
    'GET /api/users': () => ({ body: { items: [ADMIN] } }),
    'GET /api/settings/screening-policy': () => ({ body: reads++ === 0 ? defaults : after }),
    'PUT /api/settings/screening-policy': put,
  });
}

describe('the screening policy', () => {
  it('shows every field with its meaning, default and sources, and the policy version', async () => {
    const { api } = server(() => ({ body: defaults }));
    renderSection(api, <ScreeningPolicySection />);
    const fever = await screen.findByLabelText('Fever threshold');
    expect((fever as HTMLInputElement).value).toBe('38');
    const description = (fever.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(description).toContain('defers the procedure');
    const region = screen.getByRole('region', { name: 'Screening policy' });
    for (const field of POLICY_FIELDS) expect(region.textContent).toContain(field.label);
    expect(region.textContent).toContain('Sources: [SIR2019]; REFERENCE.md 2.2 (SIR 2019: INR ≤ 3.0');
    expect(screen.getByTestId('setting-version').textContent).toContain('Policy default-65ac9533a9cb');
    const warning = screen.getByRole('group', { name: 'Warning for pleural risk' });
    expect(within(warning).getByLabelText<HTMLInputElement>('High').checked).toBe(true);
    expect(within(warning).getByLabelText<HTMLInputElement>('Moderate').checked).toBe(false);
  });

  it('saves the values as a new version with If-Match and says which', async () => {
    const saved = policy(1, { ...DEFAULT_POLICY_VALUES, feverCelsius: 38.3 }, 'clinic-0123456789ab');
    const { api, sent } = server(() => ({ body: saved }), saved);
    renderSection(api, <ScreeningPolicySection />);
    const fever = await screen.findByLabelText('Fever threshold');
    await userEvent.clear(fever);
    await userEvent.type(fever, '38.3');
    await userEvent.selectOptions(screen.getByLabelText('Anticoagulant card'), 'critical');
    const info = screen.getByRole('group', { name: 'Information for pleural risk' });
    await userEvent.click(within(info).getByLabelText('Low'));
    await userEvent.click(screen.getByRole('button', { name: 'Save as a new policy version' }));
    await screen.findByText('Saved as clinic settings version 1 (policy clinic-0123456789ab). New screens use it.');
    const put = sent.find((r) => r.method === 'PUT');
    expect(put?.ifMatch).toBe('"0"');
    expect(put?.body).toEqual({
      values: {
        ...DEFAULT_POLICY_VALUES,
        feverCelsius: 38.3,
        anticoagulantIndicator: 'critical',
        pneumothoraxInfoRisks: ['low', 'moderate'],
      },
    });
    await waitFor(() => expect(screen.getByTestId('setting-version').textContent).toContain('by Ada Admin'));
  });

  it('shows each issue at the field it names', async () => {
    const { api } = server(() =>
      invalid([
        { path: '$.values.feverCelsius', message: 'feverCelsius must be a number' },
        {
          path: '$.values.pneumothoraxInfoRisks',
          message: 'pneumothoraxInfoRisks repeats high from pneumothoraxWarningRisks',
        },
      ]),
    );
    renderSection(api, <ScreeningPolicySection />);
    const fever = await screen.findByLabelText('Fever threshold');
    await userEvent.clear(fever);
    await userEvent.type(fever, 'hot');
    await userEvent.click(screen.getByRole('button', { name: 'Save as a new policy version' }));
    await waitFor(() => expect(fever.getAttribute('aria-invalid')).toBe('true'));
    const info = screen.getByRole('group', { name: 'Information for pleural risk' });
    expect(info.textContent).toContain('repeats high');
    expect(screen.getByLabelText('Fever look-back').getAttribute('aria-invalid')).toBeNull();
  });
});
