// The body map for planning injection sites: front and back views of every catalogue muscle,
// one checkbox per muscle and side. A click, a tap, Space or Enter toggles that side of that
// muscle through onToggle; the parent keeps the sites (see sites.ts: toggleSite), so the map and
// the SiteList are two views of one state.
import { useCallback, useId, useState, type KeyboardEvent } from 'react';
import type { MuscleCode } from '@knotwork/core';
import { BodyView } from './BodyView';
import type { Highlight } from './muscle-names';
import type { BodySide, View } from './muscle-shapes';
import { plannedSides, type PlanSite } from './sites';
import './body-map.css';

export type BodyMapView = View | 'both';

export interface BodyMapProps {
  readonly sites: readonly PlanSite[];
  readonly onToggle: (muscle: MuscleCode, side: BodySide) => void;
  /** A screening result to show on the muscles (e.g. an infection over a planned site). */
  readonly highlight?: (muscle: MuscleCode) => Highlight;
  /** A fixed view; without it the map offers Front, Back and Both as tabs (Both to start). */
  readonly view?: BodyMapView;
}

const TABS: readonly { view: BodyMapView; label: string }[] = [
  { view: 'both', label: 'Front and back' },
  { view: 'front', label: 'Front' },
  { view: 'back', label: 'Back' },
];

export function BodyMap({ sites, onToggle, highlight, view }: BodyMapProps) {
  const idPrefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [chosen, setChosen] = useState<BodyMapView>('both');
  const shown = view ?? chosen;
  const planned = useCallback((muscle: string) => plannedSides(sites, muscle), [sites]);
  const views: View[] = shown === 'both' ? ['front', 'back'] : [shown];

  // The tabs pattern: one tab stop, arrow keys choose the next or previous view.
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const at = TABS.findIndex((tab) => tab.view === chosen);
    const next = TABS[(at + step + TABS.length) % TABS.length]!.view;
    setChosen(next);
    event.currentTarget.querySelector<HTMLButtonElement>(`#${idPrefix}-tab-${next}`)?.focus();
  };

  return (
    <section className="bm" aria-label="Body map of injection sites">
      {view === undefined && (
        <div className="bm-tabs" role="tablist" aria-label="Body map view" onKeyDown={onTabKey}>
          {TABS.map((tab) => (
            <button
              key={tab.view}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${tab.view}`}
              aria-selected={chosen === tab.view}
              tabIndex={chosen === tab.view ? 0 : -1}
              aria-controls={`${idPrefix}-panel`}
              className="bm-tab"
              onClick={() => setChosen(tab.view)}
            >
              {tab.label}
            </button>
          ))}
        </div>
      )}
      <div
        className={`bm-views bm-views-${shown}`}
        id={`${idPrefix}-panel`}
        {...(view === undefined ? { role: 'tabpanel', 'aria-labelledby': `${idPrefix}-tab-${chosen}` } : {})}
      >
        {views.map((v) => (
          <figure key={v} className="bm-figure-frame">
            <figcaption className="bm-caption">{v === 'front' ? 'Front' : 'Back'}</figcaption>
            <BodyView view={v} idPrefix={idPrefix} planned={planned} onToggle={onToggle} highlight={highlight} />
          </figure>
        ))}
      </div>
      <BodyMapLegend />
    </section>
  );
}

const SWATCH = 'M 2 8 C 2 2 22 2 22 8 C 22 14 2 14 2 8 Z';

function BodyMapLegend() {
  return (
    <ul className="bm-legend" aria-label="Key">
      <li className="bm-legend-item">
        <svg className="bm-legend-swatch" viewBox="0 0 24 16" aria-hidden="true">
          <g className="bm-muscle bm-selected">
            <path className="bm-shape" d={SWATCH} />
            <path className="bm-outline" d={SWATCH} />
            <path className="bm-legend-mark" d="M 9 5 L 15 11 M 9 11 L 15 5" />
          </g>
        </svg>
        Planned (striped, marked ×)
      </li>
      <li className="bm-legend-item">
        <svg className="bm-legend-swatch" viewBox="0 0 24 16" aria-hidden="true">
          <g className="bm-muscle bm-deep">
            <path className="bm-shape" d={SWATCH} />
            <path className="bm-outline" d={SWATCH} />
          </g>
        </svg>
        Deep muscle (dashed)
      </li>
      <li className="bm-legend-item">
        <svg className="bm-legend-swatch" viewBox="0 0 24 16" aria-hidden="true">
          <g className="bm-muscle">
            <path className="bm-shape" d={SWATCH} />
            <path className="bm-outline" d={SWATCH} />
            {[6, 12, 18].map((x) => (
              <circle key={x} className="bm-legend-dot" cx={x} cy={8} r={1.1} />
            ))}
          </g>
        </svg>
        Pleural risk moderate or higher (dotted)
      </li>
    </ul>
  );
}
