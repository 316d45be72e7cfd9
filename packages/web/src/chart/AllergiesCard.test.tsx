// @vitest-environment jsdom
// "Never asked" and "no known allergies, reviewed on <date>" are different facts: the card says
// which one the chart reports, and marks active allergies.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Allergy, Chart } from '../api/types';
import { SessionContext, type SessionContextValue } from '../session/session-context';
import { AllergiesCard, allergyStatus } from './AllergiesCard';
import { ChartActionsContext } from './chart-actions';

afterEach(cleanup);

const lidocaine: Allergy = {
  id: 'a1',
  substance: { kind: 'ingredient', code: 'lidocaine', text: 'Lidocaine' },
  type: 'allergy',
  criticality: 'high',
  clinicalStatus: 'active',
  verificationStatus: 'confirmed',
};

function chart(overrides: Partial<Chart>): Chart {
  return {
    patient: { id: 'p', identifiers: [], family: 'Hartley', given: ['Ben'] },
    allergiesReviewedAt: null,
    medicationsReconciledAt: null,
    conditions: [],
    allergies: [],
    medicines: [],
    observations: [],
    administrations: [],
    ...overrides,
  };
}

function renderCard(c: Chart) {
  const session = { api: {}, now: () => new Date('2026-11-27T10:00:00Z') } as unknown as SessionContextValue;
  return render(
    <SessionContext.Provider value={session}>
      <ChartActionsContext.Provider value={{ patientId: 'p', saved: () => Promise.resolve() }}>
        <AllergiesCard chart={c} />
      </ChartActionsContext.Provider>
    </SessionContext.Provider>,
  );
}

describe('the allergies card', () => {
  it('says "never asked" when no review is recorded', () => {
    renderCard(chart({}));
    expect(screen.getByTestId('allergy-status').textContent).toMatch(/^Never asked\./);
    expect(screen.getByRole('button', { name: 'Confirm no known allergies' })).toBeTruthy();
  });

  it('says "no known allergies, reviewed on <date>" when reviewed with none active', () => {
    renderCard(
      chart({
        allergiesReviewedAt: '2026-11-25T10:00:00.000Z',
        allergies: [{ ...lidocaine, verificationStatus: 'refuted' }],
      }),
    );
    expect(screen.getByTestId('allergy-status').textContent).toBe('No known allergies, reviewed on 25 Nov 2026.');
  });

  it('lists active allergies with their type and criticality, and counts them', () => {
    renderCard(chart({ allergiesReviewedAt: '2026-11-25T10:00:00.000Z', allergies: [lidocaine] }));
    expect(screen.getByTestId('allergy-status').textContent).toBe('List reviewed with the patient on 25 Nov 2026.');
    expect(screen.getByText('Lidocaine')).toBeTruthy();
    expect(screen.getByText('high criticality')).toBeTruthy();
    expect(screen.getByText('1 active')).toBeTruthy();
  });

  it('tells an unreviewed list from a reviewed one', () => {
    expect(allergyStatus({ allergiesReviewedAt: null, allergies: [lidocaine] })).toEqual({ kind: 'not-reviewed' });
    expect(allergyStatus({ allergiesReviewedAt: null, allergies: [] })).toEqual({ kind: 'never-asked' });
    expect(
      allergyStatus({
        allergiesReviewedAt: '2026-11-25',
        allergies: [{ ...lidocaine, verificationStatus: 'entered-in-error' }],
      }),
    ).toEqual({ kind: 'no-known-allergies', reviewedAt: '2026-11-25' });
  });
});
