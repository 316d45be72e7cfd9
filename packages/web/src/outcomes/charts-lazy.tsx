// The charts, loaded on first use: recharts is not part of the first screen.
import { lazy, Suspense, type ComponentProps, type ReactNode } from 'react';
import { Loading } from '../ui/Loading';

const Pain = lazy(() => import('./charts').then((m) => ({ default: m.PainOverTimeChart })));
const Responders = lazy(() => import('./charts').then((m) => ({ default: m.ResponderChart })));

/** A figure whose picture is a chart and whose text alternative is the summary (and the table beside it). */
function Figure({ summary, children }: { readonly summary: string; readonly children: ReactNode }) {
  return (
    <figure className="outcome-figure">
      <div role="img" aria-label={summary} className="outcome-figure-chart">
        <Suspense fallback={<Loading label="Drawing the chart" />}>{children}</Suspense>
      </div>
      <figcaption className="outcome-figure-caption">{summary}</figcaption>
    </figure>
  );
}

export function PainOverTimeFigure(props: ComponentProps<typeof Pain> & { readonly summary: string }) {
  const { summary, ...rest } = props;
  return (
    <Figure summary={summary}>
      <Pain {...rest} />
    </Figure>
  );
}

export function ResponderFigure(props: ComponentProps<typeof Responders> & { readonly summary: string }) {
  const { summary, ...rest } = props;
  return (
    <Figure summary={summary}>
      <Responders {...rest} />
    </Figure>
  );
}
