// @vitest-environment jsdom
// The ICD-10-CM combobox: debounced server search, ARIA 1.2 combobox wiring, keyboard picking,
// Escape, headers marked, the list searched named when it is not the whole release.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import type { Icd10cmItem, Icd10cmResults } from '../api/reference-endpoints';
import { Icd10Combobox } from './Icd10Combobox';

afterEach(cleanup);

const MYALGIA: readonly Icd10cmItem[] = [
  { code: 'M79.18', title: 'Myalgia, other site', billable: true },
  { code: 'M79.12', title: 'Myalgia of auxiliary muscles, head and neck', billable: true },
  {
    code: 'M79.1',
    title: 'Myalgia',
    billable: false,
    note: 'Non-billable header; use a more specific code (M79.10, M79.11, M79.12 or M79.18)',
  },
];

function fakeSearch(complete = true) {
  return vi.fn((q: string): Promise<Icd10cmResults> =>
    Promise.resolve({
      source: { name: complete ? 'CMS ICD-10-CM order file' : 'Knotwork’s TPI code list', complete, codes: 43 },
      items: q.toLowerCase().startsWith('my') ? MYALGIA : [],
    }),
  );
}

function Harness({ search, onPick }: { search: ReturnType<typeof fakeSearch>; onPick: (i: Icd10cmItem) => void }) {
  const [value, setValue] = useState('');
  return (
    <form aria-label="f" onSubmit={(e) => e.preventDefault()}>
      <Icd10Combobox label="ICD-10-CM code" value={value} onChange={setValue} onPick={onPick} search={search} />
      <p data-testid="value">{value}</p>
    </form>
  );
}

it('searches once typing pauses, and picks with the arrow keys and Enter', async () => {
  const user = userEvent.setup();
  const search = fakeSearch();
  const onPick = vi.fn();
  render(<Harness search={search} onPick={onPick} />);
  const box = screen.getByRole('combobox', { name: 'ICD-10-CM code' });
  expect(box.getAttribute('aria-expanded')).toBe('false');
  expect(box.getAttribute('aria-autocomplete')).toBe('list');

  await user.type(box, 'myal');
  const list = await screen.findByRole('listbox');
  await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
  // Debounced: one request for the four keystrokes.
  expect(search).toHaveBeenCalledTimes(1);
  expect(search.mock.calls[0]?.[0]).toBe('myal');
  expect(box.getAttribute('aria-expanded')).toBe('true');
  expect(box.getAttribute('aria-controls')).toBe(list.id);
  expect(screen.getByRole('status').textContent).toContain('3 matching codes');

  // The header is marked as not billable.
  const header = screen.getByRole('option', { name: /M79\.1 Myalgia Header, not billable/ });
  expect(header).toBeTruthy();

  await user.keyboard('{ArrowDown}{ArrowDown}');
  const second = screen.getAllByRole('option')[1]!;
  expect(box.getAttribute('aria-activedescendant')).toBe(second.id);
  expect(second.getAttribute('aria-selected')).toBe('true');
  await user.keyboard('{ArrowUp}{ArrowUp}');
  expect(box.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[2]!.id);

  await user.keyboard('{Enter}');
  expect(onPick).toHaveBeenCalledWith(MYALGIA[2]);
  expect(screen.getByTestId('value').textContent).toBe('M79.1');
  expect(box.getAttribute('aria-expanded')).toBe('false');
  // The picked header's note stays with the field.
  expect(box.getAttribute('aria-describedby')).toBeTruthy();
  expect(screen.getByText(/M79\.1: Non-billable header; use a more specific code/)).toBeTruthy();
});

it('Escape closes the list and keeps what was typed; a click picks', async () => {
  const user = userEvent.setup();
  const onPick = vi.fn();
  render(<Harness search={fakeSearch()} onPick={onPick} />);
  const box = screen.getByRole('combobox', { name: 'ICD-10-CM code' });
  await user.type(box, 'my');
  await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
  await user.keyboard('{Escape}');
  expect(box.getAttribute('aria-expanded')).toBe('false');
  expect(screen.getByTestId('value').textContent).toBe('my');

  await user.keyboard('{ArrowDown}');
  expect(box.getAttribute('aria-expanded')).toBe('true');
  await user.click(screen.getByRole('option', { name: /M79\.18/ }));
  expect(onPick).toHaveBeenCalledWith(MYALGIA[0]);
  expect(screen.getByTestId('value').textContent).toBe('M79.18');
});

it('says when nothing matched, and when the server searched only its short list', async () => {
  const user = userEvent.setup();
  render(<Harness search={fakeSearch(false)} onPick={vi.fn()} />);
  const box = screen.getByRole('combobox', { name: 'ICD-10-CM code' });
  await user.type(box, 'zz');
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No matching code'));
  expect(
    screen.getByText(/Searching Knotwork’s TPI code list \(43 codes\)\. Any valid code may still be typed\./),
  ).toBeTruthy();
});
