// The outcomes card, loaded on first use so the chart page's first screen does not carry it.
import { lazy, Suspense } from 'react';
import { Loading } from '../ui/Loading';

const Card = lazy(() => import('./OutcomesCard').then((m) => ({ default: m.OutcomesCard })));
const Dashboard = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));

export function OutcomesCardLazy({ patientId }: { readonly patientId: string }) {
  return (
    <Suspense fallback={<Loading label="Loading outcomes" />}>
      <Card patientId={patientId} />
    </Suspense>
  );
}

export function DashboardPageLazy() {
  return (
    <Suspense fallback={<Loading label="Opening the dashboard" />}>
      <Dashboard />
    </Suspense>
  );
}
