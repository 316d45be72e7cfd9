// The step loaded on first use, so the visit's first screen does not carry its code.
import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/Loading';
import type { StepProps } from '../step-props';

const Step = lazy(() => import('./ProcedureStep').then((m) => ({ default: m.ProcedureStep })));

export function ProcedureStepLazy(props: StepProps) {
  return (
    <Suspense fallback={<Loading label="Opening the step" />}>
      <Step {...props} />
    </Suspense>
  );
}
