// The patient's ended visits in the TPI history, read-only: finished (discharged) or stopped with
// the reason the procedure was not done (GET /api/patients/:id/visits).
import { useSession } from '../../session/session-context';
import { Badge } from '../../ui/Badge';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useLoad } from '../../ui/use-load';

export function EndedVisits({ patientId }: { readonly patientId: string }) {
  const { api } = useSession();
  const [loaded] = useLoad(() => api.listVisits(patientId), [api, patientId]);
  if (loaded.status === 'failed') return <ProblemAlert problem={loaded.problem} />;
  const ended = (loaded.value?.items ?? []).filter((v) => v.status !== 'in-progress');
  if (ended.length === 0) return null;
  return (
    <section aria-labelledby="chart-ended-visits">
      <h3 id="chart-ended-visits" className="record-subtitle">
        Ended visits
      </h3>
      <ul className="entry-list">
        {ended.map((v) => (
          <li key={v.id} className="entry">
            <div className="entry-main">
              <span className="entry-title">Visit of {formatDateTime(v.startedAt)}</span>
              <Badge tone={v.status === 'finished' ? 'success' : 'warning'}>
                {v.status === 'finished' ? 'Finished' : 'Stopped'}
              </Badge>
            </div>
            <div className="entry-meta">
              {v.endedAt && <span>Ended {formatDateTime(v.endedAt)}</span>}
              {v.status === 'cancelled' && <span>Reason: {v.endReason ?? 'not recorded'}</span>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
