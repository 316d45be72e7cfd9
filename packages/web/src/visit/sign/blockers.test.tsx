// @vitest-environment jsdom
// A refused signature's `blockers` (the problem's extension member) become a list, each item linked
// to the step the server names for it.
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, expect, it } from 'vitest';
import { ApiProblem, type ProblemBlocker } from '../../api/problem';
import { BlockerList } from './BlockerList';
import { blockersOf } from './blockers';

afterEach(cleanup);

const BLOCKERS: readonly ProblemBlocker[] = [
  {
    code: 'critical-card-open',
    step: 'screening',
    message: 'critical card "Lidocaine allergy" (drug-allergy) has no override',
  },
  { code: 'time-out-incomplete', step: 'procedure', message: 'time-out not complete: consent confirmed' },
  // Words that name consent, on an item the server sends to the plan: the step comes from the server.
  {
    code: 'site-not-planned',
    step: 'plan',
    message: 'rhomboids (right) is not in the screened plan: add it and screen again (consent covers the plan)',
  },
  { code: 'consent-missing', step: 'consent', message: 'no consent is signed for this visit' },
];

const refusal = (blockers: readonly ProblemBlocker[]) =>
  new ApiProblem({
    status: 409,
    code: 'signing-blocked',
    title: 'The note cannot be signed yet',
    detail: `cannot sign yet: ${blockers.map((b) => b.message).join('; ')}`,
    blockers,
  });

it('lists each blocker the server sent and links it to the step the server names', () => {
  const blockers = blockersOf(refusal(BLOCKERS));
  expect(blockers.map((b) => [b.code, b.step])).toEqual([
    ['critical-card-open', 'screening'],
    ['time-out-incomplete', 'procedure'],
    ['site-not-planned', 'plan'],
    ['consent-missing', 'consent'],
  ]);
  render(
    <MemoryRouter>
      <BlockerList visitId="v1" blockers={blockers} />
    </MemoryRouter>,
  );
  const alert = screen.getByRole('alert');
  expect(alert.textContent).toContain('4 things are still open');
  expect(screen.getAllByRole('listitem')).toHaveLength(4);
  expect(screen.getByRole('link', { name: 'Fix in Screening' }).getAttribute('href')).toBe('/visits/v1/screening');
  expect(screen.getByRole('link', { name: 'Fix in Procedure note' }).getAttribute('href')).toBe('/visits/v1/procedure');
  expect(screen.getByRole('link', { name: 'Fix in Plan' }).getAttribute('href')).toBe('/visits/v1/plan');
  expect(screen.getByRole('link', { name: 'Fix in Consent' }).getAttribute('href')).toBe('/visits/v1/consent');
});

it('shows a refusal without a list as one item, and an unknown step in the procedure note', () => {
  expect(blockersOf(refusal([]))).toEqual([{ code: 'signing-blocked', text: 'cannot sign yet: ', step: 'procedure' }]);
  expect(blockersOf(refusal([{ code: 'new-thing', step: 'elsewhere', message: 'x' }]))).toEqual([
    { code: 'new-thing', text: 'x', step: 'procedure' },
  ]);
});
