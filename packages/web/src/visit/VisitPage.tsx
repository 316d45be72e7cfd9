// A visit: the patient, the step list, and the current step (from the URL, so a visit resumes at
// any step; /visits/:id opens the first).
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { Visit } from '../api/types';
import { useSession } from '../session/session-context';
import { formatDateTime } from '../ui/format';
import { Badge } from '../ui/Badge';
import { Loading } from '../ui/Loading';
import { PageHeader } from '../ui/PageHeader';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useLoad } from '../ui/use-load';
import { PatientHeader, patientName } from '../chart/PatientHeader';
import { STEP_COMPONENTS } from './step-components';
import { LastChecklistButton } from './last/LastChecklistButton';
import { StepList } from './StepList';
import { StopVisitButton } from './end/StopVisitButton';
import { VisitEndStatus } from './end/VisitEndStatus';
import { stepById, VISIT_STEPS } from './steps';

const STATUS = { 'in-progress': 'In progress', finished: 'Finished', cancelled: 'Stopped' } as const;

export function VisitPage() {
  const { visitId = '', step: stepId } = useParams();
  const { api, now } = useSession();
  const navigate = useNavigate();
  // The visit as it ended here (the loaded one is read once per visit id).
  const [ended, setEnded] = useState<Visit>();
  const [loaded] = useLoad(async () => {
    const visit = await api.readVisit(visitId);
    const chart = await api.readChart(visit.patientId);
    return { visit, chart };
  }, [visitId]);

  const first = VISIT_STEPS[0];
  if (stepId === undefined) return <Navigate to={`/visits/${visitId}/${first.id}`} replace />;
  const step = stepById(stepId);
  if (!step) return <Navigate to={`/visits/${visitId}/${first.id}`} replace />;

  if (loaded.status === 'loading') {
    return (
      <>
        <PageHeader title="Visit" documentTitle="Visit" />
        <Loading label="Opening the visit" />
      </>
    );
  }
  if (loaded.status === 'failed') {
    return (
      <>
        <PageHeader title="Visit" documentTitle="Visit" eyebrow={<Link to="/patients">← Patients</Link>} />
        <ProblemAlert problem={loaded.problem} />
      </>
    );
  }
  const { chart } = loaded.value;
  const visit = ended?.id === loaded.value.visit.id ? ended : loaded.value.visit;
  const over = visit.status !== 'in-progress';
  const index = VISIT_STEPS.findIndex((s) => s.id === step.id);
  const following = VISIT_STEPS[index + 1];
  const Step = STEP_COMPONENTS[step.id];
  const name = patientName(chart);
  return (
    <>
      <PageHeader
        title={<>Visit: {name}</>}
        documentTitle={`${step.title}: visit for ${name}`}
        eyebrow={<Link to={`/patients/${visit.patientId}`}>← {name}’s chart</Link>}
        actions={
          <>
            <LastChecklistButton visitId={visit.id} />
            <StopVisitButton visit={visit} onEnded={setEnded} />
            <Badge tone={over ? 'neutral' : 'primary'}>{STATUS[visit.status]}</Badge>
          </>
        }
      >
        <p className="muted visit-started">Started {formatDateTime(visit.startedAt)}</p>
        <VisitEndStatus visit={visit} />
        <PatientHeader chart={chart} now={now()} />
      </PageHeader>
      <div className="visit-layout">
        <StepList visitId={visit.id} current={step.id} />
        <section className="card visit-step" aria-labelledby="visit-step-title">
          <header className="card-header">
            <div className="card-heading">
              <p className="step-count">
                Step {index + 1} of {VISIT_STEPS.length}
              </p>
              <h2 id="visit-step-title" className="card-title">
                {step.title}
              </h2>
            </div>
          </header>
          <div className="card-content">
            {/* An ended visit's step is read-only: a disabled fieldset disables every control in it. */}
            <fieldset className="visit-step-fields" disabled={over}>
              <Step
                visit={visit}
                chart={chart}
                step={step}
                next={following ? () => void navigate(`/visits/${visit.id}/${following.id}`) : undefined}
                onEnded={setEnded}
              />
            </fieldset>
          </div>
          <footer className="step-footer">
            {index > 0 && (
              <Link className="btn btn-ghost" to={`/visits/${visit.id}/${VISIT_STEPS[index - 1]?.id ?? first.id}`}>
                ← Previous step
              </Link>
            )}
            {following && (
              <Link className="btn btn-secondary step-next" to={`/visits/${visit.id}/${following.id}`}>
                Next: {following.title} →
              </Link>
            )}
          </footer>
        </section>
      </div>
    </>
  );
}
