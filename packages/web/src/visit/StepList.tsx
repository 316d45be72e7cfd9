// The visit's steps as a list of links, the current one marked (aria-current="step").
import { Link } from 'react-router';
import { VISIT_STEPS, type VisitStepId } from './steps';

export function StepList({ visitId, current }: { readonly visitId: string; readonly current: VisitStepId }) {
  const index = VISIT_STEPS.findIndex((s) => s.id === current);
  return (
    <nav className="step-list" aria-label="Visit steps">
      <ol>
        {VISIT_STEPS.map((step, i) => (
          <li key={step.id} className={i === index ? 'step step-current' : i < index ? 'step step-before' : 'step'}>
            <Link to={`/visits/${visitId}/${step.id}`} aria-current={i === index ? 'step' : undefined}>
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="step-title">{step.title}</span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
