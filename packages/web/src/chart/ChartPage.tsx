// A patient's chart: who they are, their problems, allergies, medicines, vitals and labs, and
// injection history, each with its "add" form; and starting a visit.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../session/session-context';
import { Button } from '../ui/Button';
import { Loading } from '../ui/Loading';
import { PageHeader } from '../ui/PageHeader';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { AllergiesCard } from './AllergiesCard';
import { ChartActionsContext, type ChartActions } from './chart-actions';
import { HistoryCard } from './HistoryCard';
import { MedicinesCard } from './MedicinesCard';
import { ObservationsCard } from './ObservationsCard';
import { EditPatientDetails } from './EditPatientDetails';
import { OutcomesCardLazy } from '../outcomes/lazy';
import { PatientHeader, patientName } from './PatientHeader';
import { ProblemsCard } from './ProblemsCard';

export function ChartPage() {
  const { id = '' } = useParams();
  const { api, now, session } = useSession();
  const navigate = useNavigate();
  const [chart, reload] = useLoad(() => api.readChart(id), [id]);
  const [announcement, setAnnouncement] = useState('');
  const start = useSubmit();

  const actions = useMemo<ChartActions>(
    () => ({
      patientId: id,
      saved: async (message) => {
        await reload();
        setAnnouncement(message);
      },
    }),
    [id, reload],
  );

  async function startVisit() {
    let visitId = '';
    const ok = await start.run(async () => {
      visitId = (await api.startVisit(id)).id;
    });
    if (ok) void navigate(`/visits/${visitId}`);
  }

  const eyebrow = <Link to="/patients">← Patients</Link>;
  if (chart.status === 'loading' && !chart.value) {
    return (
      <>
        <PageHeader title="Chart" documentTitle="Chart" eyebrow={eyebrow} />
        <Loading label="Opening the chart" />
      </>
    );
  }
  if (!chart.value) {
    return (
      <>
        <PageHeader title="Chart" documentTitle="Chart" eyebrow={eyebrow} />
        <ProblemAlert problem={chart.status === 'failed' ? chart.problem : undefined} />
      </>
    );
  }
  const c = chart.value;
  const clinical = session.user.role !== 'clinic-admin';
  return (
    <ChartActionsContext.Provider value={actions}>
      <PageHeader
        title={patientName(c)}
        documentTitle={`${patientName(c)}: chart`}
        eyebrow={eyebrow}
        actions={
          <>
            <EditPatientDetails />
            {clinical && (
              <Button variant="primary" busy={start.busy} onClick={() => void startVisit()}>
                Start visit
              </Button>
            )}
          </>
        }
      >
        <PatientHeader chart={c} now={now()} />
      </PageHeader>
      <ProblemAlert problem={start.problem} />
      {chart.status === 'failed' && <ProblemAlert problem={chart.problem} />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="chart-grid">
        <div className="chart-column">
          <AllergiesCard chart={c} />
          <MedicinesCard chart={c} />
        </div>
        <div className="chart-column">
          <ProblemsCard conditions={c.conditions} />
          <ObservationsCard observations={c.observations} />
          <HistoryCard administrations={c.administrations} />
        </div>
      </div>
      {clinical && <OutcomesCardLazy patientId={c.patient.id} />}
    </ChartActionsContext.Provider>
  );
}
