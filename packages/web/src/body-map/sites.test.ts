import { describe, expect, it } from 'vitest';
import { addSite, changeSiteSide, plannedSides, removeSite, toggleSite, type PlanSite } from './sites';

describe('plan sites', () => {
  it('toggle one side on, then the other makes both, then off again one at a time', () => {
    let sites: PlanSite[] = [];
    sites = toggleSite(sites, 'piriformis', 'left');
    expect(sites).toEqual([{ muscle: 'piriformis', side: 'left' }]);
    sites = toggleSite(sites, 'piriformis', 'right');
    expect(sites).toEqual([{ muscle: 'piriformis', side: 'both' }]);
    sites = toggleSite(sites, 'piriformis', 'left');
    expect(sites).toEqual([{ muscle: 'piriformis', side: 'right' }]);
    sites = toggleSite(sites, 'piriformis', 'right');
    expect(sites).toEqual([]);
  });

  it('keep the order of the other sites and the place of a changed one', () => {
    const sites: PlanSite[] = [
      { muscle: 'deltoid', side: 'left' },
      { muscle: 'masseter', side: 'both' },
      { muscle: 'scalenes', side: 'right' },
    ];
    expect(toggleSite(sites, 'masseter', 'right').map((s) => s.muscle)).toEqual(['deltoid', 'masseter', 'scalenes']);
    expect(changeSiteSide(sites, 'deltoid', 'both')[0]).toEqual({ muscle: 'deltoid', side: 'both' });
    expect(removeSite(sites, 'masseter')).toEqual([sites[0], sites[2]]);
  });

  it('merge an added site with the same muscle rather than list it twice', () => {
    const sites = addSite([{ muscle: 'rhomboids', side: 'left' }], 'rhomboids', 'right');
    expect(sites).toEqual([{ muscle: 'rhomboids', side: 'both' }]);
    expect(
      plannedSides(
        [
          { muscle: 'a', side: 'left' },
          { muscle: 'a', side: 'right' },
        ],
        'a',
      ),
    ).toEqual({
      left: true,
      right: true,
    });
  });
});
