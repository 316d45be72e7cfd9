// A patient's outcomes on the chart page (issue 6 items 4 and 5): pain over time across procedures
// with baselines and injections marked (a chart, with a summary and a table as its text
// alternative), and per procedure the relief, responders (IMMPACT), duration of relief, flare,
// complications and repeat eligibility under the clinic's rule pack, showing what is missing.
import { catalogue } from '@knotwork/core';
import type { CriterionResult } from '@knotwork/core';
import { useMemo } from 'react';
import { useOutcomeApi } from '../api/outcome-endpoints';
import type { ProcedureOutcomes } from '../api/outcome-types';
import { Card } from '../ui/Card';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useLoad } from '../ui/use-load';
import { PainOverTimeFigure } from './charts-lazy';
import { painSeries, painSummary } from './pain-series';
import './outcomes.css';

const muscleName = (code: string) => catalogue.muscles.find((m) => m.code === code)?.display ?? code;
const injectateName = (code: string) => catalogue.injectates.find((i) => i.code === code)?.display ?? code;
const dateOf = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

const tri = (v: boolean | null, yes: string, no: string) => (v === null ? 'unknown' : v ? yes : no);
const MET = (c: CriterionResult) => (c.met === null ? 'Unknown' : c.met ? 'Met' : 'Not met');
const VERDICT = { eligible: 'Eligible', 'not-eligible': 'Not eligible', unknown: 'Unknown: data missing' } as const;
const FLARE = {
  detected: 'flare: pain rose above baseline in the first 72 h, then fell',
  'rise-not-fallen': 'pain above baseline in the first 72 h, not yet fallen',
  none: 'no flare',
  unknown: 'flare unknown',
} as const;

function ProcedureSummary({ p }: { readonly p: ProcedureOutcomes }) {
  const o = p.outcome;
  const d = o.reliefDuration;
  return (
    <article className="outcome-procedure" aria-labelledby={`outcome-${p.visitId}`}>
      <h3 id={`outcome-${p.visitId}`} className="outcome-procedure-title">
        {dateOf(p.date)}: {p.sites.map((s) => muscleName(s.muscle)).join(', ')}
      </h3>
      <p className="muted">
        {p.injectates.map(injectateName).join(', ')}
        {p.indication && <> · indication {p.indication}</>} · baseline pain {p.baseline.painNrs ?? 'not recorded'}
      </p>
      <ul className="outcome-facts">
        <li>
          Responder ≥ 30 %: <strong>{tri(o.responder30, 'yes', 'no')}</strong>; ≥ 50 %:{' '}
          <strong>{tri(o.responder50, 'yes', 'no')}</strong>
          {o.endpoint && <> (at day {(o.endpoint.hoursAfter / 24).toFixed(1)})</>}
        </li>
        <li>
          Relief ≥ {d.thresholdPct} %: <strong>{d.status}</strong>
          {d.days !== null && <> · {d.days} days</>} <span className="muted">({d.reason})</span>
        </li>
        <li>{FLARE[o.flare.status]}</li>
        <li>
          Complications:{' '}
          {o.complications.length === 0 ? 'none reported' : o.complications.map((c) => `${c.id} (${c.by})`).join(', ')}
        </li>
        {o.functionalImprovementPct !== null && <li>PEG better by {o.functionalImprovementPct.toFixed(0)} %</li>}
        {o.missing.length > 0 && <li className="text-warning">Missing: {o.missing.join('; ')}</li>}
      </ul>
      <details className="outcome-eligibility">
        <summary>
          Repeat: <strong>{VERDICT[p.eligibility.verdict]}</strong>{' '}
          <span className="muted">
            ({p.eligibility.pack.name}, version {p.eligibility.pack.version})
          </span>
        </summary>
        <ul>
          {p.eligibility.criteria.map((c) => (
            <li key={c.id}>
              <strong>{MET(c)}</strong>: {c.detail}
              {c.missing && <span className="text-warning"> Needs: {c.missing}.</span>}{' '}
              <span className="muted">[{c.sources.join(', ')}]</span>
            </li>
          ))}
          {p.eligibility.notChecked.map((n) => (
            <li key={n}>
              <strong>Not checked by Knotwork</strong>: {n}
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}

export function OutcomesCard({ patientId }: { readonly patientId: string }) {
  const api = useOutcomeApi();
  const [loaded] = useLoad(() => api.patientOutcomes(patientId), [api, patientId]);
  const series = useMemo(() => (loaded.value ? painSeries(loaded.value, muscleName) : []), [loaded.value]);
  return (
    <Card title="Outcomes after injections" headingId="outcomes-title" className="outcomes-card">
      {loaded.status === 'failed' && <ProblemAlert problem={loaded.problem} focus={false} />}
      {loaded.status === 'loading' && <Loading label="Loading outcomes" />}
      {loaded.value && loaded.value.procedures.length === 0 && (
        <p className="empty">No signed trigger point injections yet.</p>
      )}
      {loaded.value && loaded.value.procedures.length > 0 && (
        <>
          <PainOverTimeFigure series={series} summary={`Pain over time. ${painSummary(series)}`} />
          <details className="outcome-table">
            <summary>Pain over time as a table</summary>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Pain (0-10) at baseline and at each answer, by procedure</caption>
                <thead>
                  <tr>
                    <th scope="col">Procedure</th>
                    <th scope="col">When</th>
                    <th scope="col" className="num">
                      Pain
                    </th>
                    <th scope="col" className="num">
                      Relief reported
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.value.procedures.flatMap((p) => [
                    <tr key={`${p.visitId}-base`}>
                      <th scope="row">{dateOf(p.date)}</th>
                      <td>Baseline (before)</td>
                      <td className="num">{p.baseline.painNrs ?? '—'}</td>
                      <td className="num">—</td>
                    </tr>,
                    ...p.points.map((pt) => (
                      <tr key={`${p.visitId}-${pt.at}`}>
                        <th scope="row">{dateOf(p.date)}</th>
                        <td>
                          {new Date(pt.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} (day{' '}
                          {(pt.hoursAfter / 24).toFixed(1)})
                        </td>
                        <td className="num">{pt.painNrs}</td>
                        <td className="num">{pt.reliefPct} %</td>
                      </tr>
                    )),
                  ])}
                </tbody>
              </table>
            </div>
          </details>
          {[...loaded.value.procedures]
            .sort((a, b) => b.date.localeCompare(a.date))
            .map((p) => (
              <ProcedureSummary key={p.visitId} p={p} />
            ))}
        </>
      )}
    </Card>
  );
}
