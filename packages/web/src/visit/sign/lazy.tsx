// The step loaded on first use, so the visit's first screen does not carry its code.
import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/Loading';
import type { StepProps } from '../step-props';

const Step = lazy(() => import('./SignStep').then((m) => ({ default: m.SignStep })));

export function SignStepLazy(props: StepProps) {
  return (
    <Suspense fallback={<Loading label="Opening the step" />}>
      <Step {...props} />
    </Suspense>
  );
}
