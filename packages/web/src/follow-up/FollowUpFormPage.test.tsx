// @vitest-environment jsdom
// The patient's follow-up form: what it asks, that nothing is assumed (every red flag answered yes
// or no, missing answers named and linked), what it sends, and what the answer page says.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FollowUpFormPage } from './FollowUpFormPage';
import type { FollowUpForm } from './follow-up-types';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TOKEN = 'a'.repeat(43);
const FORM: FollowUpForm = {
  dueAt: '2026-11-28T10:00:00Z',
  expiresAt: '2026-12-12T10:00:00Z',
  procedureDate: '2026-11-27T10:00:00Z',
  label: 'Week 2',
  sites: [{ muscle: 'trapezius-upper', name: 'Upper trapezius', side: 'left' }],
  products: [{ injectate: 'lidocaine-1pct', name: 'Lidocaine 1%', steroid: false }],
  baseline: { painNrs: 7, peg: { pain: 7, enjoyment: 6, activity: 5 } },
  asksPeg: true,
  sideEffects: [
    { id: 'soreness-or-flare', text: 'Soreness or a flare of pain' },
    { id: 'fever', text: 'Fever' },
  ],
  redFlags: [
    { id: 'chest-pain-or-breathless', text: 'Chest pain or shortness of breath', why: 'Injected near the lung' },
    { id: 'fainting', text: 'Fainting', why: 'Anyone can faint' },
  ],
  entries: [],
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

function open(fetchImpl: (url: string, init?: RequestInit) => Promise<Response>) {
  vi.stubGlobal('fetch', vi.fn(fetchImpl));
  render(
    <MemoryRouter initialEntries={[`/f/${TOKEN}`]}>
      <Routes>
        <Route path="f/:token" element={<FollowUpFormPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

const choose = (group: string, label: string) =>
  fireEvent.click(within(screen.getByRole('group', { name: group })).getByLabelText(label));

function answerAll(flags: { chest: 'Yes' | 'No'; fainting: 'Yes' | 'No' }) {
  choose('How bad is your pain right now?', '3');
  choose('How much relief have you had since the injection?', '60%');
  choose('What number best describes your pain on average in the past week?', '4');
  choose('What number best describes how, during the past week, pain has interfered with your enjoyment of life?', '3');
  choose('What number best describes how, during the past week, pain has interfered with your general activity?', '2');
  fireEvent.click(screen.getByLabelText('Soreness or a flare of pain'));
  choose('Chest pain or shortness of breath', flags.chest);
  choose('Fainting', flags.fainting);
  choose('Since the injection, how would you describe the change in your condition overall?', 'Much improved');
}

describe('the follow-up form', () => {
  it('asks the questions of this link, with the baseline for the pain scale', async () => {
    open(() => Promise.resolve(json(200, FORM)));
    await screen.findByRole('heading', { level: 1, name: 'How are you since your injection?' });
    expect(screen.getByText(/Before the injection you said 7/)).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Chest pain or shortness of breath' })).toBeTruthy();
    expect(screen.getAllByRole('radio', { name: /^\d+$/ }).length).toBe(44); // pain and the three PEG items, 0-10
  });

  it('names every unanswered question, a red flag left blank among them, and sends nothing', async () => {
    const calls: string[] = [];
    open((url, init) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      return Promise.resolve(json(200, FORM));
    });
    await screen.findByRole('button', { name: 'Send my answers' });
    choose('How bad is your pain right now?', '3');
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Please answer 7 more questions:')).toBeTruthy();
    expect(
      within(alert)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toContain('#flag-fainting');
    expect(calls).toEqual([`GET /api/follow-up/${TOKEN}`]);
  });

  it('sends the answers and shows the urgent advice at once on a red flag', async () => {
    let sent: unknown;
    open((url, init) => {
      if (init?.method === 'POST') {
        sent = JSON.parse(init.body as string);
        return Promise.resolve(
          json(201, {
            id: 'ans1',
            redFlags: [
              {
                id: 'chest-pain-or-breathless',
                urgency: 'emergency',
                advice: 'Call emergency services now: possible collapsed lung.',
                sources: ['PTCARE'],
              },
            ],
          }),
        );
      }
      return Promise.resolve(json(200, FORM));
    });
    await screen.findByRole('button', { name: 'Send my answers' });
    answerAll({ chest: 'Yes', fainting: 'No' });
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { level: 1, name: 'Get emergency help now' })).toBeTruthy();
    expect(within(alert).getByText('Call emergency services now: possible collapsed lung.')).toBeTruthy();
    expect(sent).toEqual({
      painNrs: 3,
      reliefPct: 60,
      peg: { pain: 4, enjoyment: 3, activity: 2 },
      sideEffects: ['soreness-or-flare'],
      redFlags: ['chest-pain-or-breathless'],
      pgic: 2,
    });
  });

  it('thanks the patient when nothing is urgent', async () => {
    open((_url, init) =>
      Promise.resolve(init?.method === 'POST' ? json(201, { id: 'ans1', redFlags: [] }) : json(200, FORM)),
    );
    await screen.findByRole('button', { name: 'Send my answers' });
    answerAll({ chest: 'No', fainting: 'No' });
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you' })).toBeTruthy();
  });

  it('is kind about a link that has ended', async () => {
    open(() =>
      Promise.resolve(json(404, { title: 'Not found', status: 404, code: 'not-found', detail: 'no such link' })),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'This link has ended' })).toBeTruthy();
    expect(screen.queryByText(/no such link/)).toBeNull();
  });
});
