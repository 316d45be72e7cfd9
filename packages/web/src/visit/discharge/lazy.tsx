// The step loaded on first use, so the visit's first screen does not carry its code.
import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/Loading';
import type { StepProps } from '../step-props';

const Step = lazy(() => import('./DischargeStep').then((m) => ({ default: m.DischargeStep })));

export function DischargeStepLazy(props: StepProps) {
  return (
    <Suspense fallback={<Loading label="Opening the step" />}>
      <Step {...props} />
    </Suspense>
  );
}
