// @vitest-environment jsdom
// The outcomes card on the chart page and the clinic dashboard: what they ask, and that every chart
// has its text alternative (a summary and a table of the same numbers).
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Endpoints } from '../api/endpoints';
import { SessionContext } from '../session/session-context';
import { DashboardPage, rateText, responderSummary } from './DashboardPage';
import { OutcomesCard } from './OutcomesCard';
import { DASHBOARD, OUTCOMES } from './outcome-fixtures';
import { painSeries, painSummary } from './pain-series';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function signedIn(children: ReactNode) {
  const value = {
    session: {
      user: { id: 'u1', displayName: 'Dr Demo', role: 'clinician' as const, clinicId: 'c', mustChangePassword: false },
      csrfToken: 'csrf',
      expiresAt: '2026-12-01T00:00:00Z',
      idleTimeoutSeconds: 1800,
    },
    api: {} as Endpoints,
    asOf: null,
    now: () => new Date('2026-11-27T12:00:00Z'),
    signOut: () => Promise.resolve(),
  };
  return (
    <MemoryRouter>
      <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
    </MemoryRouter>
  );
}

function serve(routes: Record<string, unknown>) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      asked.push(url);
      const key = Object.keys(routes).find((k) => url.startsWith(k));
      return Promise.resolve(
        new Response(JSON.stringify(key ? routes[key] : {}), { headers: { 'content-type': 'application/json' } }),
      );
    }),
  );
  return asked;
}

describe('pain over time', () => {
  it('gives each procedure its baseline at the injection and its answers in order, and says so in words', () => {
    const series = painSeries(OUTCOMES, (m) => m);
    expect(series.map((s) => [s.baseline?.pain, s.answers.map((a) => a.pain)])).toEqual([
      [8, [3, 3, 4]],
      [7, [8, 5]],
    ]);
    expect(painSummary(series)).toMatch(/baseline 8, latest 4 \(3 answers\).*baseline 7, latest 5/);
  });

  it('shows the outcomes card with the table and each procedure’s responders, flare and eligibility', async () => {
    const asked = serve({ '/api/patients/p1/outcomes': OUTCOMES });
    render(signedIn(<OutcomesCard patientId="p1" />));
    const card = await screen.findByRole('region', { name: 'Outcomes after injections' });
    await within(card).findAllByRole('article');
    expect(asked).toEqual(['/api/patients/p1/outcomes']);
    expect(within(card).getByRole('img').getAttribute('aria-label')).toMatch(/^Pain over time\./);
    const table = within(card).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 2 + 5);
    const [newest, oldest] = within(card).getAllByRole('article');
    expect(newest?.textContent).toMatch(/pain above baseline in the first 72 h|flare: pain rose/);
    expect(oldest?.textContent).toMatch(/Responder ≥ 30 %: yes; ≥ 50 %: yes/);
    expect(oldest?.textContent).toMatch(/Repeat: Unknown: data missing/);
    expect(oldest?.textContent).toMatch(/Needs: the baseline PEG/);
  });
});

describe('the outcomes dashboard', () => {
  it('shows the totals, the chart’s summary and the table, and filters through the API and the CSV link', async () => {
    const asked = serve({ '/api/dashboard/outcomes': DASHBOARD });
    render(signedIn(<DashboardPage />));
    await screen.findByText('Follow-up answers');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      responderSummary('Indication', DASHBOARD.byIndication),
    );
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);
    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'byInjectate' } });
    expect(within(screen.getByRole('table')).getByRole('rowheader', { name: 'With steroid' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Injectate'), { target: { value: 'with-steroid' } });
    fireEvent.change(screen.getByLabelText('Signed from'), { target: { value: '2026-10-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(asked).toEqual([
        '/api/dashboard/outcomes',
        '/api/dashboard/outcomes?injectate=with-steroid&from=2026-10-01',
      ]),
    );
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
        '/api/dashboard/outcomes.csv?injectate=with-steroid&from=2026-10-01',
      ),
    );
  });

  it('writes a rate with its counts, and no rate when nothing could be judged', () => {
    expect(rateText({ n: 2, of: 3, rate: 2 / 3 })).toBe('67 % (2/3)');
    expect(rateText({ n: 0, of: 0, rate: null })).toBe('no data');
  });
});
