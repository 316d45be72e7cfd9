// @vitest-environment jsdom
// A screening card: its indicator in words, an expandable why with the rules that fired for its
// finding, and the override form's checks (a reason always, a comment with "other").
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RuleTrace, ScreenCard } from '../../api/visit-planning-types';
import { ScreenCardView } from './ScreenCardView';

afterEach(cleanup);

const card: ScreenCard = {
  uuid: 'card-1',
  summary: 'Allergy to lidocaine: Lidocaine 1% planned',
  detail:
    '**Drug allergy**\n\n- **A planned product contains an allergen** (critical; rule `allergy.drug` v2)\n  - Lidocaine allergy (`$.prefetch.allergies.entry[0]`)',
  indicator: 'critical',
  source: { label: 'Knotwork TPI screening', topic: { system: 'x', code: 'drug-allergy' } },
  overrideReasons: [
    { system: 's', code: 'benefit-outweighs-risk' },
    { system: 's', code: 'other' },
  ],
};

const rules: RuleTrace[] = [
  {
    id: 'allergy.drug',
    version: 2,
    finding: 'drug-allergy',
    sources: ['LABEL_LIDO'],
    evaluated: true,
    fired: true,
    facts: [{ path: '$.prefetch.allergies.entry[0]', text: 'Lidocaine allergy, high criticality' }],
  },
  { id: 'allergy.class', version: 1, finding: 'drug-allergy', evaluated: true, fired: false, facts: [] },
  { id: 'fever.now', version: 1, finding: 'fever', evaluated: true, fired: true, facts: [] },
];

function show(props: Partial<Parameters<typeof ScreenCardView>[0]> = {}) {
  const onOverride = vi.fn().mockResolvedValue(undefined);
  render(
    <ul>
      <ScreenCardView
        card={card}
        rules={rules}
        policyVersion="default-abc"
        override={undefined}
        canOverride
        onOverride={onOverride}
        nameOf={() => 'Dr Demo'}
        {...props}
      />
    </ul>,
  );
  return { onOverride };
}

describe('ScreenCardView', () => {
  it('names the indicator in words beside the summary', () => {
    show();
    const item = document.querySelector('.screen-card') as HTMLElement;
    expect(within(item).getByText('Critical')).toBeTruthy();
    expect(item.textContent).toContain('Allergy to lidocaine: Lidocaine 1% planned');
  });

  it('opens why: the detail, the fired rules of this finding with facts and sources, the policy', async () => {
    show();
    const details = screen.getByText('Why: the rules and facts').closest('details')!;
    expect(details.open).toBe(false);
    await userEvent.click(screen.getByText('Why: the rules and facts'));
    expect(details.open).toBe(true);
    const why = details.querySelector('.card-why')!;
    expect(why.querySelector('strong')?.textContent).toBe('Drug allergy');
    expect(why.textContent).toContain('allergy.drug version 2');
    expect(why.textContent).toContain('Lidocaine allergy, high criticality');
    expect(why.textContent).toContain('Sources: LABEL_LIDO');
    expect(why.textContent).toContain('default-abc');
    expect(why.textContent).not.toContain('allergy.class'); // evaluated, did not fire
    expect(why.textContent).not.toContain('fever.now'); // another finding
  });

  it('asks for a reason, and for a comment with "other", before sending an override', async () => {
    const user = userEvent.setup();
    const { onOverride } = show();
    const form = screen.getByRole('form', { name: /Override/ });
    await user.click(within(form).getByRole('button', { name: 'Record override' }));
    expect(form.textContent).toContain('Choose a reason');
    expect(onOverride).not.toHaveBeenCalled();

    await user.click(within(form).getByRole('radio', { name: /Other/i }));
    await user.click(within(form).getByRole('button', { name: 'Record override' }));
    expect(form.textContent).toContain('Say why in a comment');
    expect(
      within(form)
        .getByLabelText(/Comment/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(onOverride).not.toHaveBeenCalled();

    await user.type(within(form).getByLabelText(/Comment/), 'Checked with the allergist: tolerated since');
    await user.click(within(form).getByRole('button', { name: 'Record override' }));
    expect(onOverride).toHaveBeenCalledWith({
      cardUuid: 'card-1',
      reasonCode: 'other',
      comment: 'Checked with the allergist: tolerated since',
    });
  });

  it('offers only the card’s own reasons, by their contract names', () => {
    show();
    const radios = within(screen.getByRole('form')).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(screen.getByRole('radio', { name: 'Benefit outweighs the risk for this patient' })).toBeTruthy();
  });

  it('shows the recorded override: who, why, when', () => {
    show({
      override: {
        id: 'o1',
        screenId: 's1',
        cardUuid: 'card-1',
        finding: 'drug-allergy',
        reasonCode: 'benefit-outweighs-risk',
        comment: null,
        userId: 'u1',
        at: '2026-11-27T10:05:00.000Z',
      },
    });
    expect(screen.queryByRole('form')).toBeNull();
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Overridden by Dr Demo');
    expect(status.textContent).toContain('Benefit outweighs the risk for this patient');
    expect(status.textContent).toContain('27 Nov 2026');
  });

  it('tells a nurse that a clinician must override it', () => {
    show({ canOverride: false });
    expect(screen.queryByRole('form')).toBeNull();
    expect((document.querySelector('.screen-card') as HTMLElement).textContent).toContain(
      'A clinician must override this card',
    );
  });
});
