// The clinic settings loaded on first use, so the clinicians' first screen does not carry their code.
import { lazy, Suspense } from 'react';
import { Loading } from '../ui/Loading';

const Page = lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage })));

export function SettingsPageLazy() {
  return (
    <Suspense fallback={<Loading label="Opening the clinic settings" />}>
      <Page />
    </Suspense>
  );
}
