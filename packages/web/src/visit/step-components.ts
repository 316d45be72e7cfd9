// Which component draws each step: each step's own component (visit/<step>/), loaded on first use
// so the first screen stays small.
import type { ComponentType } from 'react';
import type { StepProps } from './step-props';
import type { VisitStepId } from './steps';
import { IndicationStepLazy } from './indication/lazy';
import { ReviewStepLazy } from './review/lazy';
import { PlanStepLazy } from './plan/lazy';
import { ScreeningStepLazy } from './screening/lazy';
import { ConsentStepLazy } from './consent/lazy';
import { ProcedureStepLazy } from './procedure/lazy';
import { SignStepLazy } from './sign/lazy';
import { DischargeStepLazy } from './discharge/lazy';

export const STEP_COMPONENTS: Readonly<Record<VisitStepId, ComponentType<StepProps>>> = {
  indication: IndicationStepLazy,
  review: ReviewStepLazy,
  plan: PlanStepLazy,
  screening: ScreeningStepLazy,
  consent: ConsentStepLazy,
  procedure: ProcedureStepLazy,
  sign: SignStepLazy,
  discharge: DischargeStepLazy,
};
