// The planned sites as a list a keyboard can edit: add a muscle with its side, change a site's
// side, remove a site. The same state as the body map (see sites.ts), changed through onChange.
import { memo, useCallback, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { Side } from '@knotwork/core';
import { findMuscle, hasPleuralRiskHint, musclesByArea, pleuralRiskWords } from './muscle-names';
import { addSite, changeSiteSide, removeSite, type PlanSite } from './sites';
import './body-map.css';

export interface SiteListProps {
  readonly sites: readonly PlanSite[];
  readonly onChange: (sites: PlanSite[]) => void;
}

const SIDES: readonly { side: Side; label: string }[] = [
  { side: 'left', label: 'Left' },
  { side: 'right', label: 'Right' },
  { side: 'both', label: 'Both' },
];

const AREAS = musclesByArea();

function SideChoice(props: { name: string; legend: string; value: Side; onChange: (side: Side) => void }) {
  return (
    <fieldset className="bm-side-choice">
      <legend className="bm-visually-hidden">{props.legend}</legend>
      {SIDES.map(({ side, label }) => (
        <label key={side} className="bm-side-option">
          <input
            type="radio"
            name={props.name}
            value={side}
            checked={props.value === side}
            onChange={() => props.onChange(side)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

export function SiteList({ sites, onChange }: SiteListProps) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  // Rows and the add form get one stable `edit` callback that reads the latest sites, so a change
  // to one site re-renders only its row (the list stays quick beside the body map).
  const latest = useRef({ sites, onChange });
  useLayoutEffect(() => {
    latest.current = { sites, onChange };
  });
  const edit = useCallback((change: (sites: readonly PlanSite[]) => PlanSite[]) => {
    latest.current.onChange(change(latest.current.sites));
  }, []);

  return (
    <section className="bm-sites" aria-labelledby={`${id}-heading`}>
      <h3 className="bm-sites-heading" id={`${id}-heading`}>
        Planned sites
      </h3>
      {sites.length === 0 ? (
        <p className="bm-sites-empty">No sites yet: choose muscles on the body map or add them here.</p>
      ) : (
        <ul className="bm-site-rows">
          {sites.map((site) => (
            <SiteRow key={site.muscle} site={site} radioName={`${id}-side-${site.muscle}`} edit={edit} />
          ))}
        </ul>
      )}
      <AddSiteForm id={id} edit={edit} />
    </section>
  );
}

type Edit = (change: (sites: readonly PlanSite[]) => PlanSite[]) => void;

const SiteRow = memo(function SiteRow({ site, radioName, edit }: { site: PlanSite; radioName: string; edit: Edit }) {
  const known = findMuscle(site.muscle);
  const name = known?.display ?? site.muscle;
  return (
    <li className="bm-site-row">
      <span className="bm-site-name">
        {name}
        {known !== undefined && hasPleuralRiskHint(known) && (
          <span className="bm-site-risk"> ({pleuralRiskWords(known)})</span>
        )}
      </span>
      <SideChoice
        name={radioName}
        legend={`Side for ${name}`}
        value={site.side}
        onChange={(next) => edit((sites) => changeSiteSide(sites, site.muscle, next))}
      />
      <button
        type="button"
        className="bm-site-remove"
        aria-label={`Remove ${name}`}
        onClick={() => edit((sites) => removeSite(sites, site.muscle))}
      >
        Remove
      </button>
    </li>
  );
});

const AddSiteForm = memo(function AddSiteForm({ id, edit }: { id: string; edit: Edit }) {
  const [muscle, setMuscle] = useState('');
  const [side, setSide] = useState<Side>('both');

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (muscle === '') return;
    edit((sites) => addSite(sites, muscle, side));
    setMuscle('');
  };

  return (
    <form className="bm-site-add" onSubmit={add} aria-label="Add a site">
      <label className="bm-site-add-label" htmlFor={`${id}-muscle`}>
        Muscle
      </label>
      <select id={`${id}-muscle`} value={muscle} onChange={(e) => setMuscle(e.target.value)} required>
        <option value="">Choose a muscle…</option>
        {AREAS.map(({ area, muscles }) => (
          <optgroup key={area} label={area}>
            {muscles.map((m) => (
              <option key={m.code} value={m.code}>
                {m.display}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <SideChoice name={`${id}-add-side`} legend="Side" value={side} onChange={setSide} />
      <button type="submit" className="bm-site-add-button">
        Add site
      </button>
    </form>
  );
});
