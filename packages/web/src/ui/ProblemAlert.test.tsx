// @vitest-environment jsdom
// A refused request shows the server's detail and each issue with its path; issues at a field the
// form shows link to that field.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ApiProblem } from '../api/problem';
import { ProblemAlert } from './ProblemAlert';

afterEach(cleanup);

it('lists each issue with its path and links the ones at a known field', () => {
  const problem = new ApiProblem({
    status: 400,
    code: 'validation-failed',
    title: 'The request does not match its schema',
    detail: 'the body has 2 problem(s)',
    errors: [
      { path: '$.value.unit', message: 'expected one of kg, g, [lb_av], lb' },
      { path: '$.at', message: 'is in the future' },
    ],
  });
  render(<ProblemAlert problem={problem} fields={{ value: 'reading-value' }} />);
  const alert = screen.getByRole('alert');
  expect(alert.textContent).toContain('the body has 2 problem(s)');
  expect(alert.textContent).toContain('$.value.unit');
  expect(screen.getByRole('link', { name: 'expected one of kg, g, [lb_av], lb' }).getAttribute('href')).toBe(
    '#reading-value',
  );
  expect(screen.queryByRole('link', { name: 'is in the future' })).toBeNull();
  expect(document.activeElement).toBe(alert);
});
