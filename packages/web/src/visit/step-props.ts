import type { Chart, Visit } from '../api/types';
import type { VisitStep } from './steps';

/** What every step component receives. */
export interface StepProps {
  readonly visit: Visit;
  readonly chart: Chart;
  readonly step: VisitStep;
  /** Go to the next step (the last step has none). */
  readonly next?: (() => void) | undefined;
  /** The visit has just ended (finished or stopped): the page shows it and its steps turn read-only. */
  readonly onEnded?: ((visit: Visit) => void) | undefined;
}
