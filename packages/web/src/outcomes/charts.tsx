// The outcome charts, drawn by recharts (a charting library that supports React 19). This module is
// only ever imported lazily (charts-lazy.tsx), so recharts stays out of the first screen's bundle.
// Every chart here is decorative for assistive technology: its caller shows the same numbers as a
// table and a summary sentence (the text alternative), and the figure is labelled by that summary.
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DashboardRow } from '../api/outcome-types';
import type { ProcedureSeries } from './pain-series';

const day = (t: number) => new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
const COLOURS = ['#0b6e69', '#1d5fd0', '#8f1c13', '#774700', '#4b5967'];

export function PainOverTimeChart({ series }: { readonly series: readonly ProcedureSeries[] }) {
  const baselines = series.flatMap((s) => (s.baseline ? [s.baseline] : []));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#d3dae1" strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin - 86400000', 'dataMax + 86400000']}
          tickFormatter={day}
          allowDuplicatedCategory={false}
        />
        <YAxis
          domain={[0, 10]}
          ticks={[0, 2, 4, 6, 8, 10]}
          width={32}
          label={{ value: 'Pain 0-10', angle: -90, position: 'insideLeft' }}
        />
        <Tooltip labelFormatter={(t) => day(Number(t))} />
        <Legend />
        {series.map((s) => (
          <ReferenceLine
            key={`tpi-${s.visitId}`}
            x={s.injectedAt}
            stroke="#8a97a4"
            strokeDasharray="4 4"
            label={{ value: 'TPI', position: 'top', fill: '#4b5967', fontSize: 12 }}
            ifOverflow="extendDomain"
          />
        ))}
        {series.map((s, i) => (
          <Line
            key={s.visitId}
            name={`Pain after ${s.label}`}
            data={[...(s.baseline ? [s.baseline] : []), ...s.answers]}
            dataKey="pain"
            stroke={COLOURS[i % COLOURS.length]}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        ))}
        <Scatter
          name="Baseline (before the injection)"
          data={baselines}
          dataKey="pain"
          fill="#16202a"
          shape="diamond"
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

const pct = (r: { readonly rate: number | null }) => (r.rate === null ? null : Math.round(r.rate * 100));

export function ResponderChart({ rows }: { readonly rows: readonly DashboardRow[] }) {
  const data = rows.map((r) => ({
    label: r.label,
    r30: pct(r.responder30),
    r50: pct(r.responder50),
    complications: pct(r.complications),
  }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(220, 40 + rows.length * 36)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#d3dae1" strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} unit="%" />
        <YAxis type="category" dataKey="label" width={150} />
        <Tooltip formatter={(v) => (v === null ? 'no data' : `${String(v)}%`)} />
        <Legend />
        <Bar dataKey="r30" name="Responders ≥ 30 %" fill="#1d5fd0" isAnimationActive={false} />
        <Bar dataKey="r50" name="Responders ≥ 50 %" fill="#0b6e69" isAnimationActive={false} />
        <Bar dataKey="complications" name="Complications" fill="#b42318" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
