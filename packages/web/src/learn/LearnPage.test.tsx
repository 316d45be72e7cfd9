// @vitest-environment jsdom
// The education page asks the server for the patient's sites and drugs and shows the warning signs
// first, then the sections; it works without a session.
import { educationPage } from '@knotwork/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LearnPage } from './LearnPage';
import { learnHref, learnQuery } from './learn-link';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the education page', () => {
  it('builds and reads its address', () => {
    expect(learnHref(['trapezius-upper', 'rhomboids', 'rhomboids'], ['lidocaine-1pct'])).toBe(
      '/learn?muscles=trapezius-upper,rhomboids&injectates=lidocaine-1pct',
    );
    expect(learnHref([], [])).toBe('/learn');
    expect(learnQuery('?muscles=a,b&injectates=')).toEqual({ muscles: ['a', 'b'], injectates: [] });
  });

  it('shows the parts for the patient, the warning signs and every section, asking without a session', async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        asked.push(`${init?.method ?? 'GET'} ${url} ${init?.credentials ?? ''}`);
        const page = educationPage({
          muscles: ['trapezius-upper'],
          injectates: ['lidocaine-1pct', 'triamcinolone-40'],
        });
        return Promise.resolve(new Response(JSON.stringify(page), { headers: { 'content-type': 'application/json' } }));
      }),
    );
    render(
      <MemoryRouter initialEntries={['/learn?muscles=trapezius-upper&injectates=lidocaine-1pct,triamcinolone-40']}>
        <Routes>
          <Route path="learn" element={<LearnPage />} />
        </Routes>
      </MemoryRouter>,
    );
    const yours = await screen.findByRole('region', { name: 'Your injection' });
    expect(within(yours).getByText(/Trapezius, upper fibres/)).toBeTruthy();
    const warnings = screen.getByRole('region', { name: 'When to get help' });
    expect(within(warnings).getAllByRole('listitem')[0]?.textContent).toMatch(/Emergency.*Chest pain/);
    for (const title of ['What a trigger point injection is', 'Side effects', 'About your treatment']) {
      expect(screen.getByRole('heading', { level: 2, name: title })).toBeTruthy();
    }
    expect(asked).toEqual([
      'GET /api/education?muscles=trapezius-upper&injectates=lidocaine-1pct%2Ctriamcinolone-40 same-origin',
    ]);
    expect(screen.getByRole('button', { name: 'Print this page' })).toBeTruthy();
  });
});
