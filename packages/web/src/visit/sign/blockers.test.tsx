// @vitest-environment jsdom
// A refused signature's detail becomes a list, each item linked to the step that fixes it.
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, expect, it } from 'vitest';
import { BlockerList } from './BlockerList';
import { blockersOf } from './blockers';

afterEach(cleanup);

const DETAIL =
  'cannot sign yet: critical card "Lidocaine allergy" (drug-allergy) has no override; time-out not complete: consent; lidocaine-1pct at trapezius-upper (left) has no lot number; no consent is signed for this visit';

it('splits the detail and links each item to its step', () => {
  const blockers = blockersOf(DETAIL);
  expect(blockers.map((b) => b.step)).toEqual(['screening', 'procedure', 'procedure', 'consent']);
  render(
    <MemoryRouter>
      <BlockerList visitId="v1" blockers={blockers} />
    </MemoryRouter>,
  );
  const alert = screen.getByRole('alert');
  expect(alert.textContent).toContain('4 things are still open');
  expect(screen.getAllByRole('listitem')).toHaveLength(4);
  expect(screen.getByRole('link', { name: 'Fix in Screening' }).getAttribute('href')).toBe('/visits/v1/screening');
  expect(screen.getAllByRole('link', { name: 'Fix in Procedure note' })[0]?.getAttribute('href')).toBe(
    '/visits/v1/procedure',
  );
  expect(screen.getAllByRole('link', { name: 'Fix in Consent' })).toHaveLength(1);
});

it('sends a plan that changed since the screen to the screening step', () => {
  expect(blockersOf('cannot sign yet: no screen of the current plan (revision 2): screen the visit first')).toEqual([
    { text: 'no screen of the current plan (revision 2): screen the visit first', step: 'screening' },
  ]);
});
