// Per planned site, the trigger-point findings (taut band, local twitch, referred pain, jump sign)
// as checkboxes, one group per site named by the muscle and side.
import { memo } from 'react';
import type { Findings, PlannedSite } from '../../api/visit-planning-types';
import { FINDING_LABELS, muscleName } from './plan-state';

const SIDE = { left: 'left', right: 'right', both: 'both sides' } as const;

export interface SiteFindingsProps {
  readonly sites: readonly PlannedSite[];
  readonly onChange: (muscle: string, findings: Findings) => void;
}

export function SiteFindings({ sites, onChange }: SiteFindingsProps) {
  if (sites.length === 0) return null;
  return (
    <section className="site-findings" aria-labelledby="site-findings-title">
      <h3 id="site-findings-title" className="bm-sites-heading">
        Trigger-point findings
      </h3>
      <ul className="site-findings-list">
        {sites.map((site) => (
          <SiteRow key={site.muscle} site={site} onChange={onChange} />
        ))}
      </ul>
    </section>
  );
}

const SiteRow = memo(function SiteRow({
  site,
  onChange,
}: {
  readonly site: PlannedSite;
  readonly onChange: SiteFindingsProps['onChange'];
}) {
  const name = `${muscleName(site.muscle)} (${SIDE[site.side]})`;
  return (
    <li>
      <fieldset className="findings-group">
        <legend>{name}</legend>
        {FINDING_LABELS.map(({ key, label }) => (
          <label key={key} className="finding-option">
            <input
              type="checkbox"
              checked={site.findings[key]}
              onChange={(e) => onChange(site.muscle, { ...site.findings, [key]: e.target.checked })}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </li>
  );
});
