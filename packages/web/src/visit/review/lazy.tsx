// The history review step, loaded when first opened (keeps the first screen's JavaScript small).
import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/Loading';
import type { StepProps } from '../step-props';

const Step = lazy(() => import('./ReviewStep').then((m) => ({ default: m.ReviewStep })));

export function ReviewStepLazy(props: StepProps) {
  return (
    <Suspense fallback={<Loading label="Opening the step" />}>
      <Step {...props} />
    </Suspense>
  );
}
