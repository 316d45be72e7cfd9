// The clinic's outcomes dashboard (issue 6 item 5): responder rates (IMMPACT 30 % and 50 %), median
// duration of relief, flare, complication rates and steroid exposure, overall and by indication,
// muscle, injectate (anaesthetic alone or with steroid), clinician and month, with filters and a
// CSV export. The chart's text alternative is the table of the same rows under it and a summary.
import { catalogue } from '@knotwork/core';
import { useMemo, useState } from 'react';
import { dashboardCsvHref, useOutcomeApi } from '../api/outcome-endpoints';
import type { Dashboard, DashboardFilters, DashboardRow, Rate } from '../api/outcome-types';
import { Card } from '../ui/Card';
import { Loading } from '../ui/Loading';
import { PageHeader } from '../ui/PageHeader';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useLoad } from '../ui/use-load';
import { ResponderFigure } from './charts-lazy';
import './outcomes.css';

const GROUPS = [
  ['byIndication', 'Indication'],
  ['byMuscle', 'Muscle'],
  ['byInjectate', 'Injectate'],
  ['byClinician', 'Clinician'],
  ['byMonth', 'Month'],
] as const;
type Group = (typeof GROUPS)[number][0];

/** A rate with its counts; with nothing to judge it by, says so rather than 0 %. */
export const rateText = (r: Rate) => (r.rate === null ? 'no data' : `${Math.round(r.rate * 100)} % (${r.n}/${r.of})`);

export function responderSummary(label: string, rows: readonly DashboardRow[]): string {
  if (rows.length === 0) return `No procedures by ${label.toLowerCase()} for these filters.`;
  return `Responders by ${label.toLowerCase()}: ${rows
    .map((r) => `${r.label}: ≥ 30 % ${rateText(r.responder30)}, ≥ 50 % ${rateText(r.responder50)}`)
    .join('; ')}.`;
}

function RowsTable({ rows, caption }: { readonly rows: readonly DashboardRow[]; readonly caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">
              Procedures
            </th>
            <th scope="col" className="num">
              Responders ≥ 30 %
            </th>
            <th scope="col" className="num">
              Responders ≥ 50 %
            </th>
            <th scope="col" className="num">
              Median relief (days)
            </th>
            <th scope="col" className="num">
              Flare
            </th>
            <th scope="col" className="num">
              Complications
            </th>
            <th scope="col" className="num">
              Steroid given
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.procedures}</td>
              <td className="num">{rateText(r.responder30)}</td>
              <td className="num">{rateText(r.responder50)}</td>
              <td className="num">{r.medianReliefDurationDays ?? '—'}</td>
              <td className="num">{rateText(r.flare)}</td>
              <td className="num">{rateText(r.complications)}</td>
              <td className="num">{rateText(r.steroidExposure)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Tiles({ d }: { readonly d: Dashboard }) {
  const o = d.overall;
  const tiles: readonly [string, string][] = [
    ['Procedures', String(d.totals.procedures)],
    ['Patients', String(d.totals.patients)],
    ['Follow-up answers', String(d.totals.answers)],
    ['Responders ≥ 30 %', rateText(o.responder30)],
    ['Responders ≥ 50 %', rateText(o.responder50)],
    ['Median relief', o.medianReliefDurationDays === null ? '—' : `${o.medianReliefDurationDays} days`],
    ['Complications', rateText(o.complications)],
    ['Steroid given', rateText(o.steroidExposure)],
  ];
  return (
    <ul className="dashboard-tiles">
      {tiles.map(([label, value]) => (
        <li key={label} className="dashboard-tile">
          <span className="dashboard-tile-value">{value}</span>
          <span className="dashboard-tile-label">{label}</span>
        </li>
      ))}
    </ul>
  );
}

export function DashboardPage() {
  const api = useOutcomeApi();
  const [draft, setDraft] = useState<DashboardFilters>({});
  const [filters, setFilters] = useState<DashboardFilters>({});
  const [group, setGroup] = useState<Group>('byIndication');
  const [loaded] = useLoad(() => api.dashboard(filters), [api, filters]);
  const clinicians = useMemo(() => loaded.value?.byClinician ?? [], [loaded.value]);
  const set = (key: keyof DashboardFilters, value: string) =>
    setDraft((d) => {
      const next: Record<string, string> = { ...d };
      if (value) next[key] = value;
      else delete next[key];
      return next;
    });
  const groupLabel = GROUPS.find(([g]) => g === group)?.[1] ?? '';

  return (
    <>
      <PageHeader
        title="Outcomes"
        documentTitle="Outcomes dashboard"
        actions={
          <a className="btn btn-secondary" href={dashboardCsvHref(filters)} download>
            Export CSV
          </a>
        }
      />
      <form
        className="dashboard-filters"
        aria-label="Filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="f-from">
            Signed from
          </label>
          <input
            id="f-from"
            className="input"
            type="date"
            value={draft.from ?? ''}
            onChange={(e) => set('from', e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="f-to">
            Signed to
          </label>
          <input
            id="f-to"
            className="input"
            type="date"
            value={draft.to ?? ''}
            onChange={(e) => set('to', e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="f-indication">
            Indication (ICD-10)
          </label>
          <input
            id="f-indication"
            className="input"
            value={draft.indication ?? ''}
            placeholder="M79.1"
            onChange={(e) => set('indication', e.target.value.trim())}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="f-muscle">
            Muscle
          </label>
          <select
            id="f-muscle"
            className="select input"
            value={draft.muscle ?? ''}
            onChange={(e) => set('muscle', e.target.value)}
          >
            <option value="">All muscles</option>
            {catalogue.muscles.map((m) => (
              <option key={m.code} value={m.code}>
                {m.display}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="f-injectate">
            Injectate
          </label>
          <select
            id="f-injectate"
            className="select input"
            value={draft.injectate ?? ''}
            onChange={(e) => set('injectate', e.target.value)}
          >
            <option value="">All</option>
            <option value="anaesthetic-only">Anaesthetic alone</option>
            <option value="with-steroid">With steroid</option>
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="f-clinician">
            Clinician
          </label>
          <select
            id="f-clinician"
            className="select input"
            value={draft.clinician ?? ''}
            onChange={(e) => set('clinician', e.target.value)}
          >
            <option value="">All clinicians</option>
            {clinicians.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary">
          Apply filters
        </button>
      </form>
      {loaded.status === 'failed' && <ProblemAlert problem={loaded.problem} />}
      {loaded.status === 'loading' && <Loading label="Counting outcomes" />}
      {loaded.value && (
        <>
          <Tiles d={loaded.value} />
          <Card
            title={`Responders and complications by ${groupLabel.toLowerCase()}`}
            headingId="dashboard-groups"
            actions={
              <label className="field-pair">
                <span className="field-label">Group by</span>
                <select className="select input" value={group} onChange={(e) => setGroup(e.target.value as Group)}>
                  {GROUPS.map(([g, label]) => (
                    <option key={g} value={g}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
            }
          >
            <ResponderFigure rows={loaded.value[group]} summary={responderSummary(groupLabel, loaded.value[group])} />
            <RowsTable
              rows={[loaded.value.overall, ...loaded.value[group]]}
              caption={`Outcomes by ${groupLabel.toLowerCase()}`}
            />
          </Card>
        </>
      )}
    </>
  );
}
