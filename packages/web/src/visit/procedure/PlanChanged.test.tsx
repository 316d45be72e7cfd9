// @vitest-environment jsdom
// A draft note begun from an earlier plan: the notice names both revisions, and updating takes the
// current plan's sites, keeping what was recorded at a site still planned.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { Plan } from '../../api/visit-planning-types';
import { PlanChanged, sitesForPlan } from './PlanChanged';
import type { LocalSite } from './use-note-draft';

afterEach(cleanup);

const NO_FINDINGS = { tautBand: false, localTwitch: false, referredPain: false, jumpSign: false };

const recorded: LocalSite = {
  muscle: 'trapezius-upper',
  side: 'left',
  needle: { gauge: 27, lengthMm: 25 },
  aspiration: 'negative',
  twitch: true,
  tolerance: 'well',
  administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 1, lot: 'L1', expiry: '2027-06' }],
};
const dropped: LocalSite = { ...recorded, muscle: 'rhomboids', side: 'right' };

const plan: Plan = {
  id: 'p1',
  visitId: 'v1',
  patientId: 'pt1',
  revision: 3,
  screenId: 's3',
  sites: [
    { muscle: 'trapezius-upper', side: 'left', findings: NO_FINDINGS },
    { muscle: 'levator-scapulae', side: 'right', findings: NO_FINDINGS },
  ],
  products: [{ injectate: 'saline-0.9pct', volumeMl: 2 }],
};

it('takes the plan’s sites, keeping a site still planned and starting a new one empty', () => {
  const sites = sitesForPlan([recorded, dropped], plan);
  expect(sites.map((s) => `${s.muscle} (${s.side})`)).toEqual(['trapezius-upper (left)', 'levator-scapulae (right)']);
  expect(sites[0]).toBe(recorded);
  expect(sites[1]).toMatchObject({ needle: { gauge: null, lengthMm: null }, aspiration: null, administrations: [] });
});

it('a site planned on another side is a new site', () => {
  const sites = sitesForPlan([{ ...recorded, side: 'right' }], { sites: [plan.sites[0]!] });
  expect(sites[0]?.administrations).toEqual([]);
});

it('names both revisions and updates on request', () => {
  const onUpdate = vi.fn();
  render(<PlanChanged noteRevision={1} plan={plan} onUpdate={onUpdate} />);
  expect(screen.getByRole('status').textContent).toContain('plan revision 1; the visit’s plan is now revision 3');
  fireEvent.click(screen.getByRole('button', { name: 'Update the note to plan revision 3' }));
  expect(onUpdate).toHaveBeenCalledOnce();
});
