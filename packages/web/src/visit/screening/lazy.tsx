// The screening step, loaded when first opened (keeps the first screen's JavaScript small).
import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/Loading';
import type { StepProps } from '../step-props';

const Step = lazy(() => import('./ScreeningStep').then((m) => ({ default: m.ScreeningStep })));

export function ScreeningStepLazy(props: StepProps) {
  return (
    <Suspense fallback={<Loading label="Opening the step" />}>
      <Step {...props} />
    </Suspense>
  );
}
