import type { StepProps } from './step-props';

/** Stands in for a step not built yet. */
export function StepPlaceholder({ step }: StepProps) {
  return (
    <div className="step-placeholder">
      <p className="step-summary">{step.summary}</p>
      <p className="muted">This step is not available yet in this version of Knotwork.</p>
    </div>
  );
}
