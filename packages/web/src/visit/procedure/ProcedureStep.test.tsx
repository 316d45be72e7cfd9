// @vitest-environment jsdom
// The procedure note: the time-out ticked and saved by itself (only the changed field, If-Match
// the revision); an expired lot refused by the server shows at its expiry field and keeps what was
// typed.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import type { ProcedureNote } from '../../api/visit-record-types';
import { VISIT_STEPS } from '../steps';
import { ProcedureStep } from './ProcedureStep';
import { answer, CHART, problem, stubFetch, VISIT, withSession } from './record-test-support';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NOTE: ProcedureNote = {
  id: 'n1',
  visitId: 'v1',
  version: 1,
  status: 'draft',
  revision: 1,
  content: {
    plan: {
      revision: 1,
      sites: [{ muscle: 'trapezius-upper', side: 'left' }],
      products: [{ injectate: 'lidocaine-1pct', volumeMl: 2 }],
    },
    findings: '',
    painNrs: null,
    timeOut: { patient: false, sites: false, sides: false, allergies: false, consent: false },
    sites: [
      {
        muscle: 'trapezius-upper',
        side: 'left',
        needle: { gauge: null, lengthMm: null },
        aspiration: null,
        twitch: null,
        tolerance: null,
        administrations: [],
      },
    ],
    complications: [],
  },
  createdBy: 'u1',
  signedBy: null,
  signedAt: null,
  amendmentReason: null,
  previousVersionId: null,
};

const step = VISIT_STEPS.find((s) => s.id === 'procedure') ?? VISIT_STEPS[0];

it('saves the time-out by itself, and shows an expired lot at its expiry field', { timeout: 20_000 }, async () => {
  const user = userEvent.setup();
  let revision = 1;
  const calls = stubFetch({
    'POST /api/visits/v1/note': () => answer(201, NOTE, { etag: '"1"' }),
    'GET /api/reference/complication-types': () => answer(200, { items: [] }),
    'PUT /api/notes/n1': (init) => {
      const body = JSON.parse(init.body as string) as { sites?: { administrations: { expiry: string | null }[] }[] };
      if (body.sites?.[0]?.administrations[0]?.expiry === '2025-01') {
        return problem(400, 'validation-failed', 'the record has 1 problem(s)', [
          {
            path: '$.sites[0].administrations[0].expiry',
            message: 'lot L1 of lidocaine-1pct expired (2025-01) before 2026-11-27: it must not be given',
          },
        ]);
      }
      revision += 1;
      return answer(200, { ...NOTE, revision }, { etag: `"${revision}"` });
    },
  });
  render(withSession(<ProcedureStep visit={VISIT} chart={CHART} step={step} />));

  const patient = await screen.findByRole('checkbox', { name: 'Right patient, by two identifiers' });
  await user.click(patient);
  expect(screen.getByText('(1 of 5 confirmed)')).toBeTruthy();
  await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'), { timeout: 3000 });
  const put = calls.find((c) => c.method === 'PUT');
  expect(put?.body).toEqual({
    timeOut: { patient: true, sites: false, sides: false, allergies: false, consent: false },
  });
  expect(put?.headers['if-match']).toBe('"1"');

  await user.click(screen.getByRole('button', { name: /Add what was given/ }));
  await user.type(screen.getByLabelText('Volume (mL)'), '2');
  await user.type(screen.getByLabelText('Lot'), 'L1');
  await user.type(screen.getByLabelText(/^Expiry/), '2025-01');
  const expiry = screen.getByLabelText(/^Expiry/);
  await waitFor(() => expect(expiry.getAttribute('aria-invalid')).toBe('true'), { timeout: 3000 });
  expect(screen.getAllByText(/expired \(2025-01\) before 2026-11-27/).length).toBeGreaterThan(0);
  expect(screen.getByRole('link', { name: /expired \(2025-01\)/ }).getAttribute('href')).toBe(
    '#note-sites-0-administrations-0-expiry',
  );
  expect((expiry as HTMLInputElement).value).toBe('2025-01');

  await user.clear(expiry);
  await user.type(expiry, '2028-06');
  await waitFor(() => expect(expiry.getAttribute('aria-invalid')).toBeNull(), { timeout: 3000 });
  await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'), { timeout: 3000 });
  const last = calls.filter((c) => c.method === 'PUT').at(-1);
  expect(last?.body).toEqual({
    sites: [
      expect.objectContaining({
        administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 2, lot: 'L1', expiry: '2028-06' }],
      }),
    ],
  });
});

it(
  'keeps what was typed when someone else saved meanwhile (412): theirs loaded, ours put back and saved',
  { timeout: 20_000 },
  async () => {
    const user = userEvent.setup();
    const theirs: ProcedureNote = { ...NOTE, revision: 2, content: { ...NOTE.content, findings: 'Taut band (nurse)' } };
    let puts = 0;
    const calls = stubFetch({
      'POST /api/visits/v1/note': () => problem(409, 'conflict', 'the visit already has a note'),
      'GET /api/visits/v1/notes': () => answer(200, { items: [puts === 0 ? NOTE : theirs] }),
      'GET /api/reference/complication-types': () => answer(200, { items: [] }),
      'PUT /api/notes/n1': (init) => {
        puts += 1;
        const ifMatch = (init.headers as Record<string, string>)['if-match'];
        if (ifMatch === '"1"') return problem(412, 'precondition-failed', 'the note changed since it was read');
        return answer(200, { ...theirs, revision: 3 }, { etag: '"3"' });
      },
    });
    render(withSession(<ProcedureStep visit={VISIT} chart={CHART} step={step} />));
    await user.click(await screen.findByRole('checkbox', { name: 'Right sides' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Someone else saved this note'), {
      timeout: 4000,
    });
    expect(screen.getByLabelText<HTMLTextAreaElement>('Findings').value).toBe('Taut band (nurse)');
    expect(screen.getByRole('checkbox', { name: 'Right sides' })).toHaveProperty('checked', true);
    const retried = calls.filter((c) => c.method === 'PUT').at(-1);
    expect(retried?.headers['if-match']).toBe('"2"');
    expect(retried?.body).toEqual({
      timeOut: { patient: false, sites: false, sides: true, allergies: false, consent: false },
    });
  },
);
